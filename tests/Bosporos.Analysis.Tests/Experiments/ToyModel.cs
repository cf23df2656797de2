using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Statistics;
using Bosporos.Kernel;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Tests.Experiments;

/// <summary>
/// A small stand-in for the siege with known behaviour. Numbers: fleet.hulls (more hulls, less danger),
/// garrison.strength, host.ration-days (more food, more danger), combat.lethality (no range), luck.weight
/// (how much the dice matter, 0..1). The city falls when a uniform draw is below the danger.
/// </summary>
internal sealed class ToyModel : ISiegeModel
{
    public static readonly IReadOnlyList<CitedNumber> DefaultNumbers =
    [
        new("fleet.hulls", 70, "Chronicon Paschale", Reliability.Standard, 40, 100, null, 3, 5),
        new("garrison.strength", 12000, "Theodore Syncellus", Reliability.Contested, 10000, 15000, null, 4, 5),
        new("host.ration-days", 20, "estimate", Reliability.Contested, 10, 30, null, 5, 5),
        new("combat.lethality", 0.35m, "battle data", Reliability.Standard, null, null, null, 6, 5),
        new("luck.weight", 1.0m, "model", Reliability.Standard, null, null, null, 7, 5),
    ];

    private readonly bool ranges;

    /// <param name="ranges">When true, configurations run whole seed ranges themselves (like the kernel model).</param>
    public ToyModel(IReadOnlyList<CitedNumber>? numbers = null, string hash = "toy-hash", bool ranges = false)
    {
        Numbers = numbers ?? DefaultNumbers;
        ScenarioHash = hash;
        this.ranges = ranges;
    }

    public string ScenarioId => "toy";

    public string ScenarioHash { get; }

    public IReadOnlyList<CitedNumber> Numbers { get; }

    private int configurations;

    public int Configurations => configurations;

    public ModelConfiguration Configure(IReadOnlyList<ScenarioOverride> overrides)
    {
        Interlocked.Increment(ref configurations);
        var values = Numbers.ToDictionary(n => n.Path, n => n.Value);
        foreach (var o in overrides)
        {
            if (!values.ContainsKey(o.Path))
            {
                return new ModelConfiguration(null, [new Diagnostic(Severity.Error, "BOS2001", "toy.yaml", 0, 0, o.Path, $"No such path '{o.Path}'.")]);
            }

            if (!decimal.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return new ModelConfiguration(null, [new Diagnostic(Severity.Error, "BOS2002", "toy.yaml", 0, 0, o.Path, $"'{o.Value}' is not a number.")]);
            }

            values[o.Path] = v;
        }

        return new ModelConfiguration(ranges ? new RangeConfigured(values) : new Configured(values), []);
    }

    private class Configured(Dictionary<string, decimal> values) : IConfiguredModel
    {
        public IModelRun CreateRun() => new ToyRun(values);
    }

    private sealed class RangeConfigured(Dictionary<string, decimal> values) : Configured(values), IRangeRunner
    {
        public int Ranges { get; private set; }

        public void RunSeeds(ulong masterSeed, long first, long count, int threads, Action<long, ulong, SiegeSummary> sink)
        {
            Ranges++;
            var run = CreateRun();
            for (var i = first; i < first + count; i++)
            {
                var seed = SplitMix64.Derive(masterSeed, (ulong)i);
                sink(i, seed, run.Run(seed));
            }
        }
    }

    private sealed class ToyRun(Dictionary<string, decimal> values) : IModelRun
    {
        private readonly List<SiegeEvent> events = [];

        public SiegeSummary Run(ulong seed)
        {
            events.Clear();
            var hulls = (double)values["fleet.hulls"];
            var garrison = (double)values["garrison.strength"];
            var rations = (double)values["host.ration-days"];
            var luck = (double)values["luck.weight"];
            var stream = new RandomStream(seed);
            var danger = Math.Clamp(0.55 - (hulls / 200) - ((garrison - 10000) / 25000) + (rations / 100), 0, 1);
            var u = UnitUniform.Next(ref stream);
            var draw = (luck * u) + ((1 - luck) * 0.5);
            var fallen = draw < danger;
            var second = UnitUniform.Next(ref stream);
            var outcome = fallen ? Outcome.Fallen : second < 0.9 ? Outcome.Lifted : Outcome.Negotiated;
            var days = (int)(rations / 2) + stream.NextInt(5);
            for (var day = 0; day < days; day++)
            {
                var roll = stream.Roll();
                var sunk = roll < hulls * 100 ? 1 + stream.NextInt(3) : 0;
                events.Add(new SiegeEvent(SimTime.FromDay(day, 6), EventKind.BoatsSunk, -1, 0, -1, sunk, 0, 0, (int)(hulls * 100), roll));
            }

            var romans = (int)(garrison * 0.05 * (1 + u));
            return new SiegeSummary(outcome, fallen ? EndCause.None : EndCause.HostStarving, SimTime.FromDay(days), days, fallen ? 100 : 0,
                1000 + stream.NextInt(500), 300, 0, 0, 0, 0, romans, 2000, 0, 900, false, false, seed ^ (ulong)days);
        }

        public IReadOnlyList<SiegeEvent> Events() => events;

        public string Describe(SiegeEvent e) => string.Create(CultureInfo.InvariantCulture, $"the fleet sank {e.Value1} boats");
    }
}
