using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Kernel.War;

/// <summary>How one army's men are accounted for: arrived = present + killed + wounded + deserted + captured + transferred.</summary>
public readonly record struct ArmyLedger(int Arrived, int Present, int Killed, int Wounded, int Deserted, int Captured, int Transferred)
{
    public bool Balances => Arrived == Present + Killed + Wounded + Deserted + Captured + Transferred;
}

/// <summary>
/// One deterministic run of the war, a day at a time: marches, battles, the courier, the king's legitimacy, the
/// treaty, and the siege of the capital run hour by hour through the siege kernel (<see cref="Simulation"/>) with the
/// forces the campaign delivers. Same definitions and seed give the same events and daily hashes on any machine.
/// </summary>
public sealed partial class WarSimulation
{
    private const ulong BattleStream = 101;
    private const ulong WeatherStream = 102;
    private const ulong CourierStream = 103;
    private const ulong PoliticsStream = 104;
    private const ulong DiplomacyStream = 105;
    private const ulong SupplyStream = 106;
    private const ulong ManoeuvreStream = 107;
    private const ulong AvarStream = 108;
    private const ulong MusterStream = 109;
    private const ulong SiegeSeedKey = 0x5349_4547;

    private readonly List<WarEvent> events = [];
    private readonly List<ulong> dailyHashes = [];
    private readonly Dictionary<string, int> regionIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> armyIndex = new(StringComparer.Ordinal);
    private readonly List<int>[] adjacency;
    private readonly int[] routeFrom;
    private readonly int[] routeTo;
    private readonly int startDayNumber;

    private RandomStream battleDice;
    private RandomStream weatherDice;
    private RandomStream courierDice;
    private RandomStream politicsDice;
    private RandomStream diplomacyDice;
    private RandomStream supplyDice;
    private RandomStream manoeuvreDice;
    private RandomStream avarDice;
    private RandomStream musterDice;

    // Armies.
    private readonly int[] present;
    private readonly int[] arrived;
    private readonly int[] killed;
    private readonly int[] wounded;
    private readonly int[] deserted;
    private readonly int[] captured;
    private readonly int[] transferred;
    private readonly int[] hulls;
    private readonly int[] morale;
    private readonly int[] location;
    private readonly int[] destination;
    private readonly int[] nextRegion;
    private readonly int[] daysLeft;
    private readonly bool[] active;
    private readonly bool[] inSiege;

    // Regions.
    private readonly Power[] holder;
    private readonly bool[] sacked;

    private WarOutcome outcome;
    private bool over;

    private WarSimulation(WarDefinition definition, SiegeDefinition siege)
    {
        Definition = definition;
        SiegeBase = siege;
        for (var i = 0; i < definition.Regions.Length; i++)
        {
            regionIndex[definition.Regions[i].Id] = i;
        }

        for (var i = 0; i < definition.Armies.Length; i++)
        {
            armyIndex[definition.Armies[i].Id] = i;
        }

        adjacency = new List<int>[definition.Regions.Length];
        for (var i = 0; i < adjacency.Length; i++)
        {
            adjacency[i] = [];
        }

        routeFrom = new int[definition.Routes.Length];
        routeTo = new int[definition.Routes.Length];
        for (var r = 0; r < definition.Routes.Length; r++)
        {
            routeFrom[r] = regionIndex[definition.Routes[r].From];
            routeTo[r] = regionIndex[definition.Routes[r].To];
            adjacency[routeFrom[r]].Add(r);
            adjacency[routeTo[r]].Add(r);
        }

        pathDist = new int[definition.Regions.Length];
        pathPrev = new int[definition.Regions.Length];
        pathDone = new bool[definition.Regions.Length];

        var n = definition.Armies.Length;
        present = new int[n];
        arrived = new int[n];
        killed = new int[n];
        wounded = new int[n];
        deserted = new int[n];
        captured = new int[n];
        transferred = new int[n];
        hulls = new int[n];
        morale = new int[n];
        location = new int[n];
        destination = new int[n];
        nextRegion = new int[n];
        daysLeft = new int[n];
        active = new bool[n];
        inSiege = new bool[n];
        holder = new Power[definition.Regions.Length];
        sacked = new bool[definition.Regions.Length];
        startDayNumber = JulianDate.Of(definition.Calendar).DayNumber;
        SiegeStartDay = JulianDate.Of(siege.Calendar).DayNumber - startDayNumber;
        capitalRegion = Array.FindIndex(definition.Regions, r => r.Capital);
        heraclius = armyIndex[definition.Heraclius.Army];
        capitalArmy = armyIndex[definition.Heraclius.CapitalArmy];
        theodore = armyIndex[definition.Heraclius.TheodoreArmy];
        shahin = armyIndex[definition.Khosrow.ShahinArmy];
        shahrbaraz = armyIndex[definition.Khosrow.ShahrbarazArmy];
        turks = armyIndex[definition.Turks.Army];
    }

    /// <summary>
    /// Creates a run. Both definitions must come from the scenario validator (they are not re-checked here);
    /// <paramref name="siege"/> is the siege of the capital as shipped, adjusted from the campaign when it begins.
    /// </summary>
    public static WarSimulation Create(WarDefinition definition, SiegeDefinition siege, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(siege);
        var sim = new WarSimulation(definition, siege);
        sim.Reset(seed);
        return sim;
    }

    public WarDefinition Definition { get; }

    /// <summary>The siege of the capital as shipped (before the campaign adjusts it).</summary>
    public SiegeDefinition SiegeBase { get; }

    /// <summary>The campaign day on which the siege of the capital begins (its calendar start).</summary>
    public int SiegeStartDay { get; }

    public ulong Seed { get; private set; }

    /// <summary>Days since the start; the next step simulates this day.</summary>
    public int Day { get; private set; }

    public bool IsOver => over;

    public IReadOnlyList<WarEvent> Events => events;

    /// <summary>
    /// The state hash folded at the end of each day, covering the siege while it runs (empty when
    /// <see cref="KeepsDailyHashes"/> is off).
    /// </summary>
    public IReadOnlyList<ulong> DailyHashes => dailyHashes;

    /// <summary>
    /// Whether each day's state hash is kept in <see cref="DailyHashes"/> (on by default). A batch of runs that needs
    /// only each run's final <see cref="StateHash"/> turns it off: the hash of a day depends only on that day's state,
    /// so the final one is the same either way, and a run skips folding the state on every other day.
    /// </summary>
    public bool KeepsDailyHashes { get; set; } = true;

    /// <summary>The siege of the capital (null before it begins): the siege kernel's own run, with its events.</summary>
    public Simulation? Siege { get; private set; }

    /// <summary>The siege definition the campaign built from its state.</summary>
    public SiegeDefinition? SiegeDefinitionUsed { get; private set; }

    /// <summary>The calendar date of a campaign day.</summary>
    public JulianDate DateOf(int day) => JulianDate.FromDayNumber(startDayNumber + day);

    public ArmyLedger Ledger(int army) =>
        new(arrived[army], present[army], killed[army], wounded[army], deserted[army], captured[army], transferred[army]);

    public int Present(int army) => present[army];

    public int Hulls(int army) => hulls[army];

    public int Morale(int army) => morale[army];

    public int Location(int army) => location[army];

    public bool Active(int army) => active[army];

    /// <summary>The region an army is marching to on its current leg (-1 when it stands in <see cref="Location"/>).</summary>
    public int NextRegion(int army) => nextRegion[army];

    /// <summary>Days left on an army's current leg (0 when it stands).</summary>
    public int DaysLeft(int army) => daysLeft[army];

    /// <summary>Whether an army's men are inside the siege of the capital (fighting there, not in the field).</summary>
    public bool InSiege(int army) => inSiege[army];

    /// <summary>The region the king's courier is in (-1 when no courier is on the road).</summary>
    public int CourierRegion => courierActive ? regionIndex[Definition.Courier.Route[courierLeg]] : -1;

    public Power Holder(int region) => holder[region];

    public int ArmyIndex(string id) => armyIndex.TryGetValue(id, out var i) ? i : -1;

    public int RegionIndex(string id) => regionIndex.TryGetValue(id, out var i) ? i : -1;

    public WarOutcome Outcome => outcome;

    /// <summary>Men on every side, over every army: what arrived and where they went.</summary>
    public (long Arrived, long Accounted) Totals()
    {
        long a = 0, b = 0;
        for (var i = 0; i < present.Length; i++)
        {
            a += arrived[i];
            b += present[i] + killed[i] + wounded[i] + deserted[i] + captured[i] + transferred[i];
        }

        return (a, b);
    }

    public void Reset(ulong seed)
    {
        Seed = seed;
        Day = 0;
        events.Clear();
        dailyHashes.Clear();
        battleDice = new RandomStream(SplitMix64.Derive(seed, BattleStream));
        weatherDice = new RandomStream(SplitMix64.Derive(seed, WeatherStream));
        courierDice = new RandomStream(SplitMix64.Derive(seed, CourierStream));
        politicsDice = new RandomStream(SplitMix64.Derive(seed, PoliticsStream));
        diplomacyDice = new RandomStream(SplitMix64.Derive(seed, DiplomacyStream));
        supplyDice = new RandomStream(SplitMix64.Derive(seed, SupplyStream));
        manoeuvreDice = new RandomStream(SplitMix64.Derive(seed, ManoeuvreStream));
        avarDice = new RandomStream(SplitMix64.Derive(seed, AvarStream));
        musterDice = new RandomStream(SplitMix64.Derive(seed, MusterStream));
        Array.Clear(present);
        Array.Clear(arrived);
        Array.Clear(killed);
        Array.Clear(wounded);
        Array.Clear(deserted);
        Array.Clear(captured);
        Array.Clear(transferred);
        Array.Clear(hulls);
        Array.Clear(daysLeft);
        Array.Clear(inSiege);
        Array.Clear(sacked);
        for (var i = 0; i < Definition.Armies.Length; i++)
        {
            var a = Definition.Armies[i];
            location[i] = regionIndex[a.Region];
            destination[i] = -1;
            nextRegion[i] = -1;
            morale[i] = a.Morale.Raw;
            active[i] = a.Raised;
            if (a.Raised)
            {
                present[i] = arrived[i] = Muster(a);
                hulls[i] = a.Hulls;
            }
        }

        for (var r = 0; r < holder.Length; r++)
        {
            holder[r] = Definition.Regions[r].Holder;
        }

        outcome = WarOutcome.Undecided;
        over = false;
        Siege = null;
        SiegeDefinitionUsed = null;
        ResetDoctrine();
        ResetPolitics();
        ResetEarly();
    }

    /// <summary>Advances one day.</summary>
    public void Step()
    {
        if (over)
        {
            return;
        }

        Doctrines();
        Move();
        CapitalSiege();
        if (!over)
        {
            Battles();
            CitySiege();
            Sacks();
            Attrition();
            Courier();
            Politics();
            CheckEnd();
        }

        if (KeepsDailyHashes)
        {
            dailyHashes.Add(HashOf(Day));
        }

        Day++;
    }

    public WarSummary RunToEnd()
    {
        while (!over)
        {
            Step();
        }

        return Summary;
    }

    public bool IsWinter(int day)
    {
        // The marches ask this for every route they weigh: the last answer is kept (the definition never changes).
        if (day == winterAskedDay)
        {
            return winterAnswer;
        }

        var m = DateOf(day).Month;
        var s = Definition.Season;
        winterAnswer = s.WinterFromMonth <= s.WinterToMonth
            ? m >= s.WinterFromMonth && m <= s.WinterToMonth
            : m >= s.WinterFromMonth || m <= s.WinterToMonth;
        winterAskedDay = day;
        return winterAnswer;
    }

    private int winterAskedDay = int.MinValue;
    private bool winterAnswer;

    private void Emit(WarEventKind kind, int region = -1, int army = -1, int other = -1, int v1 = 0, int v2 = 0, int v3 = 0, int odds = -1, int roll = -1) =>
        events.Add(new WarEvent(Day, kind, (short)region, (short)army, (short)other, v1, v2, v3, odds, roll));

    /// <summary>Moves men from one army to another (both ledgers keep them: transferred out, arrived in).</summary>
    private void Transfer(int from, int to, int men)
    {
        men = Math.Clamp(men, 0, present[from]);
        present[from] -= men;
        transferred[from] += men;
        present[to] += men;
        arrived[to] += men;
    }

    /// <summary>Raises an army that did not exist at the start with its defined strength.</summary>
    private void Raise(int army)
    {
        if (active[army] || arrived[army] > 0)
        {
            return;
        }

        var a = Definition.Armies[army];
        active[army] = true;
        present[army] = arrived[army] = Muster(a);
        hulls[army] = a.Hulls;
        Emit(WarEventKind.ArmyRaised, location[army], army, v1: present[army]);
    }

    /// <summary>The men an army musters: its strength, or a draw from strength to its maximum when that is contested.</summary>
    private int Muster(ArmyDefinition a) =>
        a.StrengthMax > a.Strength ? a.Strength + musterDice.NextInt(a.StrengthMax - a.Strength + 1) : a.Strength;

    private bool Hostile(int a, int b)
    {
        if (!active[a] || !active[b] || inSiege[a] || inSiege[b])
        {
            return false;
        }

        var sa = Side(a);
        var sb = Side(b);
        return sa != sb && sa != Power.Avars && sb != Power.Avars;
    }

    /// <summary>The side an army fights for in the field: the Turks fight beside Rome; a turned general fights for no one.</summary>
    private Power Side(int army)
    {
        var s = Definition.Armies[army].Side;
        return s == Power.Turks ? Power.Rome : s;
    }

    private bool Fights(int army) =>
        active[army] && !inSiege[army] && daysLeft[army] == 0 && !(army == shahrbaraz && shahrbarazTurned)
        && Definition.Armies[army].Role is ArmyRole.Field or ArmyRole.Ally;

    /// <summary>The hash of the state at the end of <paramref name="day"/>'s step (the state as it now is).</summary>
    private ulong HashOf(int day)
    {
        var h = new WarHasher();
        h.Add(day);
        h.Add((long)outcome);
        for (var i = 0; i < present.Length; i++)
        {
            h.Add(present[i]);
            h.Add(killed[i]);
            h.Add(wounded[i]);
            h.Add(deserted[i]);
            h.Add(captured[i]);
            h.Add(transferred[i]);
            h.Add(hulls[i]);
            h.Add(morale[i]);
            h.Add(location[i]);
            h.Add(nextRegion[i]);
            h.Add(daysLeft[i]);
            h.Add(active[i] ? 1 : 0);
        }

        for (var r = 0; r < holder.Length; r++)
        {
            h.Add((long)holder[r] + (sacked[r] ? 16 : 0));
        }

        HashPolitics(ref h);
        HashEarly(ref h);
        if (Siege is not null && siegeRunning)
        {
            h.Add((long)Siege.StateHash);
        }

        return h.Value;
    }

    /// <summary>The state hash at the end of the last simulated day (0 before the first).</summary>
    public ulong StateHash => Day == 0 ? 0 : KeepsDailyHashes ? dailyHashes[^1] : HashOf(Day - 1);
}

/// <summary>The word-at-a-time FNV-style fold the siege kernel uses, for the campaign's state.</summary>
internal struct WarHasher
{
    private const ulong Prime = 0x0000_0100_0000_01B3UL;

    public WarHasher() => Value = 0x6A09_E667_F3BC_C908UL;

    public ulong Value { get; private set; }

    public void Add(long v)
    {
        var x = (Value ^ (ulong)v) * Prime;
        Value = x ^ (x >> 29);
    }
}
