using Bosporos.Analysis.Experiments;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Replays;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Branching;

/// <summary>
/// The model of a branch experiment: every run starts from the replay's run at the branch hour instead of hour 0.
/// Run k of every arm draws its dice from the kernel's sample streams keyed by (the replay's seed, the branch hour, k)
/// (<see cref="Simulation.Fork(ulong)"/>), so the arms share their dice run for run (common random numbers) and none
/// of them reuses the replay's own future dice. The baseline goes on under the replay's own definition; a variant goes
/// on under the replay's scenario with the replay's overrides and then its own (<see cref="Simulation.Branch"/>), which
/// must keep the siege's shape. The replay's orders from the branch hour on are given to every arm; a variant may add
/// orders of its own at the branch hour (<c>orders.patrol.golden-horn-upper=0</c>), since what the run has already made
/// of the scenario's numbers (men present, hulls on station, morale reached) is its state, which a new definition no
/// longer changes.
/// </summary>
public sealed class BranchSiegeModel : ISiegeModel
{
    public BranchSiegeModel(BranchPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Point = point;
    }

    public BranchPoint Point { get; }

    public string ScenarioId => Point.Loaded.Document!.Id;

    /// <summary>The replay's scenario hash (the scenario with the replay's overrides): the definition every arm starts from.</summary>
    public string ScenarioHash => Point.Replay.ScenarioHash;

    public IReadOnlyList<CitedNumber> Numbers => Point.Loaded.Document!.Numbers;

    /// <summary>Opens the branch point an experiment names (its replay path is relative to the experiment file).</summary>
    public static BranchSiegeModel? Open(ExperimentDefinition experiment, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var branch = experiment.Branch ?? throw new ArgumentException("The experiment does not branch from a replay.", nameof(experiment));
        var path = Path.IsPathRooted(branch.Replay)
            ? branch.Replay
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(experiment.File)) ?? ".", branch.Replay));
        var opened = BranchPoint.Open(path, branch.At, branch.ReplayHash);
        if (opened.Point is null)
        {
            // A problem with the moment is the experiment's: point at its 'branch' entry.
            diagnostics.AddRange(opened.Diagnostics.Select(d => d.File == "--at" ? d with { File = experiment.File, Line = branch.Line, Column = branch.Column } : d));
            return null;
        }

        return new BranchSiegeModel(opened.Point);
    }

    /// <summary>The prefix of a variant entry that is an order given at the branch hour rather than a scenario value.</summary>
    public const string OrderPrefix = "orders.";

    public ModelConfiguration Configure(IReadOnlyList<ScenarioOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var orderDiagnostics = new List<Diagnostic>();
        var orders = new List<Order>();
        foreach (var o in overrides.Where(o => o.Path.StartsWith(OrderPrefix, StringComparison.Ordinal)))
        {
            if (ParseOrder(o, orderDiagnostics) is { } order)
            {
                orders.Add(order);
            }
        }

        if (orderDiagnostics.Count > 0)
        {
            return new ModelConfiguration(null, orderDiagnostics);
        }

        overrides = overrides.Where(o => !o.Path.StartsWith(OrderPrefix, StringComparison.Ordinal)).ToList();
        var all = Point.Replay.Overrides.Concat(overrides).ToList();
        var loaded = Point.Load(all);
        if (loaded is null || !loaded.Succeeded)
        {
            return new ModelConfiguration(null, loaded?.Diagnostics ?? []);
        }

        var definition = loaded.Definition!;
        if (!Simulation.SameShape(Point.Definition, definition))
        {
            var changed = string.Join(", ", overrides.Select(o => o.ToString()));
            return new ModelConfiguration(null,
            [
                new Diagnostic(Severity.Error, "BOSX096", "<variant>", 0, 0, overrides.Count == 0 ? string.Empty : overrides[^1].Path,
                    $"{changed} changes the shape of the siege (its contingents, flotillas, engine parks, wall sectors, zones, the khagan's intentions or the horizon), so the run at {Point.Moment} cannot go on under it.",
                    "A branch goes on with the same forces, places and plan under other rules, rates and doctrine, or with orders (orders.KIND.ZONE=VALUE); to change the shape, compare whole sieges with 'bosporos compare'."),
            ]);
        }

        // The replay's own definition (same scenario hash) continues as an exact copy; anything else branches onto it.
        var own = string.Equals(loaded.ScenarioHash, Point.Replay.ScenarioHash, StringComparison.Ordinal);
        IReadOnlyList<Order> continuation = orders.Count == 0 ? Point.RemainingOrders : [.. orders, .. Point.RemainingOrders];
        return new ModelConfiguration(new Configured(Point, own ? null : definition, continuation), loaded.Diagnostics);
    }

    /// <summary>
    /// Reads <c>orders.KIND[.TARGET]=VALUE</c>: an order given at the branch hour by the side whose kind it is (KIND in
    /// kebab-case, e.g. patrol; TARGET a zone id where the kind has one; VALUE a whole number), checked against the
    /// run's state at that hour as the kernel checks it.
    /// </summary>
    private Order? ParseOrder(ScenarioOverride o, List<Diagnostic> diagnostics)
    {
        var rest = o.Path[OrderPrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var kindName = dot < 0 ? rest : rest[..dot];
        var targetName = dot < 0 ? null : rest[(dot + 1)..];
        var kinds = Enum.GetValues<OrderKind>().ToDictionary(k => Scenarios.Naming.Kebab(k.ToString()), k => k, StringComparer.Ordinal);
        void Error(string message, string hint) => diagnostics.Add(new Diagnostic(Severity.Error, "BOSX097", "<variant>", 0, 0, o.Path, message, hint));
        if (!kinds.TryGetValue(kindName, out var kind))
        {
            Error($"'{kindName}' is not an order.", Suggestions.Hint(kindName, kinds.Keys) + " Orders: " + string.Join(", ", kinds.Keys) + ".");
            return null;
        }

        var zones = Point.Definition.Zones.Select(z => z.Id).ToList();
        var targeted = kind is OrderKind.Patrol or OrderKind.Assault or OrderKind.Reinforce or OrderKind.Sortie;
        short target = 0;
        if (targeted)
        {
            var index = targetName is null ? -1 : zones.IndexOf(targetName);
            if (index < 0)
            {
                Error(targetName is null ? $"A {kindName} order needs a zone: orders.{kindName}.ZONE=VALUE." : $"There is no zone '{targetName}'.",
                    (targetName is null ? string.Empty : Suggestions.Hint(targetName, zones) + " ") + "Zones: " + string.Join(", ", zones) + ".");
                return null;
            }

            target = (short)index;
        }
        else if (targetName is not null)
        {
            Error($"A {kindName} order has no target, so '{targetName}' means nothing here.", $"Write orders.{kindName}=VALUE.");
            return null;
        }

        if (!int.TryParse(o.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            Error($"An order's value is a whole number of 0 or more, not '{o.Value}'.", $"For example {OrderPrefix}patrol.golden-horn-upper=0 (no warships on station there).");
            return null;
        }

        var order = new Order(Point.Trunk.Now, Simulation.SideOf(kind)!.Value, kind, target, value) { Source = OrderSource.Script };
        var refusal = Point.Trunk.Check(order);
        if (refusal != OrderRefusal.None)
        {
            Error($"The order {o} would be refused at {Point.Moment}: {Describe(refusal)}.", "Orders are checked against the run as it stands at the branch hour; see the kernel's order kinds in docs/model.md.");
            return null;
        }

        return order;
    }

    private static string Describe(OrderRefusal refusal) =>
        typeof(OrderRefusal).GetField(refusal.ToString())?.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), false)
            .OfType<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description ?? refusal.ToString();

    private sealed class Configured(BranchPoint point, SiegeDefinition? variant, IReadOnlyList<Order> orders) : IConfiguredModel
    {
        public IModelRun CreateRun() => new ArmRun(point, variant, orders);
    }

    /// <summary>One arm's runs: the trunk copied with sample key k, then played to the end with the remaining orders.</summary>
    private sealed class ArmRun(BranchPoint point, SiegeDefinition? variant, IReadOnlyList<Order> orders) : IModelRun
    {
        private Simulation? sim;

        /// <param name="seed">In a branch experiment, the run's sample key (see <see cref="RunPlan.SeedOf"/>).</param>
        public SiegeSummary Run(ulong seed)
        {
            sim = variant is null ? point.Trunk.Fork(seed) : point.Trunk.Branch(variant, seed);
            ReplayPlayer.Play(sim, orders);
            return sim.Summary;
        }

        public IReadOnlyList<SiegeEvent> Events() => sim is null ? [] : sim.Events.All.ToArray();

        public string Describe(SiegeEvent e) => Scenarios.Narrative.EventSentences.Sentence(sim?.Definition ?? point.Definition, e).TrimEnd('.');
    }
}
