using System.ComponentModel;
using System.Reflection;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Analysis.Play;

/// <summary>
/// How a game begins: the scenario (reference as given, its hash and --set overrides), the seed, the side a player
/// commands (null: none, the AI or the doctrines play both) and the AI level for every side the AI commands.
/// </summary>
public sealed record PlaySetup(string Scenario, string ScenarioHash, IReadOnlyList<ScenarioOverride> Overrides, ulong Seed, Side? Human, int AiLevel = AiLevel.Default);

/// <summary>
/// One game of the siege with a player, the look-ahead AI and the doctrines. The session stands at a decision point
/// (the start, dawn, dusk, or just after something notable); the player reads <see cref="View"/>, the
/// <see cref="Options"/> of a side and their <see cref="Odds"/>, gives orders (<see cref="Give"/>, <see cref="Choose"/>),
/// then <see cref="Advance"/>s to the next decision point: the sides the AI commands decide first (without seeing the
/// player's orders of that hour), every order is applied at the same hour, and the run steps on. <see cref="Save"/>
/// gives a replay file that <see cref="Resume"/> rebuilds the session from. Deterministic: the same setup and the
/// same player orders give the same game.
/// </summary>
public sealed class PlaySession
{
    private readonly Simulation sim;
    private readonly List<Order> given = [];
    private readonly List<Order> pending = [];
    private readonly Commander[] commanders = new Commander[2];

    private PlaySession(SiegeDefinition definition, PlaySetup setup)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(setup);
        _ = AiLevel.Of(setup.AiLevel);
        Setup = setup;
        sim = Simulation.Create(definition, setup.Seed);
        foreach (var side in PlaySides.Both)
        {
            commanders[(int)side] = side == setup.Human ? Commander.Player : setup.AiLevel > 0 ? Commander.Ai : Commander.Doctrine;
        }
    }

    public PlaySetup Setup { get; }

    public SiegeDefinition Definition => sim.Definition;

    public SimTime Now => sim.Now;

    public bool IsOver => sim.IsOver;

    /// <summary>Why the session stopped where it stands: "start", "dawn", "dusk", notable event kinds, "resumed", "end".</summary>
    public IReadOnlyList<string> Reasons { get; private set; } = ["start"];

    /// <summary>Orders applied so far, in the order given, with their sources.</summary>
    public IReadOnlyList<Order> Orders => given;

    /// <summary>Orders given at this decision point, applied when the session advances.</summary>
    public IReadOnlyList<Order> Pending => pending;

    /// <summary>The AI's last choice for each side (null when it has not chosen yet), for display.</summary>
    public PlayOption? LastAiChoice(Side side) => lastAi[(int)side];

    private readonly PlayOption?[] lastAi = new PlayOption?[2];

    public static PlaySession Start(SiegeDefinition definition, PlaySetup setup) => new(definition, setup);

    /// <summary>
    /// Rebuilds a session from a saved game: the run is replayed with the save's orders up to the hour play stopped at;
    /// the orders of that hour become pending again. <paramref name="setup"/> gives the seed and scenario (from the
    /// save) and who commands now.
    /// </summary>
    public static PlaySession Resume(SiegeDefinition definition, ReplayFile save, Side? human, int aiLevel)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (save.Play is not { } play)
        {
            throw new PlayException("This replay is not a saved game (it has no 'play' record), so there is no hour to resume from.",
                "Save games with 'bosporos play --save FILE'; 'bosporos replay FILE' plays any replay to its end.");
        }

        if (aiLevel < 0 || aiLevel > AiLevel.Max)
        {
            throw new PlayException($"AI level {aiLevel} is not one of 0 to {AiLevel.Max}.", "Give --ai LEVEL with a level from 0 to " + AiLevel.Max + ".");
        }

        var session = new PlaySession(definition, new PlaySetup(save.Scenario, save.ScenarioHash, save.Overrides, save.Seed, human, aiLevel));
        var orders = save.Orders.OrderBy(o => o.Time.Hours).ToArray();
        var next = 0;
        var buffer = new List<Order>();
        while (!session.sim.IsOver && session.sim.Now.Hours < play.Hour)
        {
            buffer.Clear();
            while (next < orders.Length && orders[next].Time <= session.sim.Now)
            {
                if (orders[next].Time == session.sim.Now)
                {
                    buffer.Add(orders[next]);
                }

                next++;
            }

            _ = session.StepRecorded(buffer);
        }

        if (session.sim.Now.Hours != play.Hour && !session.sim.IsOver)
        {
            throw new PlayException($"The saved game stopped at hour {play.Hour}, but its run ended before it.", "The save was altered; play it with 'bosporos replay FILE --verify' to see where.");
        }

        for (; next < orders.Length; next++)
        {
            if (orders[next].Time == session.sim.Now)
            {
                session.pending.Add(orders[next]);
            }
        }

        session.Reasons = ["resumed"];
        return session;
    }

    public Commander CommanderOf(Side side) => commanders[Index(side)];

    /// <summary>Hands a side to the player, the AI (at the setup's level) or the doctrine.</summary>
    public void SetCommander(Side side, Commander commander) => commanders[Index(side)] = commander;

    /// <summary>The AI level that commands <paramref name="side"/> when the AI has it (the setup's level; 0 is the doctrine alone).</summary>
    public AiLevel LevelFor(Side side) => AiLevel.Of(Setup.AiLevel);

    public PlayView View() => PlayView.Of(sim, Reasons);

    /// <summary>A copy of the run as it stands (stepping it changes nothing here).</summary>
    public Simulation Snapshot() => sim.Fork();

    /// <summary>The standing orders (trap, answer to envoys, survivors) set so far, including pending ones.</summary>
    public StandingOrders Standing => StandingOrders.Of(given.Concat(pending));

    public IReadOnlyList<PlayOption> Options(Side side) => PlayOptions.For(sim, side, Standing);

    /// <summary>Odds of every option of <paramref name="side"/> now, at <paramref name="level"/> (default: the side's AI level).</summary>
    public IReadOnlyList<OptionOdds> Odds(Side side, AiLevel? level = null)
    {
        var l = level ?? LevelFor(side);
        if (!l.LooksAhead)
        {
            l = AiLevel.Of(AiLevel.Default);
        }

        return LookAhead.Evaluate(sim, side, Options(side), l.Samples, l.HorizonDays);
    }

    /// <summary>
    /// Gives an order for this decision point. Refused (and nothing changes) when the kernel refuses it now, or when
    /// the order is for a side the player does not command. A later order of the same kind (and, for patrols, the same
    /// station) replaces an earlier pending one.
    /// </summary>
    public OrderAnswer Give(Order order)
    {
        if (order.Side is not (Side.Roman or Side.Avar))
        {
            return new OrderAnswer(false, OrderRefusal.WrongSide, "Refused: only the defenders (roman) and the khagan (avar) give orders.");
        }

        var kindSide = Simulation.SideOf(order.Kind);
        if (kindSide is { } s && CommanderOf(order.Side) != Commander.Player && order.Side == s)
        {
            return new OrderAnswer(false, OrderRefusal.WrongSide, $"You do not command the {Describe(order.Side)}; only their commander gives {Names(order.Kind)} orders.");
        }

        var refusal = sim.Check(order);
        if (refusal != OrderRefusal.None)
        {
            return new OrderAnswer(false, refusal, $"Refused: {Explain(refusal)}. {Hint(order, refusal)}");
        }

        pending.RemoveAll(p => p.Kind == order.Kind && (order.Kind != OrderKind.Patrol || p.Target == order.Target));
        pending.Add(order);
        return new OrderAnswer(true, OrderRefusal.None, "Order given for this hour.");
    }

    /// <summary>Gives the orders of the option <paramref name="optionId"/> of <paramref name="side"/> (as the player).</summary>
    public OrderAnswer Choose(Side side, string optionId)
    {
        var option = Options(side).FirstOrDefault(o => o.Id == optionId);
        if (option is null)
        {
            return new OrderAnswer(false, OrderRefusal.UnknownTarget, $"No option '{optionId}' for the {Describe(side)} now.");
        }

        foreach (var o in option.Orders)
        {
            var answer = Give(o);
            if (!answer.Accepted)
            {
                return answer;
            }
        }

        return new OrderAnswer(true, OrderRefusal.None, option.IsCarryOn ? "Carrying on." : "Order given for this hour: " + option.Label + ".");
    }

    public void ClearPending() => pending.Clear();

    /// <summary>
    /// The sides the AI commands decide, every pending order is applied at this hour, and the run steps on to the next
    /// decision point. Returns why it stopped there.
    /// </summary>
    public IReadOnlyList<string> Advance()
    {
        if (sim.IsOver)
        {
            return Reasons = ["end"];
        }

        foreach (var side in PlaySides.Both)
        {
            if (CommanderOf(side) == Commander.Ai)
            {
                var choice = LookAhead.Decide(sim, side, LevelFor(side), Standing);
                lastAi[(int)side] = choice;
                pending.AddRange(choice.Orders);
            }
        }

        var orders = pending.ToList();
        pending.Clear();
        var reasons = StepRecorded(orders);
        while (reasons.Count == 0)
        {
            reasons = StepRecorded([]);
        }

        return Reasons = reasons;
    }

    /// <summary>Advances until the siege ends (the player's side carries on by its doctrine unless the AI has it).</summary>
    public void PlayToEnd()
    {
        while (!sim.IsOver)
        {
            Advance();
        }
    }

    /// <summary>
    /// The game as a replay file: the orders so far (and those pending now), the hour play stands at, and the hashes
    /// of the run continued from here by the doctrines, so that 'bosporos replay FILE --verify' checks it.
    /// </summary>
    public ReplayFile Save()
    {
        var f = sim.Fork();
        var orders = given.Concat(pending).ToArray();
        ReplayPlayer.Play(f, orders);
        return ReplayPlayer.Record(f, Setup.Scenario, Setup.ScenarioHash, Setup.Overrides, orders) with
        {
            Play = new SavedPlay(sim.Now.Hours, Setup.Human is { } h ? PlaySides.Id(h) : null, Setup.AiLevel),
        };
    }

    private IReadOnlyList<string> StepRecorded(IReadOnlyList<Order> orders)
    {
        foreach (var o in orders)
        {
            if (sim.Check(o) == OrderRefusal.None)
            {
                given.Add(o);
            }
        }

        var before = sim.Events.Count;
        sim.Step(orders.ToArray());
        return DecisionPoints.Reasons(sim, before);
    }

    private static int Index(Side side) => side switch
    {
        Side.Roman => 0,
        Side.Avar => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Only the Romans and the khagan give orders."),
    };

    public static string Describe(Side side) => side == Side.Roman ? "defenders" : "khagan's host";

    private static string Names(OrderKind kind) => Scenarios.Naming.Kebab(kind.ToString());

    public static string Explain(OrderRefusal refusal) =>
        typeof(OrderRefusal).GetField(refusal.ToString())?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? refusal.ToString();

    private string Hint(Order order, OrderRefusal refusal) => refusal switch
    {
        OrderRefusal.NotThisHour => $"Orders are for the hour play stands at (hour {sim.Now.Hours}).",
        OrderRefusal.WrongSide => $"{Names(order.Kind)} is an order of the {Describe(Simulation.SideOf(order.Kind) ?? order.Side)}.",
        OrderRefusal.UnknownTarget => "The target must be a zone of the scenario of the right kind (a wall sector, a land sector for assaults, a zone for patrols).",
        OrderRefusal.BadValue => "Give a count of zero or more, within what the order allows (men available, warships afloat, 0 or 1 for standing orders).",
        OrderRefusal.NotPossibleNow => "The state of the siege does not allow it at this hour.",
        _ => string.Empty,
    };
}

/// <summary>A game that cannot go on as asked (a save that is not a game, a resume that does not fit): message and hint.</summary>
public sealed class PlayException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
