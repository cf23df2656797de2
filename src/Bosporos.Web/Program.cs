using Bosporos.Web;

return await BosporosWeb.RunAsync(WebOptions.FromArgs(args)).ConfigureAwait(false);
