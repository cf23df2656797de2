using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Geography;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Analysis.Play;

/// <summary>
/// The standing orders given so far in a run (the kernel keeps them privately): what the trap, the answer to envoys
/// and the fate of survivors are set to by order, or null while the doctrine decides.
/// </summary>
public sealed record StandingOrders(int? Trap, int? Answer, int? Spare)
{
    public static readonly StandingOrders None = new(null, null, null);

    public static StandingOrders Of(IEnumerable<Order> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        int? trap = null, answer = null, spare = null;
        foreach (var o in given)
        {
            switch (o.Kind)
            {
                case OrderKind.SetTrap: trap = o.Value; break;
                case OrderKind.AnswerEnvoys: answer = o.Value; break;
                case OrderKind.SpareSurvivors: spare = o.Value; break;
                default: break;
            }
        }

        return new StandingOrders(trap, answer, spare);
    }
}

/// <summary>
/// Builds the options of a side at the current hour from the state of the run. Every option's orders pass
/// <see cref="Simulation.Check"/> now; "carry on" (the doctrine) always comes first.
/// </summary>
public static class PlayOptions
{
    /// <summary>Sortie sizes offered against each sector with engines before it.</summary>
    public static readonly int[] SortieSizes = [250, 500, 1000];

    /// <summary>Warships moved by one patrol option.</summary>
    public const int PatrolStep = 10;

    /// <summary>The last hour of the day at which an ordered assault is offered (it needs daylight to go in).</summary>
    public const int LastAssaultHour = 14;

    public static IReadOnlyList<PlayOption> For(Simulation sim, Side side, StandingOrders standing)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(standing);
        var list = new List<PlayOption> { new(PlayOption.CarryOnId, "carry on", "Carry on: leave it to the doctrine", []) };
        if (sim.IsOver)
        {
            return list;
        }

        var builder = new Builder(sim, list);
        if (side == Side.Roman)
        {
            Defenders(sim, builder, standing);
        }
        else if (side == Side.Avar)
        {
            Khagan(sim, builder, standing);
        }

        return list;
    }

    private static void Defenders(Simulation sim, Builder b, StandingOrders standing)
    {
        var d = sim.Definition;
        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            var zone = ZoneOf(d, s);
            if (d.Zones[zone].Kind != ZoneKind.LandWall || (sim.ThreatByOrder && sim.ThreatSector == s))
            {
                continue;
            }

            b.Add($"reinforce:{d.Zones[zone].Id}", "reinforce", $"Man {Names.Zone(d, zone)} as the threatened sector",
                Order(sim, Side.Roman, OrderKind.Reinforce, zone, 0));
        }

        if (sim.ThreatByOrder)
        {
            b.Add("reinforce:judgement", "reinforce", "Man the walls by the defenders' judgement again",
                Order(sim, Side.Roman, OrderKind.Reinforce, -1, 0));
        }

        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            if (sim.EnginesBefore(s) <= 0)
            {
                continue;
            }

            var zone = ZoneOf(d, s);
            foreach (var men in SortieSizes)
            {
                b.Add($"sortie:{d.Zones[zone].Id}:{men.ToString(CultureInfo.InvariantCulture)}", "sortie",
                    $"Sortie tonight with {Names.Count(men)} men against the engines before {Names.Zone(d, zone)}",
                    Order(sim, Side.Roman, OrderKind.Sortie, zone, men));
            }
        }

        b.Add("sortie:none", "sortie", "No sortie tonight", Order(sim, Side.Roman, OrderKind.Sortie, -1, 0));
        b.Add("procession", "procession", "Hold a procession with the icons (morale, men off the walls for three hours)",
            Order(sim, Side.Roman, OrderKind.Procession, -1, 0));

        var water = Enumerable.Range(0, d.Zones.Length).Where(z => d.Zones[z].Kind == ZoneKind.Water).ToArray();
        foreach (var to in water)
        {
            var from = -1;
            foreach (var z in water)
            {
                if (z != to && sim.PatrolHulls(z) > 0 && (from < 0 || sim.PatrolHulls(z) > sim.PatrolHulls(from)))
                {
                    from = z;
                }
            }

            if (from < 0)
            {
                continue;
            }

            var moved = Math.Min(PatrolStep, sim.PatrolHulls(from));
            b.Add($"patrol:{d.Zones[from].Id}:{d.Zones[to].Id}", "patrol",
                $"Move {Names.Count(moved)} warships from {Names.Zone(d, from)} to {Names.Zone(d, to)}",
                Order(sim, Side.Roman, OrderKind.Patrol, from, sim.PatrolHulls(from) - moved),
                Order(sim, Side.Roman, OrderKind.Patrol, to, sim.PatrolHulls(to) + moved));
        }

        if (sim.SignalLearned || sim.EnvoysSent)
        {
            var trap = standing.Trap ?? (d.Command.Defenders.SetTrapIfSignalLearned ? 1 : 0);
            b.Add(trap == 1 ? "trap:off" : "trap:on", "trap",
                trap == 1 ? "Keep the warships on their stations (no trap)" : "Mass the warships for the trap when the signal is known",
                Order(sim, Side.Roman, OrderKind.SetTrap, -1, trap == 1 ? 0 : 1));
        }

        if (standing.Answer != 1)
        {
            b.Add("answer:treat", "envoys", "Open the gates to terms at the khagan's next demand", Order(sim, Side.Roman, OrderKind.AnswerEnvoys, -1, 1));
        }

        if (standing.Answer != 0)
        {
            b.Add("answer:refuse", "envoys", "Refuse every demand of the khagan", Order(sim, Side.Roman, OrderKind.AnswerEnvoys, -1, 0));
        }
    }

    private static void Khagan(Simulation sim, Builder b, StandingOrders standing)
    {
        var d = sim.Definition;
        if (sim.Now.HourOfDay <= LastAssaultHour)
        {
            for (var s = 0; s < d.WallSectors.Length; s++)
            {
                var zone = ZoneOf(d, s);
                if (d.Zones[zone].Kind == ZoneKind.LandWall)
                {
                    b.Add($"assault:{d.Zones[zone].Id}", "assault", $"Storm {Names.Zone(d, zone)} today",
                        Order(sim, Side.Avar, OrderKind.Assault, zone, 0));
                }
            }

            if (sim.AssaultSector < 0)
            {
                b.Add("hold", "assault", "No assault today", Order(sim, Side.Avar, OrderKind.HoldAssault, -1, 0));
            }
        }

        b.Add("boats", "boats", "Attack by land and water together: launch the boats with the next assault",
            Order(sim, Side.Avar, OrderKind.LaunchBoats, -1, 0));
        b.Add("envoys", "envoys", "Send envoys across the strait to the Persians", Order(sim, Side.Avar, OrderKind.SendEnvoys, -1, 0));
        b.Add("demand", "envoys", "Demand the city's surrender", Order(sim, Side.Avar, OrderKind.DemandSurrender, -1, 0));
        var spare = standing.Spare ?? 0;
        b.Add(spare == 1 ? "survivors:execute" : "survivors:spare", "survivors",
            spare == 1 ? "Execute the survivors of a failed boat attack" : "Spare the survivors of a failed boat attack",
            Order(sim, Side.Avar, OrderKind.SpareSurvivors, -1, spare == 1 ? 0 : 1));
        b.Add("engines", "engines", "Begin building the engines and towers", Order(sim, Side.Avar, OrderKind.BuildEngines, -1, 0));
        b.Add("withdraw", "withdraw", "Burn the engines and withdraw", Order(sim, Side.Avar, OrderKind.Withdraw, -1, 0));
    }

    /// <summary>The zone index of wall sector <paramref name="sector"/>.</summary>
    public static int ZoneOf(SiegeDefinition d, int sector)
    {
        ArgumentNullException.ThrowIfNull(d);
        var id = d.WallSectors[sector].Zone;
        for (var z = 0; z < d.Zones.Length; z++)
        {
            if (d.Zones[z].Id == id)
            {
                return z;
            }
        }

        return -1;
    }

    private static Order Order(Simulation sim, Side side, OrderKind kind, int target, int value) =>
        new(sim.Now, side, kind, (short)target, value) { Source = OrderSource.Player };

    private sealed class Builder(Simulation sim, List<PlayOption> list)
    {
        /// <summary>Adds the option when every one of its orders passes the kernel's check now.</summary>
        public void Add(string id, string group, string label, params Order[] orders)
        {
            foreach (var o in orders)
            {
                if (sim.Check(o) != OrderRefusal.None)
                {
                    return;
                }
            }

            list.Add(new PlayOption(id, group, label, orders));
        }
    }
}
