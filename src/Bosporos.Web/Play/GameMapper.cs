using Bosporos.Analysis.Play;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Scenarios;
using Bosporos.Web.Replay;

namespace Bosporos.Web.Play;

/// <summary>
/// Turns a game into what the page draws. The map part has the shape of a replay (<see cref="ReplayDto"/>) with one
/// snapshot and one position frame, those of the hour play stands at, and the events so far, so the replay page's map
/// and sentences serve the Play page unchanged.
/// </summary>
internal static class GameMapper
{
    /// <summary>The scenario's description for the map, from a doctrine run (zones, sectors, forces; frames and events dropped).</summary>
    public static ReplayDto MapBase(LoadResult loaded, ulong seed) =>
        ReplayBuilder.Build(loaded, seed) with { Frames = [], Positions = [], Events = [], Chronicle = [], Warnings = [] };

    public static GameDto Describe(Game game, string? message = null)
    {
        var session = game.Session;
        var d = session.Definition;
        var sim = session.Snapshot();
        var commanders = PlaySides.Both.ToDictionary(PlaySides.Id, s => Naming.Kebab(session.CommanderOf(s).ToString()), StringComparer.Ordinal);
        var lastAi = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var side in PlaySides.Both)
        {
            if (session.LastAiChoice(side) is { } choice)
            {
                lastAi[PlaySides.Id(side)] = choice.Label;
            }
        }

        return new GameDto(
            game.Id, session.Setup.Scenario, d.Name, session.Setup.Seed, session.Setup.AiLevel,
            session.Setup.Human is { } h ? PlaySides.Id(h) : null, commanders,
            JulianCalendar.Format(d.Calendar, sim.Now.Hours), session.View(),
            Pending(session), lastAi, Map(game.MapBase, sim), message);
    }

    /// <summary>The orders waiting for the next advance, each told with the option it belongs to when there is one.</summary>
    public static IReadOnlyList<PendingOrderDto> Pending(PlaySession session)
    {
        var d = session.Definition;
        var labels = new Dictionary<Order, string>();
        foreach (var side in PlaySides.Both)
        {
            foreach (var option in session.Options(side))
            {
                foreach (var o in option.Orders)
                {
                    labels.TryAdd(o with { Source = OrderSource.Player }, option.Label);
                }
            }
        }

        return session.Pending.Select(o => new PendingOrderDto(
            PlaySides.Id(o.Side == Side.Roman ? Side.Roman : Side.Avar), Naming.Kebab(o.Kind.ToString()),
            o.Target >= 0 && o.Target < d.Zones.Length ? d.Zones[o.Target].Id : null, o.Value, Naming.Kebab(o.Source.ToString()),
            labels.TryGetValue(o with { Source = OrderSource.Player }, out var label) ? label : Describe(d, o))).ToArray();
    }

    /// <summary>An order in words when no option of the hour gives it: kind, place and value.</summary>
    private static string Describe(SiegeDefinition d, Order o)
    {
        var place = o.Target >= 0 && o.Target < d.Zones.Length ? " at " + Bosporos.Scenarios.Narrative.Names.Zone(d, o.Target) : string.Empty;
        var text = Naming.Kebab(o.Kind.ToString()).Replace('-', ' ');
        return $"{char.ToUpperInvariant(text[0])}{text[1..]}{place} ({o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
    }

    /// <summary>The zone an option acts on: the target of its last order (a sector, or where a patrol goes).</summary>
    public static string? Target(SiegeDefinition d, PlayOption option)
    {
        for (var i = option.Orders.Count - 1; i >= 0; i--)
        {
            var t = option.Orders[i].Target;
            if (t >= 0 && t < d.Zones.Length)
            {
                return d.Zones[t].Id;
            }
        }

        return null;
    }

    private static ReplayDto Map(ReplayDto mapBase, Simulation sim)
    {
        var d = sim.Definition;
        var c = d.Contingents.Length;
        var w = d.WallSectors.Length;
        var f = d.Flotillas.Length;
        var e = d.Engines.Length;
        var frame = new int[1 + (2 * c) + (2 * w) + f + e];
        ReplayBuilder.Capture(sim, frame, c, w, f, e);

        // Where the boat crews are, as the replay tracks it: the zone of the last assault and the crew of the last launch.
        var all = sim.Events.All;
        int assaultZone = -1, crewContingent = -1;
        var events = new List<EventDto>(all.Length);
        var chronicle = new List<string>(all.Length);
        for (var i = 0; i < all.Length; i++)
        {
            var ev = all[i];
            if (ev.Kind == EventKind.AssaultBegan)
            {
                assaultZone = ev.Zone;
            }
            else if (ev.Kind == EventKind.CanoesLaunched && (uint)ev.Actor < (uint)f)
            {
                crewContingent = d.Flotillas[ev.Actor].Crew is { } crew ? Array.FindIndex(d.Contingents, x => x.Id == crew) : -1;
            }

            events.Add(ReplayBuilder.EventDto(d, ev, i, out var line));
            chronicle.Add(line);
        }

        var positions = new int[1 + d.Zones.Length + 4 + e];
        ReplayBuilder.CapturePositions(sim, positions, d.Zones.Length, e, assaultZone, crewContingent);
        return mapBase with
        {
            Hours = sim.Now.Hours,
            Frames = [frame],
            Positions = [positions],
            Events = events,
            Chronicle = chronicle,
            Summary = ReplayBuilder.Summarize(d, sim.Summary),
        };
    }
}
