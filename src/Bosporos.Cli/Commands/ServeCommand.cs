using Bosporos.Web;

namespace Bosporos.Cli.Commands;

/// <summary><c>bosporos serve</c>: the site on loopback (or elsewhere with a token) until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static int Execute(CliEnvironment env, string? urls, string? token)
    {
        var options = new WebOptions
        {
            Urls = string.IsNullOrWhiteSpace(urls) ? WebOptions.DefaultUrls : urls,
            Token = string.IsNullOrEmpty(token) ? Environment.GetEnvironmentVariable("BOSPOROS_TOKEN") : token,
        };
        var code = BosporosWeb.RunAsync(options, env.Cancellation).GetAwaiter().GetResult();
        return code == 0 ? ExitCodes.Success : ExitCodes.Usage;
    }
}
