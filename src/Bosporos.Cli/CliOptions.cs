using System.CommandLine;
using System.Globalization;

namespace Bosporos.Cli;

/// <summary>The options several commands share, each with one range and one wording of its errors.</summary>
internal static class CliOptions
{
    /// <summary>The most runs one command or experiment may ask for (experiment files have the same cap).</summary>
    public const long MaxRuns = Analysis.Experiments.ExperimentLoader.MaxRuns;

    /// <summary>The most worker threads: far above any machine's cores, far below what a thread barrier can take.</summary>
    public const int MaxThreads = 256;

    public static Option<int> Threads() =>
        Ranged(new Option<int>("--threads") { Description = $"Worker threads, 1 to {MaxThreads} (default: one per core).", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxThreads) }, 1, MaxThreads);

    public static Option<long> Runs(string description, bool required, long fallback) =>
        Ranged(new Option<long>("--runs") { Description = description, Required = required, DefaultValueFactory = required ? null : _ => fallback }, 1, MaxRuns);

    public static Option<long?> OptionalRuns(string description) =>
        Ranged(new Option<long?>("--runs") { Description = description, HelpName = "N" }, 1, MaxRuns);

    /// <summary>Adds a range check to a whole-number option (a token that is no number is reported by the parser).</summary>
    public static TOption Ranged<TOption>(TOption option, long min, long max)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && long.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                result.AddError(value < min && min == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least 1.")
                    : string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min:N0} and {max:N0}, not {result.Tokens[^1].Value}."));
            }
        });
        return option;
    }
}
