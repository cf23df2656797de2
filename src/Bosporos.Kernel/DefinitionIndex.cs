using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Geography;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Siegecraft;

namespace Bosporos.Kernel;

/// <summary>Lookups computed once per definition: ids to indices and lists by role, so the hot loop never searches.</summary>
internal sealed class DefinitionIndex
{
    private readonly Dictionary<string, int> zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> contingents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> flotillas = new(StringComparer.Ordinal);

    public DefinitionIndex(SiegeDefinition d)
    {
        for (var i = 0; i < d.Zones.Length; i++)
        {
            zones[d.Zones[i].Id] = i;
        }

        for (var i = 0; i < d.Contingents.Length; i++)
        {
            contingents[d.Contingents[i].Id] = i;
        }

        for (var i = 0; i < d.Flotillas.Length; i++)
        {
            flotillas[d.Flotillas[i].Id] = i;
        }

        ContingentZone = d.Contingents.Select(c => (short)Zone(c.Zone)).ToArray();
        SectorOfZone = new int[d.Zones.Length];
        Array.Fill(SectorOfZone, -1);
        SectorZone = new int[d.WallSectors.Length];
        for (var i = 0; i < d.WallSectors.Length; i++)
        {
            SectorZone[i] = Zone(d.WallSectors[i].Zone);
            SectorOfZone[SectorZone[i]] = i;
        }

        IsSeaWall = d.WallSectors.Select(s => d.Zones[Zone(s.Zone)].Kind == ZoneKind.SeaWall).ToArray();
        Roman = Where(d, c => c.Side == Side.Roman);
        Host = Where(d, c => c.Side == Side.Avar);
        Wall = Where(d, c => c.Side == Side.Roman && c.Role is ContingentRole.Garrison or ContingentRole.Sailors);
        Reserve = Where(d, c => c.Side == Side.Roman && c.Role == ContingentRole.Reserve);
        Assault = Where(d, c => c.Side == Side.Avar && c.Role == ContingentRole.Assault);
        Persian = Contingent(d.Diplomacy.PersianContingent);
        FlotillaCrew = d.Flotillas.Select(f => f.Crew is null ? -1 : Contingent(f.Crew)).ToArray();
        EngineSector = d.Engines.Select(e => SectorOfZone[Zone(e.Sector)]).ToArray();
        AttackerTowers = Parks(d, e => e.Side != Side.Roman && e.Kind == EngineKind.SiegeTower);
        AttackerStoneThrowers = Parks(d, e => e.Side != Side.Roman && e.Kind == EngineKind.StoneThrower);
        AttackerTortoises = Parks(d, e => e.Side != Side.Roman && e.Kind == EngineKind.Tortoise);
        DefenderEngines = Parks(d, e => e.Side == Side.Roman && e.Kind == EngineKind.StoneThrower);
        PatrolFlotilla = d.Command.Defenders.Patrols.Select(p => Flotilla(p.Flotilla)).ToArray();
        PatrolZone = d.Command.Defenders.Patrols.Select(p => Zone(p.Zone)).ToArray();
        PlanTarget = d.Command.Khagan.Select(s => s.Target is null || s.Target == "weakest" ? -1 : SectorOfZone[Zone(s.Target)]).ToArray();
        PlanFlotilla = d.Command.Khagan.Select(s => s.Flotilla is null ? -1 : Flotilla(s.Flotilla)).ToArray();
        PlanRoute = d.Command.Khagan.Select(s => s.Route.Select(Zone).ToArray()).ToArray();
        EnvoyRoute = d.Diplomacy.EnvoyRoute.Select(Zone).ToArray();
        SeaLane = Zone(d.Supply.SeaLaneZone);
        SignalZone = Zone(d.Diplomacy.SignalZone);
        LandingZone = Zone(d.Diplomacy.LandingZone);
        AttackerParks = Parks(d, e => e.Side != Side.Roman);
        AttackerBoats = Enumerable.Range(0, d.Flotillas.Length).Where(i => d.Flotillas[i].Side != Side.Roman).ToArray();
        Camp = Where(d, c => c.Side == Side.Avar && c.Role == ContingentRole.Camp);
        WallByQuality = Wall.OrderByDescending(i => ((long)(Ratio.Scale + d.Contingents[i].Training.Raw) * (Ratio.Scale + (d.Contingents[i].Armour.Raw / 2))) + (long)d.Contingents[i].Morale.Raw)
            .ThenBy(i => i).ToArray();
        IntentionsAt = new int[24][];
        for (var h = 0; h < 24; h++)
        {
            var hour = h;
            IntentionsAt[h] = Enumerable.Range(0, d.Command.Khagan.Length).Where(k => d.Command.Khagan[k].StartHour == hour).ToArray();
        }

        SectorFrontage = d.WallSectors.Select(s => (int)Math.Max(1, d.Combat.DefenderFrontagePerMetre.Of(s.LengthMetres))).ToArray();
        var camp = Array.FindIndex(d.Contingents, c => c.Side == Side.Avar);
        AqueductZone = camp >= 0 ? ContingentZone[camp] : -1;
    }

    /// <summary>Defenders who can fight at once on each sector's front (at least 1): a full sector garrison.</summary>
    public int[] SectorFrontage { get; }

    /// <summary>Every engine park of the attackers (stone-throwers, towers, tortoises).</summary>
    public int[] AttackerParks { get; }

    /// <summary>Every flotilla of boats on the attackers' side.</summary>
    public int[] AttackerBoats { get; }

    /// <summary>Contingents of the camp: the horse who screen, forage and guard it.</summary>
    public int[] Camp { get; }

    /// <summary>The wall contingents, best men first (training and armour, then starting morale; ties in file order).</summary>
    public int[] WallByQuality { get; }

    /// <summary>Intentions of the khagan by the hour of day they start (where he decides them).</summary>
    public int[][] IntentionsAt { get; }

    /// <summary>Where the aqueduct is cut: the camp of the first of the attackers' contingents.</summary>
    public int AqueductZone { get; }

    public short[] ContingentZone { get; }

    public int[] SectorOfZone { get; }

    public int[] SectorZone { get; }

    public bool[] IsSeaWall { get; }

    public int[] Roman { get; }

    public int[] Host { get; }

    public int[] Wall { get; }

    public int[] Reserve { get; }

    public int[] Assault { get; }

    public int Persian { get; }

    public int[] FlotillaCrew { get; }

    public int[] EngineSector { get; }

    public int[] AttackerTowers { get; }

    public int[] AttackerStoneThrowers { get; }

    public int[] AttackerTortoises { get; }

    public int[] DefenderEngines { get; }

    public int[] PatrolFlotilla { get; }

    public int[] PatrolZone { get; }

    public int[] PlanTarget { get; }

    public int[] PlanFlotilla { get; }

    public int[][] PlanRoute { get; }

    public int[] EnvoyRoute { get; }

    public int SeaLane { get; }

    public int SignalZone { get; }

    public int LandingZone { get; }


    public int Zone(string id) => zones.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"Unknown zone '{id}'.");

    public int Contingent(string id) => contingents.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"Unknown contingent '{id}'.");

    public int Flotilla(string id) => flotillas.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"Unknown flotilla '{id}'.");

    private static int[] Where(SiegeDefinition d, Func<ContingentDefinition, bool> predicate) =>
        Enumerable.Range(0, d.Contingents.Length).Where(i => predicate(d.Contingents[i])).ToArray();

    private static int[] Parks(SiegeDefinition d, Func<EngineParkDefinition, bool> predicate) =>
        Enumerable.Range(0, d.Engines.Length).Where(i => predicate(d.Engines[i])).ToArray();
}
