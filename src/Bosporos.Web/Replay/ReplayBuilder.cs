using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Geography;
using Bosporos.Scenarios;
using Bosporos.Web.Scenarios;

namespace Bosporos.Web.Replay;

/// <summary>Runs a siege once, hour by hour, and packs everything the browser needs to replay and seek it.</summary>
internal static class ReplayBuilder
{
    public static ReplayDto Build(LoadResult loaded, ulong seed) => Build(loaded, seed, []);

    /// <summary>
    /// Runs the siege with external orders (a replay file's), each given at its hour as the replay player gives it;
    /// the kernel's OrderGiven events then tell who gave each order.
    /// </summary>
    public static ReplayDto Build(LoadResult loaded, ulong seed, IReadOnlyList<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var d = loaded.Definition ?? throw new ArgumentException("Needs a loaded definition.", nameof(loaded));
        var sorted = orders.OrderBy(o => o.Time.Hours).ToArray(); // stable: the orders of one hour keep their order
        var nextOrder = 0;
        var buffer = new Order[Math.Max(1, sorted.Length)];
        var sim = Simulation.Create(d, seed);
        var zoneIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < d.Zones.Length; i++)
        {
            zoneIndex[d.Zones[i].Id] = i;
        }

        int Zone(string id) => zoneIndex.TryGetValue(id, out var i) ? i : -1;
        var sectorOfZone = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < d.WallSectors.Length; i++)
        {
            sectorOfZone[d.WallSectors[i].Zone] = i;
        }

        var c = d.Contingents.Length;
        var w = d.WallSectors.Length;
        var f = d.Flotillas.Length;
        var e = d.Engines.Length;
        var width = 1 + (2 * c) + (2 * w) + f + e;
        var frames = new List<int[]>();
        var previous = new int[width];
        var current = new int[width];
        var z = d.Zones.Length;
        var positions = new List<int[]>();
        var previousPlace = new int[1 + z + 4 + e];
        var currentPlace = new int[previousPlace.Length];
        var assaultZone = -1;
        var crewContingent = -1;
        var seen = 0;
        Capture(sim, current, c, w, f, e);
        CapturePositions(sim, currentPlace, z, e, assaultZone, crewContingent);
        frames.Add((int[])current.Clone());
        positions.Add((int[])currentPlace.Clone());
        (previous, current) = (current, previous);
        (previousPlace, currentPlace) = (currentPlace, previousPlace);
        while (!sim.IsOver)
        {
            while (nextOrder < sorted.Length && sorted[nextOrder].Time < sim.Now)
            {
                nextOrder++; // an order for an hour already past is never given, as in ReplayPlayer.Play
            }

            var given = 0;
            while (nextOrder < sorted.Length && sorted[nextOrder].Time == sim.Now)
            {
                buffer[given++] = sorted[nextOrder++];
            }

            sim.Step(buffer.AsSpan(0, given));
            var fresh = sim.Events.All;
            for (; seen < fresh.Length; seen++)
            {
                if (fresh[seen].Kind == EventKind.AssaultBegan)
                {
                    assaultZone = fresh[seen].Zone;
                }
                else if (fresh[seen].Kind == EventKind.CanoesLaunched && (uint)fresh[seen].Actor < (uint)f)
                {
                    crewContingent = d.Flotillas[fresh[seen].Actor].Crew is { } crew ? Array.FindIndex(d.Contingents, x => x.Id == crew) : -1;
                }
            }

            Capture(sim, current, c, w, f, e);
            CapturePositions(sim, currentPlace, z, e, assaultZone, crewContingent);
            Keep(frames, current, previous);
            Keep(positions, currentPlace, previousPlace);
            (previous, current) = (current, previous);
            (previousPlace, currentPlace) = (currentPlace, previousPlace);
        }

        var summary = sim.Summary;
        var events = new List<EventDto>(sim.Events.Count);
        var chronicle = new List<string>();
        var all = sim.Events.All;
        for (var i = 0; i < all.Length; i++)
        {
            var ev = all[i];
            events.Add(EventDto(d, ev, i, out var line));
            chronicle.Add(line);
        }

        var warnings = new List<string>();
        var uncited = loaded.Diagnostics.Count(x => x.Code == "BOS2001");
        if (uncited > 0)
        {
            warnings.Add($"{uncited} numbers of the scenario have no source yet (mostly plan days and hours).");
        }

        warnings.AddRange(loaded.Diagnostics.Where(x => x.Code != "BOS2001").Select(x =>
            $"{Path.GetFileName(x.File)}:{x.Line}:{x.Column}: {(x.Severity == Bosporos.Scenarios.Validation.Severity.Error ? "error" : "warning")} {x.Code}: {x.Message} [{x.Path}]"));
        if (events.Count == 0)
        {
            warnings.Add("The run produced no events: the kernel's mechanics may not be in this build yet.");
        }

        return new ReplayDto(
            d.Id, d.Name, loaded.ScenarioHash, seed,
            new CalendarDto(d.Calendar.StartYear, d.Calendar.StartMonth, d.Calendar.StartDay, d.Calendar.HorizonDays),
            sim.Now.Hours,
            d.Zones.Select(z => new ZoneDto(z.Id, z.Name, Naming.Kebab(z.Kind.ToString()), z.Latitude.Micro / 1e6, z.Longitude.Micro / 1e6)).ToArray(),
            d.WallSectors.Select(s => new SectorDto(
                s.Zone, Zone(s.Zone) >= 0 ? d.Zones[Zone(s.Zone)].Name : s.Zone, s.LengthMetres, s.Towers, s.OuterWall, s.InnerWall,
                Zone(s.Zone) >= 0 && d.Zones[Zone(s.Zone)].Kind == ZoneKind.SeaWall)).ToArray(),
            d.Contingents.Select(x => new ContingentDto(
                x.Id, x.Name, Kebab(x.Side), Kebab(x.People), Kebab(x.Troop), Kebab(x.Role), x.Strength, Zone(x.Zone), x.ArrivalDay)).ToArray(),
            d.Flotillas.Select(x => new FlotillaDto(x.Id, x.Name, Kebab(x.Side), Kebab(x.Craft), x.Hulls, Zone(x.Station), x.ArrivalDay)).ToArray(),
            d.Engines.Select(x => new EngineParkDto(
                x.Id, Kebab(x.Side), Kebab(x.Kind), x.Count, sectorOfZone.TryGetValue(x.Sector, out var s) ? s : -1)).ToArray(),
            new DiplomacyMapDto(
                d.Diplomacy.EnvoyRoute.Select(Zone).ToArray(), Zone(d.Diplomacy.SignalZone), Zone(d.Diplomacy.LandingZone),
                Array.FindIndex(d.Contingents, x => x.Id == d.Diplomacy.PersianContingent)),
            new FrameLayoutDto(
                c, w, f, e, "hour,present*contingents,moralePermille*contingents,outerPermille*sectors,innerPermille*sectors,hulls*flotillas,engines*parks",
                z, "hour,warships*zones,persiansAshore,crewsAshore,crewsZone,crewsContingent,ready*parks"),
            frames,
            positions,
            events,
            chronicle,
            Summarize(d, summary),
            warnings);
    }

    internal static SummaryDto Summarize(SiegeDefinition d, SiegeSummary s) => new(
        Kebab(s.Outcome), Kebab(s.Cause), s.End.Hours, JulianCalendar.Format(d.Calendar, s.End.Hours), s.CloseSiegeDays,
        s.PersiansFerried, s.AssaultAttackerLosses, s.AssaultDefenderLosses, s.CanoesLaunched, s.CanoesLost, s.EnginesLost,
        s.TowersBurned, s.RomanLosses, s.HostLosses, s.PersianLosses, s.MinWallIntegrityPermille, s.EnvoysCaught,
        s.SignalLearned, s.StateHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));

    private static string Kebab<T>(T value)
        where T : struct, Enum => Naming.Kebab(value.ToString());

    /// <summary>Stores a frame only when something in it changed; a step that did not advance the clock overwrites the last.</summary>
    private static void Keep(List<int[]> kept, int[] current, int[] previous)
    {
        if (current[0] == kept[^1][0])
        {
            kept[^1] = (int[])current.Clone(); // the step that ended the run did not advance the clock
        }
        else if (!current.AsSpan(1).SequenceEqual(previous.AsSpan(1)))
        {
            kept.Add((int[])current.Clone());
        }
    }

    /// <summary>Where things are: warships on each zone, men ashore (and where the boat crews are and whose men they are), engines ready (1) or not (0).</summary>
    internal static void CapturePositions(Simulation sim, int[] frame, int z, int e, int assaultZone, int crewContingent)
    {
        frame[0] = sim.Now.Hours;
        var o = 1;
        for (var i = 0; i < z; i++)
        {
            frame[o++] = sim.PatrolHulls(i);
        }

        frame[o++] = sim.PersiansAshore;
        var crews = sim.BoatCrewAshore;
        frame[o++] = crews;
        frame[o++] = crews > 0 ? assaultZone : -1;
        frame[o++] = crews > 0 ? crewContingent : -1;
        for (var i = 0; i < e; i++)
        {
            frame[o++] = sim.EngineReady(i) ? 1 : 0;
        }
    }

    internal static void Capture(Simulation sim, int[] frame, int c, int w, int f, int e)
    {
        frame[0] = sim.Now.Hours;
        var o = 1;
        for (var i = 0; i < c; i++)
        {
            frame[o++] = sim.Ledger(i).Present;
        }

        for (var i = 0; i < c; i++)
        {
            frame[o++] = sim.Morale(i) / 10;
        }

        for (var i = 0; i < w; i++)
        {
            frame[o++] = sim.OuterIntegrity(i) / 10;
        }

        for (var i = 0; i < w; i++)
        {
            frame[o++] = sim.InnerIntegrity(i) / 10;
        }

        for (var i = 0; i < f; i++)
        {
            frame[o++] = sim.Hulls(i);
        }

        for (var i = 0; i < e; i++)
        {
            frame[o++] = sim.Engines(i);
        }
    }

    /// <summary>One event as the page shows it (names, values by field, the shared sentence) and its chronicle line.</summary>
    internal static EventDto EventDto(SiegeDefinition d, in SiegeEvent ev, int index, out string chronicleLine)
    {
        var fields = EventFields.For(ev.Kind);
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        if (fields.Value1 is not null)
        {
            values[fields.Value1] = ev.Value1;
        }

        if (fields.Value2 is not null)
        {
            values[fields.Value2] = ev.Value2;
        }

        if (fields.Value3 is not null)
        {
            values[fields.Value3] = ev.Value3;
        }

        var text = EventText.For(d, ev);
        var date = JulianCalendar.Format(d.Calendar, ev.Time.Hours);
        chronicleLine = $"{date}: {text}";
        return new EventDto(
            index, ev.Time.Hours, date, Naming.Kebab(ev.Kind.ToString()), ev.Zone,
            (uint)ev.Zone < (uint)d.Zones.Length ? d.Zones[ev.Zone].Name : null,
            fields.Actor == EventRef.None ? null : EventText.Name(d, fields.Actor, ev.Actor),
            fields.Other == EventRef.None ? null : EventText.Name(d, fields.Other, ev.Other),
            values, ev.Odds, ev.Roll, text, EventText.IsMajor(ev.Kind));
    }
}
