using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Bosporos.Analysis.Play;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel.Forces;
using Bosporos.Scenarios;
using Spectre.Console;

namespace Bosporos.Cli.Commands;

/// <summary>
/// bosporos play-strength: paired games of the look-ahead AI in one seat against the doctrine in the same seat (same
/// seeds), with the differences and their 95% intervals.
/// </summary>
internal static class PlayStrengthCommand
{
    public const int MaxGames = 100_000;

    public static Command Build(CliEnvironment env)
    {
        var scenario = new Argument<string>("scenario") { Description = "A shipped scenario id or a scenario file path.", DefaultValueFactory = _ => "constantinople-626" };
        var side = new Option<string>("--side") { Description = "The seat the AI takes: roman (the defenders) or avar (the khagan).", Required = true, HelpName = "roman|avar" };
        side.AcceptOnlyFromAmong("roman", "avar");
        var games = CliOptions.Ranged(new Option<int>("--games") { Description = $"Paired games (1 to {MaxGames:N0}).", DefaultValueFactory = _ => 500 }, 1, MaxGames);
        var level = CliOptions.Ranged(new Option<int>("--level") { Description = $"AI level, 1 to {AiLevel.Max} (default {AiLevel.Default}).", DefaultValueFactory = _ => AiLevel.Default }, 1, AiLevel.Max);
        var seed = new Option<ulong>("--seed") { Description = "Master seed: game k uses SplitMix64.Derive(seed, k).", DefaultValueFactory = _ => CliApp.DefaultSeed };
        var threads = CliOptions.Threads();
        var set = new Option<string[]>("--set") { Description = "Override a scenario value (path=value, repeatable): measure the AI in a counterfactual.", HelpName = "path=value", DefaultValueFactory = _ => [] };
        var command = new Command("play-strength", "Measure the look-ahead AI against the doctrine in the same seat over paired games.") { scenario, side, games, level, seed, threads, set };
        command.SetAction(p => PlayCommand.Overrides(env, p.GetValue(set)) is { } overrides
            ? Execute(env, p.GetValue(scenario)!, overrides, PlaySides.Parse(p.GetValue(side))!.Value, p.GetValue(games), p.GetValue(level), p.GetValue(seed), p.GetValue(threads))
            : ExitCodes.Usage);
        return command;
    }

    public static int Execute(CliEnvironment env, string scenario, IReadOnlyList<ScenarioOverride> overrides, Side side, int games, int level, ulong seed, int threads)
    {
        var loaded = Loading.Load(env, scenario, overrides);
        if (loaded is null)
        {
            return ExitCodes.InvalidData;
        }

        var definition = loaded.Result.Definition!;
        StrengthReport report;
        var clock = Stopwatch.StartNew();
        if (env.ErrorIsTerminal)
        {
            report = null!;
            env.ErrorConsole().Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("games", maxValue: games);
                    report = PlayStrength.Run(definition, side, level, games, seed, threads, done =>
                    {
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{games:N0} paired games");
                        task.Value = done;
                    }, env.Cancellation);
                });
        }
        else
        {
            var last = 0.0;
            var gate = new object();
            report = PlayStrength.Run(definition, side, level, games, seed, threads, done =>
            {
                lock (gate)
                {
                    var now = clock.Elapsed.TotalSeconds;
                    if (done == games || now - last >= env.ProgressInterval)
                    {
                        last = now;
                        var rate = done / Math.Max(now, 1e-3);
                        env.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"play-strength: {done:N0}/{games:N0} paired games ({100.0 * done / games:0}%), {rate:0.0} games/s, ETA {TimeSpan.FromSeconds(Math.Ceiling((games - done) / Math.Max(rate, 1e-6))):c}"));
                    }
                }
            }, env.Cancellation);
        }

        var label = overrides.Count == 0 ? loaded.Reference : $"{loaded.Reference} with {string.Join(", ", overrides.Select(o => $"{o.Path}={o.Value}"))}";
        Write(env, label, report, threads);
        return ExitCodes.Success;
    }

    private static void Write(CliEnvironment env, string scenario, StrengthReport r, int threads)
    {
        var l = AiLevel.Of(r.Level);
        env.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: the AI at level {r.Level} ({l.Samples} futures x {l.HorizonDays} d) as the {PlaySession.Describe(r.Side)} against the doctrine in the same seat, {r.Games:N0} paired games (seed {r.MasterSeed}), {r.Seconds:0.0} s on {threads} thread{(threads == 1 ? string.Empty : "s")}"));
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("Measure").AddColumn(new TableColumn("AI").RightAligned()).AddColumn(new TableColumn("Doctrine").RightAligned())
            .AddColumn(new TableColumn("AI - doctrine (95% interval)").RightAligned());
        table.AddRow("City fell", P(r.AiFallen), P(r.DoctrineFallen), DiffP(r.Fallen));
        table.AddRow("City taken (fell or terms)", P(r.AiTaken), P(r.DoctrineTaken), DiffP(r.Taken));
        table.AddRow("City held", P(1 - r.AiTaken), P(1 - r.DoctrineTaken), DiffP(r.Held));
        table.AddRow($"{(r.Side == Side.Roman ? "Roman" : "Host")} losses (the seat's own)", N(r.AiOwnLoss), N(r.DoctrineOwnLoss), DiffN(r.OwnLoss));
        table.AddRow("Day the siege ended", string.Empty, string.Empty, string.Create(CultureInfo.InvariantCulture, $"{r.EndDay.Value:+0.00;-0.00;0} ({r.EndDay.Low:0.00} to {r.EndDay.High:0.00})"));
        table.AddRow("Orders the AI gave per game", r.OrdersPerGame.ToString("0.0", CultureInfo.InvariantCulture), string.Empty, string.Empty);
        var console = env.OutConsole();
        console.Profile.Width = Math.Max(console.Profile.Width, 110);
        console.Write(table);
    }

    private static string P(double p) => string.Create(CultureInfo.InvariantCulture, $"{100 * p:0.0}%");

    private static string N(double n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string DiffP(Estimate e) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * e.Value:+0.0;-0.0;0.0} points ({100 * e.Low:0.0} to {100 * e.High:0.0})");

    private static string DiffN(Estimate e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Value:+#,0;-#,0;0} men ({e.Low:#,0} to {e.High:#,0})");
}
