using System.CommandLine;
using System.Globalization;
using System.Text;
using Bosporos.Analysis.Play;
using Bosporos.Cli.Rendering;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Narrative;
using Bosporos.Scenarios.Replays;
using Spectre.Console;

namespace Bosporos.Cli.Commands;

internal sealed record PlayRequest(string Scenario, string? Side, ulong Seed, int? Ai, string? Save, string? Resume, IReadOnlyList<ScenarioOverride> Overrides);

/// <summary>
/// bosporos play: one side commanded from the keyboard (or from lines on stdin), the other by the look-ahead AI.
/// At each decision point the screen shows the walls, the water, the last moves and chronicle lines, and the options
/// with their odds; the player picks options, gives raw orders, hands the side to the AI and back, saves or quits.
/// </summary>
internal static class PlayCommand
{
    private const long MaxSaveBytes = 16 * 1024 * 1024;

    public static Command Build(CliEnvironment env)
    {
        var scenario = new Argument<string>("scenario") { Description = "A shipped scenario id (see 'bosporos scenarios') or a scenario file path." };
        var side = new Option<string?>("--side") { Description = "The side you command: roman (the defenders) or avar (the khagan). Required unless --resume gives it.", HelpName = "roman|avar" };
        side.AcceptOnlyFromAmong("roman", "avar");
        var seed = new Option<ulong>("--seed") { Description = "Seed of the game.", DefaultValueFactory = _ => CliApp.DefaultSeed };
        var ai = CliOptions.Ranged(new Option<int?>("--ai") { Description = $"AI level of the other side, 0 (doctrine only) to {AiLevel.Max}; default {AiLevel.Default}.", HelpName = "LEVEL" }, 0, AiLevel.Max);
        var save = new Option<string?>("--save") { Description = "Save the game to this file (a replay file) on 'save', on quit and at the end.", HelpName = "FILE" };
        var resume = new Option<string?>("--resume") { Description = "Go on with a game saved with --save.", HelpName = "FILE" };
        var set = new Option<string[]>("--set") { Description = "Override a scenario value (path=value, repeatable); not with --resume.", HelpName = "path=value", DefaultValueFactory = _ => [] };
        var play = new Command("play", "Play one side of the siege against the look-ahead AI.") { scenario, side, seed, ai, save, resume, set };
        play.SetAction(p => Overrides(env, p.GetValue(set)) is { } overrides
            ? Execute(env, new PlayRequest(p.GetValue(scenario)!, p.GetValue(side), p.GetValue(seed), p.GetValue(ai), p.GetValue(save), p.GetValue(resume), overrides))
            : ExitCodes.Usage);
        return play;
    }

    /// <summary>The --set items as overrides, or null (after saying why) when one is not path=value.</summary>
    internal static List<ScenarioOverride>? Overrides(CliEnvironment env, string[]? items)
    {
        var list = new List<ScenarioOverride>();
        foreach (var item in items ?? [])
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                env.Error.WriteLine($"error: --set expects path=value, got '{item}'.");
                return null;
            }

            list.Add(new ScenarioOverride(item[..eq].Trim(), item[(eq + 1)..].Trim()));
        }

        return list;
    }

    public static int Execute(CliEnvironment env, PlayRequest request)
    {
        if (request.Save is { } savePath && OutputFiles.Prepare("--save", savePath) is { } problem)
        {
            env.Error.WriteLine("error: " + problem);
            return ExitCodes.Usage;
        }

        PlaySession session;
        if (request.Resume is { } resumePath)
        {
            if (request.Overrides.Count > 0)
            {
                env.Error.WriteLine("error: --set cannot be given with --resume: the saved game keeps the overrides it was started with.");
                return ExitCodes.Usage;
            }

            var resumed = Resume(env, request, resumePath);
            if (resumed is null)
            {
                return ExitCodes.InvalidData;
            }

            session = resumed;
        }
        else
        {
            if (PlaySides.Parse(request.Side) is not { } human)
            {
                env.Error.WriteLine("error: --side is required: roman (the defenders) or avar (the khagan).");
                return ExitCodes.Usage;
            }

            var loaded = Loading.Load(env, request.Scenario, request.Overrides);
            if (loaded is null)
            {
                return ExitCodes.InvalidData;
            }

            session = PlaySession.Start(loaded.Result.Definition!, new PlaySetup(loaded.Reference, loaded.Result.ScenarioHash, request.Overrides, request.Seed, human, request.Ai ?? AiLevel.Default));
        }

        var console = env.PlayConsole ?? env.OutConsole();
        if (env.PlayConsole is null && !env.OutIsTerminal)
        {
            console.Profile.Width = 120; // a transcript: wide enough that option labels and chronicle lines rarely wrap
        }

        var game = new Game(env, console, session, request.Save);
        return game.Run();
    }

    private static PlaySession? Resume(CliEnvironment env, PlayRequest request, string path)
    {
        if (!File.Exists(path))
        {
            env.Error.WriteLine($"error: --resume: saved game '{path}' does not exist.");
            return null;
        }

        string text;
        try
        {
            var bytes = BoundedFile.Read(path, MaxSaveBytes);
            if (bytes.Length > MaxSaveBytes)
            {
                env.Error.WriteLine($"error: --resume: '{path}' is larger than {MaxSaveBytes / (1024 * 1024)} MiB, so it is not a saved game.");
                return null;
            }

            text = BoundedFile.StrictUtf8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            env.Error.WriteLine($"error: --resume: '{path}' cannot be read: {e.Message}");
            return null;
        }

        var read = ReplayJson.Read(text, path);
        foreach (var d in read.Diagnostics)
        {
            Loading.Print(env.Error, d);
        }

        if (read.Replay is not { } save)
        {
            return null;
        }

        var loaded = Loading.Load(env, request.Scenario, save.Overrides);
        if (loaded is null)
        {
            return null;
        }

        if (!string.Equals(loaded.Result.ScenarioHash, save.ScenarioHash, StringComparison.Ordinal))
        {
            env.Error.WriteLine($"error: --resume: '{path}' was saved with scenario '{save.Scenario}' ({save.ScenarioHash}), but '{request.Scenario}' hashes to {loaded.Result.ScenarioHash}.");
            env.Error.WriteLine("    hint: give the scenario the game was saved with, unchanged.");
            return null;
        }

        var side = PlaySides.Parse(request.Side ?? save.Play?.Human);
        if (side is null)
        {
            env.Error.WriteLine("error: --side is required: the saved game does not say which side was played (roman or avar).");
            return null;
        }

        try
        {
            return PlaySession.Resume(loaded.Result.Definition!, save, side, request.Ai ?? save.Play?.AiLevel ?? AiLevel.Default);
        }
        catch (PlayException e)
        {
            env.Error.WriteLine($"{path}: error: {e.Message}");
            env.Error.WriteLine($"    hint: {e.Hint}");
            return null;
        }
    }

    /// <summary>One game at the terminal (or over redirected lines).</summary>
    private sealed class Game(CliEnvironment env, IAnsiConsole console, PlaySession session, string? savePath)
    {
        private readonly Side human = session.Setup.Human ?? Side.Roman;
        private readonly JulianDates dates = new(session.Definition.Calendar);
        private readonly List<string> messages = [];
        private IReadOnlyList<OptionOdds>? odds;
        private int oddsHour = -1;

        // A terminal on both ends gets menus chosen with the keys; redirected input is read line by line.
        private bool Interactive => env.PlayConsole is { } c ? c.Profile.Capabilities.Interactive : env.InIsTerminal;

        public int Run()
        {
            while (true)
            {
                env.Cancellation.ThrowIfCancellationRequested();
                if (session.IsOver)
                {
                    Draw();
                    Finish();
                    return SaveIfAsked() ? ExitCodes.Success : ExitCodes.InvalidData;
                }

                Draw();
                var command = Interactive ? Prompt() : ReadLine();
                if (command is null)
                {
                    console.MarkupLine("[grey]End of input: the game stops here.[/]");
                    return SaveIfAsked() ? ExitCodes.Success : ExitCodes.InvalidData;
                }

                if (!Handle(command.Trim(), out var quit))
                {
                    continue;
                }

                if (quit)
                {
                    return SaveIfAsked() ? ExitCodes.Success : ExitCodes.InvalidData;
                }
            }
        }

        private string? ReadLine()
        {
            console.Markup("[bold]>[/] ");
            var line = env.In.ReadLine();
            console.WriteLine(line ?? string.Empty);
            return line;
        }

        private string Prompt()
        {
            var entries = new List<(string Label, string Command)> { ("Carry on to the next decision", string.Empty) };
            if (session.CommanderOf(human) == Commander.Player)
            {
                var options = Options();
                for (var i = 1; i < options.Count; i++)
                {
                    entries.Add(($"{i}. {options[i].Option.Label}", i.ToString(CultureInfo.InvariantCulture)));
                }
            }

            entries.Add((session.CommanderOf(human) == Commander.Player ? "Hand my side to the AI" : "Take my side back from the AI", "ai"));
            entries.Add(("Save the game", "save"));
            entries.Add(("Quit", "quit"));
            var prompt = new SelectionPrompt<int>()
                .Title("Your orders ([grey]arrows and Enter; type a number to find an option[/])")
                .PageSize(Math.Min(24, entries.Count))
                .EnableSearch()
                .UseConverter(i => Markup.Escape(entries[i].Label))
                .AddChoices(Enumerable.Range(0, entries.Count));
            return entries[console.Prompt(prompt)].Command;
        }

        /// <summary>Handles one command; returns true when it ended the turn (advanced) or asked to quit.</summary>
        private bool Handle(string command, out bool quit)
        {
            quit = false;
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var verb = words.Length == 0 ? string.Empty : words[0].ToLowerInvariant();
            switch (verb)
            {
                case "" or "c" or "carry" or "next" or "0":
                    var pending = session.Pending.Count;
                    var reasons = session.Advance();
                    odds = null;
                    messages.Add(pending > 0 ? $"{Count(pending, "order")} given; on to the next decision ({string.Join(", ", reasons)})." : $"Carried on to the next decision ({string.Join(", ", reasons)}).");
                    return true;
                case "q" or "quit" or "exit":
                    quit = true;
                    return true;
                case "ai":
                    var toAi = session.CommanderOf(human) == Commander.Player;
                    session.SetCommander(human, toAi ? Commander.Ai : Commander.Player);
                    if (toAi)
                    {
                        session.ClearPending();
                    }

                    messages.Add(toAi ? $"The AI (level {session.LevelFor(human).Level}) commands the {PlaySession.Describe(human)} now; 'ai' takes them back." : $"You command the {PlaySession.Describe(human)} again.");
                    return false;
                case "save":
                    var path = words.Length > 1 ? string.Join(' ', words.Skip(1)) : savePath;
                    if (path is null)
                    {
                        messages.Add("No file to save to: give one ('save FILE') or start with --save FILE.");
                    }
                    else
                    {
                        messages.Add(Save(path).Line);
                    }

                    return false;
                case "clear":
                    session.ClearPending();
                    messages.Add("Pending orders withdrawn.");
                    return false;
                case "order":
                    messages.Add(RawOrder(words));
                    return false;
                case "help" or "?":
                    messages.Add(Help);
                    return false;
                default:
                    if (int.TryParse(verb, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        messages.Add(Choose(n));
                    }
                    else
                    {
                        messages.Add($"Unknown command '{command}'. {Help}");
                    }

                    return false;
            }
        }

        private const string Help = "Commands: a number picks that option; Enter (or 'next') carries on to the next decision; " +
            "'order KIND TARGET VALUE [at HOUR]' gives any order (e.g. 'order sortie mesoteichion 500'); 'clear' withdraws pending orders; " +
            "'ai' hands your side to the AI or takes it back; 'save [FILE]'; 'quit'.";

        private string Choose(int n)
        {
            if (session.CommanderOf(human) != Commander.Player)
            {
                return "The AI commands your side now; type 'ai' to take it back first.";
            }

            var options = Options();
            if (n < 1 || n >= options.Count)
            {
                return $"There is no option {n} (1 to {options.Count - 1}).";
            }

            var answer = session.Choose(human, options[n].Option.Id);
            return answer.Message;
        }

        private string RawOrder(string[] words)
        {
            if (words.Length < 4)
            {
                return "An order is 'order KIND TARGET VALUE [at HOUR]', e.g. 'order reinforce blachernae 0' or 'order sortie mesoteichion 500'.";
            }

            var kind = Enum.GetValues<OrderKind>().Where(k => string.Equals(Naming.Kebab(k.ToString()), words[1], StringComparison.OrdinalIgnoreCase)).Select(k => (OrderKind?)k).FirstOrDefault();
            if (kind is null)
            {
                return $"Refused: no order kind '{words[1]}'. Kinds: {string.Join(", ", Enum.GetValues<OrderKind>().Select(k => Naming.Kebab(k.ToString())))}.";
            }

            var d = session.Definition;
            int target;
            if (words[2] is "-" or "none" or "-1")
            {
                target = -1;
            }
            else if (Array.FindIndex(d.Zones, z => z.Id == words[2]) is var z && z >= 0)
            {
                target = z;
            }
            else
            {
                return $"Refused: no zone '{words[2]}' in this scenario. Zones: {string.Join(", ", d.Zones.Select(zz => zz.Id))} (or - for none).";
            }

            if (!int.TryParse(words[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return $"Refused: the value '{words[3]}' is not a whole number.";
            }

            var time = session.Now;
            if (words.Length >= 6 && words[4] == "at")
            {
                if (!int.TryParse(words[5], NumberStyles.None, CultureInfo.InvariantCulture, out var hour))
                {
                    return $"Refused: the hour '{words[5]}' is not a whole number of hours from the start.";
                }

                time = new SimTime(hour);
            }

            var answer = session.Give(new Order(time, human, kind.Value, (short)target, value) { Source = OrderSource.Player });
            return answer.Message;
        }

        private IReadOnlyList<OptionOdds> Options()
        {
            if (odds is null || oddsHour != session.Now.Hours)
            {
                odds = session.Odds(human);
                oddsHour = session.Now.Hours;
            }

            return odds;
        }

        /// <summary>On leaving: saves to --save when given, and says so.</summary>
        private bool SaveIfAsked()
        {
            if (savePath is null)
            {
                return true;
            }

            var (ok, line) = Save(savePath);
            console.MarkupLine(Markup.Escape(line));
            return ok;
        }

        private (bool Ok, string Line) Save(string path)
        {
            if (OutputFiles.Prepare("save", path) is { } problem)
            {
                return (false, "Not saved: " + problem);
            }

            var ok = OutputFiles.Write(env, "save", path, () => ReplayJson.WriteFile(path, session.Save()));
            return (ok, ok ? $"Saved to {path} at hour {session.Now.Hours} ('bosporos replay {path} --verify' checks it; 'bosporos play SCENARIO --resume {path}' goes on)." : $"Not saved to {path}.");
        }

        private void Finish()
        {
            var snapshot = session.Snapshot();
            var s = snapshot.Summary;
            console.Write(new Rule($"[bold]The siege is over: {Markup.Escape(Names.Kebab(s.Outcome.ToString()))}[/] ({Markup.Escape(Names.Cause(s.Cause))})"));
            var held = !PlaySides.Taken(s.Outcome);
            var won = human == Side.Roman ? held : !held;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{(won ? "[green]You won[/]" : "[red]You lost[/]")} as the {PlaySession.Describe(human)} on {Markup.Escape(dates.Heading(s.End.Day))}: Roman losses {s.RomanLosses:N0}, the host's {s.HostLosses:N0}."));
        }

        private void Draw()
        {
            if (Interactive)
            {
                console.Clear();
            }

            var view = session.View();
            var d = session.Definition;
            console.Write(new Rule(string.Create(CultureInfo.InvariantCulture,
                $"[bold]{Markup.Escape(dates.Heading(view.Day))}, {view.HourOfDay:00}:00[/] · {Markup.Escape(string.Join(", ", view.Reasons))} · you: {PlaySession.Describe(human)} ({Who(human)}), against: {Who(PlaySides.Enemy(human))}")).LeftJustified());

            var walls = new Table().Border(TableBorder.Simple).Title("The walls")
                .AddColumn("Sector").AddColumn(new TableColumn("Men").RightAligned()).AddColumn(new TableColumn("Outer").RightAligned())
                .AddColumn(new TableColumn("Inner").RightAligned()).AddColumn(new TableColumn("Engines").RightAligned()).AddColumn("");
            foreach (var s in view.Sectors)
            {
                var status = string.Join(", ", new[]
                {
                    s.UnderAssault ? "[red]under assault[/]" : null,
                    s.Lodgement > 0 ? $"[red]{s.Lodgement:N0} on the wall[/]" : null,
                    s.Threatened ? "threatened" : null,
                }.Where(x => x is not null));
                walls.AddRow(Markup.Escape(s.Name), N(s.Defenders), Pct(s.OuterPermille), Pct(s.InnerPermille), s.EnginesBefore > 0 ? N(s.EnginesBefore) : "-", status);
            }

            var water = new Table().Border(TableBorder.Simple).Title("The water").AddColumn("Station").AddColumn(new TableColumn("Warships").RightAligned());
            foreach (var w in view.Water)
            {
                water.AddRow(Markup.Escape(w.Name), N(w.Warships));
            }

            foreach (var f in view.Flotillas)
            {
                water.AddRow(Markup.Escape(f.Name) + (f.Side == "avar" ? " [grey](khagan)[/]" : string.Empty), N(f.Hulls));
            }

            console.Write(new Columns(walls, water) { Expand = false });
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Romans {view.RomanMen:N0} (lost {view.RomanLost:N0}), morale {Pct(view.CityMoralePermille)}, food {view.CityFoodDays} days · Host {view.HostMen:N0} (lost {view.HostLost:N0}), willing {Pct(view.HostWillingPermille)}, prospects {Pct(view.KhaganProspectsPermille)}, food {view.HostFoodDays} days"));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Engines {(view.EnginesBegun ? "begun" : "not begun")} · envoys {(view.EnvoysSent ? "sent" : "not sent")} · signal {(view.SignalLearned ? "[yellow]known to the defenders[/]" : "unknown")} · Persians ashore {view.PersiansAshore:N0} · wind {Markup.Escape(view.Wind)}"));

            var enemy = PlaySides.Enemy(human);
            var moves = session.Orders.Where(o => o.Side == enemy).TakeLast(3).ToList();
            console.MarkupLine("[bold]The enemy's known moves[/]" + (moves.Count == 0 ? ": none but the doctrine's (see the chronicle)." : string.Empty));
            foreach (var o in moves)
            {
                console.MarkupLine($"  {Markup.Escape(When(o.Time))} {Markup.Escape(OrderText(d, o))}");
            }

            console.MarkupLine("[bold]Chronicle[/]");
            foreach (var line in view.Chronicle.TakeLast(8))
            {
                console.MarkupLine($"  {Markup.Escape(When(new SimTime(line.Hour)))} {Markup.Escape(line.Text)}");
            }

            if (session.Pending.Count > 0)
            {
                console.MarkupLine("[bold]Your orders for this hour[/] (Enter applies them):");
                foreach (var o in session.Pending)
                {
                    console.MarkupLine("  " + Markup.Escape(OrderText(d, o)));
                }
            }

            foreach (var m in messages)
            {
                console.MarkupLine("[yellow]" + Markup.Escape(m) + "[/]");
            }

            messages.Clear();
            if (!view.Over && session.CommanderOf(human) == Commander.Player)
            {
                DrawOptions();
            }
            else if (!view.Over)
            {
                console.MarkupLine("[grey]The AI commands your side: Enter carries on, 'ai' takes it back.[/]");
            }
        }

        private void DrawOptions()
        {
            var options = Options();
            var first = options[0];
            var table = new Table().Border(TableBorder.Simple)
                .Title(string.Create(CultureInfo.InvariantCulture, $"Your options, with the odds of {first.Samples} sampled futures of {Names.Days(first.HorizonDays)}"))
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Option").AddColumn(new TableColumn("City taken").RightAligned())
                .AddColumn(new TableColumn("Lifted").RightAligned()).AddColumn(new TableColumn("Own losses").RightAligned()).AddColumn(new TableColumn("Enemy losses").RightAligned());
            for (var i = 0; i < options.Count; i++)
            {
                var o = options[i];
                table.AddRow(i == 0 ? "Enter" : i.ToString(CultureInfo.InvariantCulture), Markup.Escape(o.Option.Label),
                    Share(o.Taken, o.TakenLow, o.TakenHigh), Share(o.Lifted, o.LiftedLow, o.LiftedHigh),
                    MeanSd(o.OwnLossMean, o.OwnLossSd), MeanSd(o.EnemyLossMean, o.EnemyLossSd));
            }

            console.Write(table);
            if (!Interactive)
            {
                console.MarkupLine("[grey]A number picks an option, Enter carries on, 'help' lists the other commands.[/]");
            }
        }

        private string Who(Side side) => session.CommanderOf(side) switch
        {
            Commander.Player => "player",
            Commander.Ai => $"AI level {session.LevelFor(side).Level}",
            _ => "doctrine",
        };

        private string When(SimTime t) => string.Create(CultureInfo.InvariantCulture, $"{dates.Date(t.Day).Day} {dates.Date(t.Day).ToString("MMM", CultureInfo.InvariantCulture)} {t.HourOfDay:00}:00");

        private static string OrderText(SiegeDefinition d, Order o) =>
            EventSentences.Sentence(d, new SiegeEvent(o.Time, EventKind.OrderGiven, o.Target, -1, -1, (int)o.Kind, o.Value, (int)o.Source, -1, -1));

        private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

        private static string Pct(int permille) => string.Create(CultureInfo.InvariantCulture, $"{permille / 10.0:0}%");

        private static string Share(double p, double low, double high) =>
            string.Create(CultureInfo.InvariantCulture, $"{100 * p:0.#}% ({100 * low:0.#}-{100 * high:0.#})");

        private static string MeanSd(double mean, double sd) => string.Create(CultureInfo.InvariantCulture, $"{mean:N0} ± {sd:N0}");

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
