using Bosporos.Web;

namespace Bosporos.Cli.Commands;

/// <summary>The switches of <c>bosporos serve</c>.</summary>
internal sealed record ServeRequest(string? Urls, string? Token, IReadOnlyList<string> AllowedHosts, IReadOnlyList<string> Stores, string? Results, bool NoResults);

/// <summary><c>bosporos serve</c>: the site on loopback (or elsewhere with a token) until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static int Execute(CliEnvironment env, ServeRequest request)
    {
        var options = new WebOptions
        {
            Urls = string.IsNullOrWhiteSpace(request.Urls) ? WebOptions.DefaultUrls : request.Urls,
            Token = string.IsNullOrEmpty(request.Token) ? Environment.GetEnvironmentVariable("BOSPOROS_TOKEN") : request.Token,
            AllowedHosts = request.AllowedHosts.SelectMany(WebOptions.SplitHosts).ToArray(),
            Stores = request.Stores,
            ResultsDirectory = request.NoResults ? null : request.Results ?? WebOptions.DefaultResultsDirectory,
        };
        var code = BosporosWeb.RunAsync(options, env.Cancellation).GetAwaiter().GetResult();
        return code == 0 ? ExitCodes.Success : ExitCodes.Usage;
    }
}
