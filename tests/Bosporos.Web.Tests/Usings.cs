global using Bosporos.Web;
