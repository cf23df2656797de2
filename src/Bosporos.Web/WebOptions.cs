namespace Bosporos.Web;

/// <summary>How to serve the Bosporos site: where to listen, the optional access token and the abuse limits.</summary>
public sealed record WebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5626";

    /// <summary>Addresses to listen on, separated by semicolons (Kestrel's <c>urls</c> format).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Access token. Required to listen on anything but loopback; then every endpoint but health and static files asks for it.</summary>
    public string? Token { get; init; }

    /// <summary>Largest request body accepted, in bytes (larger gives 413).</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Most Monte Carlo runs one experiment may ask for, summed over its variants (more gives 422).</summary>
    public int MaxRunsPerExperiment { get; init; } = 20_000;

    /// <summary>Most variants one experiment may compare.</summary>
    public int MaxVariants { get; init; } = 8;

    /// <summary>Experiments allowed to run at once (one more gives 429).</summary>
    public int MaxConcurrentExperiments { get; init; } = 2;

    /// <summary>Single runs (replays) computed at once; one more gives 429.</summary>
    public int MaxConcurrentReplays { get; init; } = 4;

    /// <summary>Games of the Play page kept at once (one more gives 429 until one ends or expires).</summary>
    public int MaxGames { get; init; } = 16;

    /// <summary>A game with no request for this long is forgotten (its save, once downloaded, resumes it).</summary>
    public TimeSpan GameIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Most sampled futures one odds request may run (options × samples of the level; more gives 422).</summary>
    public int MaxOddsFutures { get; init; } = 6_000;

    /// <summary>Odds and advances of games computed at once (one more gives 429).</summary>
    public int MaxConcurrentPlayComputations { get; init; } = 2;

    /// <summary>Finished experiments kept in memory; the oldest finished ones are forgotten beyond this.</summary>
    public int KeepExperiments { get; init; } = 50;

    /// <summary>Folder holding the built front end; null finds wwwroot beside the program or in the project.</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// Host names (and IP literals) the site answers to besides localhost, the loopback addresses and the hosts of
    /// <see cref="Urls"/>; a leading "*." allows every subdomain. Any other Host header gets 400 (DNS rebinding).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Result stores (SQLite files or postgres:// URLs) made by the command line, listed among the experiments.</summary>
    public IReadOnlyList<string> Stores { get; init; } = [];

    /// <summary>
    /// Folder where experiments started from the page are kept, one SQLite result store each (<c>ID.db</c>), and from
    /// which they are listed again after a restart; null keeps them in memory only.
    /// </summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Where <c>bosporos serve</c> keeps the experiments started from the page unless told otherwise.</summary>
    public static string DefaultResultsDirectory =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } data
            ? Path.Combine(data, "bosporos", "experiments")
            : Path.Combine(Path.GetTempPath(), "bosporos-experiments"); // no home folder (some containers)

    /// <summary>
    /// Reads <c>--urls URL</c>, <c>--token T</c>, <c>--allowed-hosts H[,H]</c>, <c>--store S</c> (repeatable) and
    /// <c>--results DIR</c> or <c>--no-results</c> (the same switches as <c>bosporos serve</c>); the token may also come from the
    /// BOSPOROS_TOKEN environment variable.
    /// </summary>
    public static WebOptions FromArgs(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new WebOptions { Token = NullIfEmpty(Environment.GetEnvironmentVariable("BOSPOROS_TOKEN")), ResultsDirectory = DefaultResultsDirectory };
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--urls" when value is not null:
                    options = options with { Urls = value };
                    i++;
                    break;
                case "--token" when value is not null:
                    options = options with { Token = NullIfEmpty(value) };
                    i++;
                    break;
                case "--allowed-hosts" when value is not null:
                    options = options with { AllowedHosts = [.. options.AllowedHosts, .. SplitHosts(value)] };
                    i++;
                    break;
                case "--store" when value is not null:
                    options = options with { Stores = [.. options.Stores, value] };
                    i++;
                    break;
                case "--results" when value is not null:
                    options = options with { ResultsDirectory = value };
                    i++;
                    break;
                case "--no-results":
                    options = options with { ResultsDirectory = null };
                    break;
                default:
                    break;
            }
        }

        return options;
    }

    /// <summary>Splits a comma- or semicolon-separated list of host names.</summary>
    public static IReadOnlyList<string> SplitHosts(string? value) =>
        value is null ? [] : value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
