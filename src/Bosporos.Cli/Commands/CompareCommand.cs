using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli.Commands;

/// <summary>One --variant: a name and the scenario values it changes.</summary>
internal sealed record VariantSpec(string Name, IReadOnlyList<ScenarioOverride> Set);

internal sealed record CompareRequest(string Scenario, IReadOnlyList<VariantSpec> Variants, long Runs, ulong Seed, int Threads, bool Json, string? Store);

/// <summary>bosporos compare SCENARIO --variant NAME:path=value[,path=value]...: a paired experiment built on the command line.</summary>
internal static partial class CompareCommand
{
    public static Command Build(CliEnvironment env)
    {
        var scenario = new Argument<string>("scenario") { Description = "A shipped scenario id or a scenario file path." };
        var variants = new Option<string[]>("--variant")
        {
            Description = "A variant: NAME:path=value[,path=value]... (repeatable), e.g. --variant no-fleet:flotillas.roman-galleys.hulls=0.",
            HelpName = "NAME:path=value,...",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var runs = CliOptions.Runs($"Runs per variant (baseline included), all with the same seeds (1 to {CliOptions.MaxRuns:N0}).", required: false, fallback: 1000);
        var seed = new Option<ulong>("--seed") { Description = "Master seed: run k of every variant uses SplitMix64.Derive(seed, k).", DefaultValueFactory = _ => CliApp.DefaultSeed };
        var threads = ExperimentCommand.ThreadsOption();
        var format = ExperimentCommand.FormatOption();
        var store = new Option<string?>("--out", "--store") { Description = "Keep the runs in this store (SQLite file or postgres:// URL) for 'report' and 'export'.", HelpName = "STORE" };
        var compare = new Command("compare", "Compare variants of a scenario with the baseline, run for run with the same seeds.") { scenario, variants, runs, seed, threads, format, store };
        compare.SetAction(p =>
        {
            var specs = new List<VariantSpec>();
            foreach (var text in p.GetValue(variants)!)
            {
                if (!TryParseVariant(text, out var spec, out var problem))
                {
                    return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--variant '{text}': {problem}", "Write NAME:path=value[,path=value]..., e.g. no-fleet:flotillas.roman-galleys.hulls=0,flotillas.roman-light-craft.hulls=0.");
                }

                specs.Add(spec!);
            }

            var duplicate = specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || g.Key == ExperimentDefinition.BaselineName);
            if (duplicate is not null)
            {
                return ExperimentSupport.Fail(env, ExitCodes.Usage, $"--variant: the name '{duplicate.Key}' is {(duplicate.Key == ExperimentDefinition.BaselineName ? "reserved for the unchanged scenario" : "given twice")}.");
            }

            return Execute(env, new CompareRequest(p.GetValue(scenario)!, specs, p.GetValue(runs), p.GetValue(seed), p.GetValue(threads), p.GetValue(format) == "json", p.GetValue(store)));
        });
        return compare;
    }

    /// <summary>Parses NAME:path=value[,path=value]...</summary>
    internal static bool TryParseVariant(string text, out VariantSpec? spec, out string problem)
    {
        spec = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            problem = "expected NAME:path=value (no ':' after the name).";
            return false;
        }

        var name = text[..colon].Trim();
        if (!NamePattern().IsMatch(name))
        {
            problem = $"'{name}' is not a variant name: use lower-case letters, digits and '-' (at most 64).";
            return false;
        }

        var set = new List<ScenarioOverride>();
        foreach (var item in text[(colon + 1)..].Split(','))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var path = eq < 0 ? string.Empty : item[..eq].Trim();
            var value = eq < 0 ? string.Empty : item[(eq + 1)..].Trim();
            if (!PathPattern().IsMatch(path) || value.Length == 0)
            {
                problem = $"'{item}' is not path=value.";
                return false;
            }

            if (value.IndexOfAny(['\n', '\r', '#', '{', '}', '[', ']', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`']) >= 0)
            {
                problem = $"the value '{value}' holds a character a scenario value never needs.";
                return false;
            }

            set.Add(new ScenarioOverride(path, value));
        }

        spec = new VariantSpec(name, set);
        problem = string.Empty;
        return true;
    }

    /// <summary>The experiment file that the command line describes (paired mode; scenario as an absolute path or a shipped id).</summary>
    internal static string ExperimentText(CompareRequest request)
    {
        var scenario = File.Exists(request.Scenario) ? Path.GetFullPath(request.Scenario) : request.Scenario;
        var b = new StringBuilder();
        b.Append("# Built by 'bosporos compare' from its command line.\n")
            .Append("format: 1\n")
            .Append("id: compare\n")
            .Append("scenario: '").Append(scenario.Replace("'", "''", StringComparison.Ordinal)).Append("'\n")
            .Append(CultureInfo.InvariantCulture, $"master-seed: {request.Seed}\n")
            .Append(CultureInfo.InvariantCulture, $"runs: {request.Runs}\n")
            .Append(CultureInfo.InvariantCulture, $"batch: {Math.Clamp(request.Runs / 20, 25, 500)}\n")
            .Append("mode: paired\n")
            .Append("variants:\n");
        foreach (var v in request.Variants)
        {
            b.Append("  - name: ").Append(v.Name).Append('\n').Append("    set:\n");
            foreach (var o in v.Set)
            {
                b.Append("      ").Append(o.Path).Append(": '").Append(o.Value).Append("'\n");
            }
        }

        return b.ToString();
    }

    public static int Execute(CliEnvironment env, CompareRequest request)
    {
        if (!File.Exists(request.Scenario) && (!ScenarioSource.LooksLikeId(request.Scenario) || ScenarioCatalog.Find(request.Scenario) is null))
        {
            Loading.NotFound(env, request.Scenario);
            return ExitCodes.InvalidData;
        }

        if (request.Store is not null && ExperimentSupport.PrepareNewStore("--out", request.Store) is { } problem)
        {
            return ExperimentSupport.Fail(env, ExitCodes.Usage, problem);
        }

        var text = ExperimentText(request);
        var prepared = ExperimentSupport.Prepare(env, ExperimentLoader.LoadText(text, CommandLine), relocate: Relocate);
        if (prepared is null)
        {
            return ExitCodes.InvalidData;
        }

        var temporary = request.Store is null ? Path.Combine(Path.GetTempPath(), $"bosporos-compare-{Guid.NewGuid():n}.db") : null;
        var location = request.Store ?? temporary!;
        try
        {
            IResultStore store;
            try
            {
                store = ExperimentSupport.OpenStore(location);
            }
            catch (ResultStoreException e)
            {
                return ExperimentSupport.Fail(env, ExitCodes.InvalidData, e.Message);
            }

            using (store)
            {
                try
                {
                    var outcome = ExperimentSupport.Run(env, prepared, store, new RunOptions { Threads = request.Threads });
                    if (!outcome.Succeeded || outcome.Cancelled || outcome.Digest is null)
                    {
                        var again = request.Store is null
                            ? "run the same command again (add --out STORE to keep runs across interruptions)"
                            : "run the same command again: the runs already in the store are kept and skipped";
                        return ExperimentSupport.Unsuccessful(env, outcome, location, again);
                    }

                    ExperimentSupport.WriteAnalysis(env, prepared, store.ReadAll().ToList(), request.Json);
                    return ExitCodes.Success;
                }
                catch (ResultStoreException e)
                {
                    return ExperimentSupport.Fail(env, ExitCodes.InvalidData, "the result store refused: " + e.Message);
                }
            }
        }
        finally
        {
            if (temporary is not null)
            {
                foreach (var f in new[] { temporary, temporary + "-wal", temporary + "-shm" })
                {
                    File.Delete(f);
                }
            }
        }
    }

    /// <summary>
    /// A diagnostic about the experiment text built from the command line names the option or argument it came from,
    /// not a line and column of a text the user never saw.
    /// </summary>
    internal static Diagnostic Relocate(Diagnostic d)
    {
        if (d.File != CommandLine)
        {
            return d;
        }

        var where = d.Path switch
        {
            "scenario" => "SCENARIO",
            "runs" or "batch" => "--runs",
            "master-seed" => "--seed",
            var p when p.StartsWith("variants", StringComparison.Ordinal) || p == "baseline" => "--variant",
            _ => "the command line",
        };
        return d with { File = where, Line = 0, Column = 0 };
    }

    private const string CommandLine = "command line";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,255}$")]
    private static partial Regex PathPattern();
}
