using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Geography;
using Bosporos.Kernel.Numerics;
using Bosporos.Scenarios.Narrative;

namespace Bosporos.Analysis.Play;

/// <summary>A wall sector as a commander sees it: men on it, the walls' state (permille), engines before it.</summary>
public sealed record SectorView(
    int Sector,
    int Zone,
    string ZoneId,
    string Name,
    bool SeaWall,
    int Defenders,
    int OuterPermille,
    int InnerPermille,
    int EnginesBefore,
    int Lodgement,
    bool UnderAssault,
    bool Threatened);

/// <summary>A water zone: warships on station there.</summary>
public sealed record WaterView(int Zone, string ZoneId, string Name, int Warships);

/// <summary>A flotilla: its side and hulls afloat.</summary>
public sealed record FlotillaView(string Id, string Name, string Side, int Hulls);

/// <summary>One line of the chronicle: when and what.</summary>
public sealed record ChronicleLine(int Hour, string Text);

/// <summary>
/// The state of a game as either side may see it (the model has no fog of war): time, the walls, the water, both
/// sides' strength, the standing flags and the latest chronicle lines. Plain values only, ready to serialise.
/// </summary>
public sealed record PlayView(
    string Scenario,
    int Hour,
    int Day,
    int HourOfDay,
    bool Over,
    string Outcome,
    string? EndCause,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<SectorView> Sectors,
    IReadOnlyList<WaterView> Water,
    IReadOnlyList<FlotillaView> Flotillas,
    long RomanMen,
    long RomanLost,
    long HostMen,
    long HostLost,
    int CityMoralePermille,
    int HostWillingPermille,
    int KhaganProspectsPermille,
    int CityFoodDays,
    int HostFoodDays,
    int PersiansAshore,
    bool EnginesBegun,
    bool EnvoysSent,
    bool SignalLearned,
    string Wind,
    IReadOnlyList<ChronicleLine> Chronicle)
{
    /// <summary>How many chronicle lines a view carries.</summary>
    public const int ChronicleLines = 12;

    public static PlayView Of(Simulation sim, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(reasons);
        var d = sim.Definition;
        var sectors = new List<SectorView>();
        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            var zone = PlayOptions.ZoneOf(d, s);
            sectors.Add(new SectorView(s, zone, d.Zones[zone].Id, Names.Zone(d, zone), d.Zones[zone].Kind == ZoneKind.SeaWall,
                sim.DefendersAt(s), Permille(sim.OuterIntegrity(s)), Permille(sim.InnerIntegrity(s)), sim.EnginesBefore(s),
                sim.LodgementAt(s), sim.AssaultSector == s, sim.ThreatSector == s));
        }

        var water = new List<WaterView>();
        for (var z = 0; z < d.Zones.Length; z++)
        {
            if (d.Zones[z].Kind == ZoneKind.Water)
            {
                water.Add(new WaterView(z, d.Zones[z].Id, Names.Zone(d, z), sim.PatrolHulls(z)));
            }
        }

        var flotillas = d.Flotillas.Select((f, i) => new FlotillaView(f.Id, f.Name, PlaySides.Id(f.Side == Side.Roman ? Side.Roman : Side.Avar), sim.Hulls(i))).ToList();
        string? cause = sim.IsOver ? Names.Kebab(sim.Summary.Cause.ToString()) : null;
        return new PlayView(d.Id, sim.Now.Hours, sim.Now.Day, sim.Now.HourOfDay, sim.IsOver,
            Names.Kebab(sim.Outcome.ToString()), cause, reasons,
            sectors, water, flotillas,
            LookAhead.Present(sim, Side.Roman), LookAhead.Lost(sim, Side.Roman), LookAhead.Present(sim, Side.Avar), LookAhead.Lost(sim, Side.Avar),
            Permille(sim.CityMorale), Permille(sim.HostWillingShare), Permille(sim.KhaganProspects), sim.CityFoodDays, sim.HostFoodDays,
            sim.PersiansAshore, sim.EnginesBegun, sim.EnvoysSent, sim.SignalLearned, Names.Kebab(sim.Wind.ToString()),
            Lines(sim, ChronicleLines));
    }

    /// <summary>The last <paramref name="count"/> chronicle-worthy sentences (the hourly fighting left out).</summary>
    public static IReadOnlyList<ChronicleLine> Lines(Simulation sim, int count)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var lines = new List<ChronicleLine>();
        var events = sim.Events.All;
        for (var i = events.Length - 1; i >= 0 && lines.Count < count; i--)
        {
            var e = events[i];
            if (e.Kind is EventKind.Engagement or EventKind.WallBattered or EventKind.WallRepaired or EventKind.WindChanged)
            {
                continue;
            }

            lines.Add(new ChronicleLine(e.Time.Hours, EventSentences.Sentence(sim.Definition, e)));
        }

        lines.Reverse();
        return lines;
    }

    private static int Permille(int ratioRaw) => (int)((long)ratioRaw * 1000 / Ratio.Scale);
}

/// <summary>The answer to an order given in play: refused (with the kernel's reason) or accepted for this hour.</summary>
public sealed record OrderAnswer(bool Accepted, OrderRefusal Refusal, string Message);
