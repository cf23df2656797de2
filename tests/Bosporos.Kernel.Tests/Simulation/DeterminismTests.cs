using Bosporos.Kernel.Events;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Simulation;

public class DeterminismTests
{
    private static SiegeDefinition Siege => new SiegeBuilder().Build();

    private static (SiegeEvent[] Events, ulong[] Hashes, SiegeSummary Summary) Run(SiegeDefinition d, ulong seed)
    {
        var sim = Kernel.Simulation.Create(d, seed);
        var s = sim.RunToEnd();
        return (sim.Events.All.ToArray(), sim.DailyHashes.ToArray(), s);
    }

    [Fact]
    public void Same_definition_and_seed_give_the_same_events_hashes_and_summary()
    {
        var a = Run(Siege, 626);
        var b = Run(Siege, 626);
        Assert.Equal(a.Events, b.Events);
        Assert.Equal(a.Hashes, b.Hashes);
        Assert.Equal(a.Summary, b.Summary);
        Assert.True(a.Events.Length > 20);
    }

    [Fact]
    public void Different_seeds_give_different_histories()
    {
        var hashes = Enumerable.Range(0, 10).Select(s => Run(Siege, (ulong)s).Summary.StateHash).Distinct().Count();
        Assert.True(hashes >= 9, $"only {hashes} distinct final hashes in 10 seeds");
    }

    [Fact]
    public void Reset_reuses_a_simulation_and_reproduces_a_fresh_one()
    {
        var d = Siege;
        var sim = Kernel.Simulation.Create(d, 1);
        sim.RunToEnd();
        sim.Reset(77);
        var reused = sim.RunToEnd();
        var fresh = Run(d, 77);
        Assert.Equal(fresh.Summary, reused);
        Assert.Equal(fresh.Events, sim.Events.All.ToArray());
        Assert.Equal(fresh.Hashes, sim.DailyHashes.ToArray());
    }

    [Fact]
    public void A_daily_hash_is_folded_for_every_simulated_day()
    {
        var sim = Kernel.Simulation.Create(Siege, 5);
        var s = sim.RunToEnd();
        Assert.Equal(s.End.Day + 1, sim.DailyHashes.Length);
        Assert.Equal(s.StateHash, sim.DailyHashes[^1]);
    }

    [Fact]
    public void Results_are_identical_across_threads()
    {
        var d = Siege;
        var serial = Enumerable.Range(0, 16).Select(k => Run(d, (ulong)k).Summary).ToArray();
        var parallel = new SiegeSummary[16];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            var sim = Kernel.Simulation.Create(d, 0);
            for (var k = t; k < 16; k += 4)
            {
                sim.Reset((ulong)k);
                parallel[k] = sim.RunToEnd();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Events_are_in_time_order_and_reference_valid_indices()
    {
        var d = Siege;
        var sim = Kernel.Simulation.Create(d, 9);
        sim.RunToEnd();
        var previous = -1;
        foreach (var e in sim.Events.All)
        {
            Assert.True(e.Time.Hours >= previous);
            previous = e.Time.Hours;
            Assert.InRange(e.Zone, -1, d.Zones.Length - 1);
            var fields = EventFields.For(e.Kind);
            var limit = fields.Actor switch
            {
                EventRef.Contingent => d.Contingents.Length,
                EventRef.Flotilla => d.Flotillas.Length,
                EventRef.EnginePark => d.Engines.Length,
                _ => int.MaxValue,
            };
            Assert.True(e.Actor < limit, $"{e.Kind} actor {e.Actor}");
            if (e.Odds >= 0)
            {
                Assert.InRange(e.Roll, 0, 9_999);
                Assert.InRange(e.Odds, 0, 10_000);
            }
        }
    }

    [Fact]
    public void A_diverging_history_is_located_by_day_and_subsystem()
    {
        var d = Siege;
        var horn = Array.FindIndex(d.Zones, z => z.Id == "horn"); // not the sea lane: only the naval state moves that day
        var plain = Kernel.Simulation.Create(d, 8);
        plain.RunToEnd();
        var changed = Kernel.Simulation.Create(d, 8);
        Command.Order[] orders = [new(Time.SimTime.FromDay(5, 3), Forces.Side.Roman, Command.OrderKind.Patrol, (short)horn, 3)];
        while (!changed.IsOver)
        {
            changed.Step(orders);
        }

        var firstDay = Enumerable.Range(0, plain.DailyHashes.Length).First(i => plain.DailyHashes[i] != changed.DailyHashes[i]);
        Assert.Equal(5, firstDay);
        var n = Kernel.Simulation.SubsystemCount;
        var differing = Enumerable.Range(0, n).Where(s => plain.DailySubsystemHashes[(firstDay * n) + s] != changed.DailySubsystemHashes[(firstDay * n) + s])
            .Select(s => (Subsystem)s).ToArray();
        // The patrols moved (naval), and the order itself is on record (command): nothing else changed that day.
        Assert.Equal([Subsystem.Naval, Subsystem.Command], differing);
        Assert.Equal(plain.DailyHashes.Length * n, plain.DailySubsystemHashes.Length);
    }

    [Fact]
    public void The_kernel_references_nothing_but_the_base_class_library()
    {
        var refs = typeof(Kernel.Simulation).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.NotEmpty(refs);
        Assert.All(refs, name => Assert.True(name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard", $"kernel references {name}"));
    }
}
