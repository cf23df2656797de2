namespace Bosporos.Scenarios;
