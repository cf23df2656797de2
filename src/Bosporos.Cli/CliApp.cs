using System.CommandLine;
using Bosporos.Cli.Commands;
using Bosporos.Scenarios;

namespace Bosporos.Cli;

/// <summary>Exit codes of the bosporos command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InvalidData = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}

/// <summary>The bosporos command line, callable in-process: parse, dispatch, map failures to exit codes.</summary>
public static class CliApp
{
    public const ulong DefaultSeed = 626;

    /// <summary>Runs one command line, writing results to <paramref name="stdout"/> and everything else to <paramref name="stderr"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        Run(args, new CliEnvironment(stdout, stderr) { Cancellation = cancellationToken });

    internal static int Run(string[] args, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verbose = args.Contains("--verbose", StringComparer.Ordinal);
        try
        {
            var root = Build(env);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var line in UsageErrors.Explain(parse))
                {
                    env.Error.WriteLine(line);
                }

                env.Error.WriteLine("Run 'bosporos --help' (or 'bosporos COMMAND --help') for usage.");
                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (OperationCanceledException)
        {
            env.Error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            if (verbose)
            {
                env.Error.WriteLine($"internal error: {e}");
            }
            else
            {
                env.Error.WriteLine($"internal error: {e.Message}; run again with --verbose for details");
            }

            return ExitCodes.InternalError;
        }
    }

    private static RootCommand Build(CliEnvironment env)
    {
        var verbose = new Option<bool>("--verbose") { Description = "Show exception details on internal errors.", Recursive = true };
        var root = new RootCommand("Bosporos: a simulator of the Avar-Persian siege of Constantinople, 626.") { verbose };

        var scenario = new Argument<string>("scenario") { Description = "A shipped scenario id (see 'bosporos scenarios') or a scenario file path." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run.", DefaultValueFactory = _ => DefaultSeed };
        var set = SetOption();
        var format = new Option<string>("--format") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        // scenarios
        var scenarios = new Command("scenarios", "List the shipped scenarios.");
        scenarios.SetAction(_ => ScenariosCommand.Execute(env));
        root.Add(scenarios);

        // validate
        var file = new Argument<string>("scenario") { Description = "A scenario file path or a shipped scenario id." };
        var strict = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too." };
        var validate = new Command("validate", "Check a scenario and print every diagnostic.") { file, strict };
        validate.SetAction(p => ValidateCommand.Execute(env, p.GetValue(file)!, p.GetValue(strict)));
        root.Add(validate);

        // run
        var events = new Option<string?>("--events") { Description = "Write every event to this JSON Lines file.", HelpName = "FILE.jsonl" };
        var replay = new Option<string?>("--replay") { Description = "Write a replay file that 'bosporos replay' can play and verify.", HelpName = "FILE" };
        var run = new Command("run", "Run one siege and tell it as a chronicle (or JSON).") { scenario, seed, set, format, events, replay };
        run.SetAction(p => RunCommand.Execute(env, new RunRequest(
            p.GetValue(scenario)!, p.GetValue(seed), Overrides(p.GetValue(set)), p.GetValue(format) == "json", p.GetValue(events), p.GetValue(replay))));
        root.Add(run);

        // replay
        var replayFile = new Argument<string>("file") { Description = "A replay file written by 'bosporos run --replay'." };
        var verify = new Option<bool>("--verify") { Description = "Check every daily state hash instead of printing the chronicle." };
        var replayCommand = new Command("replay", "Play a recorded run again, or verify it day by day.") { replayFile, verify };
        replayCommand.SetAction(p => ReplayCommand.Execute(env, p.GetValue(replayFile)!, p.GetValue(verify)));
        root.Add(replayCommand);

        // mc
        var mcScenario = new Argument<string>("scenario") { Description = scenario.Description };
        var runs = CliOptions.Runs($"Number of runs (1 to {CliOptions.MaxRuns:N0}).", required: true, fallback: 0);
        var threads = CliOptions.Threads();
        var mcSeed = new Option<ulong>("--seed") { Description = "Master seed: run k uses SplitMix64.Derive(seed, k).", DefaultValueFactory = _ => DefaultSeed };
        var mcSet = SetOption();
        var mcFormat = new Option<string>("--format") { Description = format.Description, DefaultValueFactory = _ => "text" };
        mcFormat.AcceptOnlyFromAmong("text", "json");
        var mc = new Command("mc", "Run a Monte Carlo batch and summarise the outcomes.") { mcScenario, runs, mcSeed, mcSet, threads, mcFormat };
        mc.SetAction(p => McCommand.Execute(env, new McRequest(
            p.GetValue(mcScenario)!, (int)p.GetValue(runs), p.GetValue(mcSeed), Overrides(p.GetValue(mcSet)), p.GetValue(threads), p.GetValue(mcFormat) == "json")));
        root.Add(mc);

        // schema
        var schema = new Command("schema", "Print the JSON Schema of scenario files (for editors and validators).");
        schema.SetAction(_ => SchemaCommand.Execute(env));
        root.Add(schema);

        // experiment, report, compare
        root.Add(ExperimentCommand.Build(env));
        root.Add(ReportCommand.Build(env));
        root.Add(CompareCommand.Build(env));
        root.Add(FitCommand.Build(env));
        root.Add(PlayCommand.Build(env));
        root.Add(PlayStrengthCommand.Build(env));

        // serve
        var urls = new Option<string?>("--urls") { Description = "Where to listen (Kestrel urls). Default http://127.0.0.1:5626; any other address needs --token." };
        var token = new Option<string?>("--token") { Description = "Access token; required off loopback. Also read from BOSPOROS_TOKEN." };
        var allowedHosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names the site answers to besides localhost, the loopback addresses and those of --urls (comma-separated or repeated; *.example.org for subdomains).",
            HelpName = "HOST",
            DefaultValueFactory = _ => [],
        };
        var stores = new Option<string[]>("--store")
        {
            Description = "A result store made by 'experiment run' or 'compare --out' to list with its results and report (repeatable; SQLite file or postgres:// URL).",
            HelpName = "STORE",
            DefaultValueFactory = _ => [],
        };
        var results = new Option<string?>("--results")
        {
            Description = "Folder where experiments started from the page are kept, one SQLite store each (default: ~/.local/share/bosporos/experiments).",
            HelpName = "DIR",
        };
        var noResults = new Option<bool>("--no-results") { Description = "Keep experiments started from the page in memory only." };
        var serve = new Command("serve", "Serve the map, replay, scenario and experiment pages in a browser.") { urls, token, allowedHosts, stores, results, noResults };
        serve.SetAction(p => ServeCommand.Execute(env, new ServeRequest(
            p.GetValue(urls), p.GetValue(token), p.GetValue(allowedHosts)!, p.GetValue(stores)!, p.GetValue(results), p.GetValue(noResults))));
        root.Add(serve);

        return root;
    }

    private static Option<string[]> SetOption()
    {
        var set = new Option<string[]>("--set")
        {
            Description = "Override a scenario value: --set path=value (repeatable), e.g. --set combat.defender-lethality=0.03.",
            HelpName = "path=value",
            DefaultValueFactory = _ => [],
        };
        set.Validators.Add(result =>
        {
            foreach (var item in result.GetValueOrDefault<string[]>() ?? [])
            {
                var eq = item.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    result.AddError($"--set expects path=value, got '{item}'.");
                }
            }
        });
        return set;
    }

    private static List<ScenarioOverride> Overrides(string[]? items) =>
        (items ?? []).Select(s =>
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            return new ScenarioOverride(s[..eq].Trim(), s[(eq + 1)..].Trim());
        }).ToList();
}
