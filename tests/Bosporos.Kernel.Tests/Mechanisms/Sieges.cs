using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Time;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>Small helpers for the mechanism checks: runs of a definition over derived seeds, and their events.</summary>
internal static class Sieges
{
    /// <summary>The compact siege of <see cref="SiegeBuilder"/> with its defaults.</summary>
    public static SiegeDefinition Small => new SiegeBuilder().Build();

    /// <summary>Runs <paramref name="definition"/> to the end for seeds derived from 626 and hands each finished run to <paramref name="visit"/>.</summary>
    public static void Each(SiegeDefinition definition, int runs, Action<Kernel.Simulation> visit)
    {
        var sim = Kernel.Simulation.Create(definition, 0);
        for (var k = 0; k < runs; k++)
        {
            sim.Reset(SplitMix64.Derive(626, (ulong)k));
            sim.RunToEnd();
            visit(sim);
        }
    }

    /// <summary>All events of every run, one array per run.</summary>
    public static SiegeEvent[][] Events(SiegeDefinition definition, int runs)
    {
        var result = new List<SiegeEvent[]>();
        Each(definition, runs, sim => result.Add(sim.Events.All.ToArray()));
        return [.. result];
    }

    /// <summary>
    /// Steps <paramref name="sim"/> until its clock reads <paramref name="until"/>, failing if the siege ends first (a
    /// finished run no longer moves its clock, so a loop on the clock alone would never end).
    /// </summary>
    public static void StepTo(Kernel.Simulation sim, SimTime until, ReadOnlySpan<Command.Order> orders = default)
    {
        while (sim.Now < until)
        {
            Assert.False(sim.IsOver, $"the siege ended at {sim.Now}, before {until}");
            sim.Step(orders);
        }
    }

    /// <summary>Runs <paramref name="definition"/> from <paramref name="seed"/> to the end, giving <paramref name="orders"/> at their hours.</summary>
    public static Kernel.Simulation RunWith(SiegeDefinition definition, ulong seed, params Command.Order[] orders)
    {
        var sim = Kernel.Simulation.Create(definition, seed);
        while (!sim.IsOver)
        {
            sim.Step(orders);
        }

        return sim;
    }

    /// <summary>The definition with each of the khagan's intentions passed through <paramref name="edit"/>.</summary>
    public static SiegeDefinition Plan(SiegeDefinition d, Func<Command.IntentionDefinition, Command.IntentionDefinition> edit) =>
        d with { Command = d.Command with { Khagan = [.. d.Command.Khagan.Select(edit)] } };

    /// <summary>The definition with the khagan's intentions replaced by <paramref name="plan"/>.</summary>
    public static SiegeDefinition Plan(SiegeDefinition d, params Command.IntentionDefinition[] plan) =>
        d with { Command = d.Command with { Khagan = plan } };

    public static SiegeDefinition Withdrawal(SiegeDefinition d, Func<Command.WithdrawalDefinition, Command.WithdrawalDefinition> edit) =>
        d with { Command = d.Command with { Withdrawal = edit(d.Command.Withdrawal) } };

    public static SiegeDefinition Defenders(SiegeDefinition d, Func<Command.DefenderDoctrineDefinition, Command.DefenderDoctrineDefinition> edit) =>
        d with { Command = d.Command with { Defenders = edit(d.Command.Defenders) } };

    /// <summary>The definition with the contingent <paramref name="id"/> moved to the front of the list.</summary>
    public static SiegeDefinition ContingentFirst(SiegeDefinition d, string id) =>
        d with { Contingents = [.. d.Contingents.Where(c => c.Id == id), .. d.Contingents.Where(c => c.Id != id)] };

    /// <summary>The definition with the flotilla <paramref name="id"/> moved to the front of the list.</summary>
    public static SiegeDefinition FlotillaFirst(SiegeDefinition d, string id) =>
        d with { Flotillas = [.. d.Flotillas.Where(f => f.Id == id), .. d.Flotillas.Where(f => f.Id != id)] };

    /// <summary>The definition with the whole besieging host arriving long after the horizon: a quiet siege.</summary>
    public static SiegeDefinition Unbesieged(SiegeDefinition d) =>
        d with { Contingents = [.. d.Contingents.Select(c => c.Side == Forces.Side.Avar ? c with { ArrivalDay = 10_000 } : c)] };

    public static int Zone(SiegeDefinition d, string id) => Array.FindIndex(d.Zones, z => z.Id == id);

    public static int Contingent(SiegeDefinition d, string id) => Array.FindIndex(d.Contingents, c => c.Id == id);

    public static int Flotilla(SiegeDefinition d, string id) => Array.FindIndex(d.Flotillas, f => f.Id == id);

    public static int Park(SiegeDefinition d, string id) => Array.FindIndex(d.Engines, e => e.Id == id);

    public static int Sector(SiegeDefinition d, string zone) => Array.FindIndex(d.WallSectors, s => s.Zone == zone);

    /// <summary>Share of the attackers' blows that reach the defenders of a sector as its layers stand (Ratio raw).</summary>
    public static int Cover(SiegeDefinition d, Kernel.Simulation sim, int s)
    {
        var sec = d.WallSectors[s];
        var c = d.Combat;
        long cover = Ratio.Scale;
        cover = sec.Moat ? cover * c.MoatCover.Raw / Ratio.Scale : cover;
        cover = sec.OuterWall && sim.OuterIntegrity(s) >= c.BreachBelow.Raw ? cover * c.OuterWallCover.Raw / Ratio.Scale : cover;
        cover = sec.InnerWall && sim.InnerIntegrity(s) >= c.BreachBelow.Raw ? cover * c.InnerWallCover.Raw / Ratio.Scale : cover;
        return (int)cover;
    }

    /// <summary>Integrity of the wall that stands first in the attackers' way: the outer one while it stands at all.</summary>
    public static int Standing(SiegeDefinition d, Kernel.Simulation sim, int s)
    {
        var sec = d.WallSectors[s];
        return sec.OuterWall && sim.OuterIntegrity(s) > 0 ? sim.OuterIntegrity(s)
            : sec.InnerWall ? sim.InnerIntegrity(s) : sec.OuterWall ? sim.OuterIntegrity(s) : 0;
    }

    /// <summary>
    /// The khagan's food in hand and in reach against his food horizon (Ratio raw, uncapped): every man's rations and
    /// the camp's store, plus a horizon of foraging at today's rate, over a horizon's eating.
    /// </summary>
    public static long FoodInReach(Kernel.Simulation sim)
    {
        var horizon = sim.Definition.Command.Withdrawal.FoodHorizonDays;
        long men = sim.HostPresent;
        return men == 0 || horizon <= 0 ? Ratio.Scale : (sim.HostFoodInHand() + (sim.ExpectedForage() * horizon)) * Ratio.Scale / (men * horizon);
    }

    /// <summary>The assault contingents that would go forward now: men present, hearts at or above the line at which men refuse.</summary>
    public static int[] Willing(Kernel.Simulation sim)
    {
        var d = sim.Definition;
        return [.. Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Role == Forces.ContingentRole.Assault
            && sim.Ledger(i).Present > 0 && sim.Morale(i) >= d.Morale.RefuseAttackBelow.Raw)];
    }

    /// <summary>The Persians ashore who join an assault: all of them once there are enough to matter, else none.</summary>
    public static int AlliesInAssault(Kernel.Simulation sim) =>
        sim.PersiansAshore >= sim.Definition.Command.Allies.JoinAssaultWhenAshore ? sim.PersiansAshore : 0;

    public static bool IsSeaWall(SiegeDefinition d, int s) => d.Zones[Zone(d, d.WallSectors[s].Zone)].Kind == Geography.ZoneKind.SeaWall;
}
