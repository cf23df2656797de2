using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel;

// Live state of a run, held in flat arrays indexed like the definition's lists. Every field that affects the
// future is folded into the daily state hash.
public sealed partial class Simulation
{
    private ulong[] dailyHashes;
    private ulong[] dailySubsystemHashes;
    private int dailyHashCount;

    private Outcome outcome;
    private EndCause endCause;
    private bool horizonReached;

    private Simulation(SiegeDefinition definition)
    {
        Definition = definition;
        Events = new EventLog();
        dailyHashes = new ulong[definition.Calendar.HorizonDays + 2];
        dailySubsystemHashes = new ulong[dailyHashes.Length * SubsystemCount];
        var c = definition.Contingents.Length;
        present = new int[c];
        arrived = new int[c];
        killed = new int[c];
        wounded = new int[c];
        deserted = new int[c];
        captured = new int[c];
        morale = new int[c];
        food = new long[c];
        shortToday = new long[c];
        lossesToday = new int[c];
        var f = definition.Flotillas.Length;
        hulls = new int[f];
        var e = definition.Engines.Length;
        engines = new int[e];
        enginesReady = new bool[e];
        var w = definition.WallSectors.Length;
        outerIntegrity = new int[w];
        innerIntegrity = new int[w];
        defendersAt = new int[w];
        lodgementHours = new int[w];
        var z = definition.Zones.Length;
        patrolHulls = new int[z];
        lodgementMen = new int[w];
        lodgementQuality = new int[w];
        defenderFatigue = new int[w];
        Index = new DefinitionIndex(definition);
    }

    internal DefinitionIndex Index { get; private set; }

    // Forces
    private int[] present;
    private int[] arrived;
    private int[] killed;
    private int[] wounded;
    private int[] deserted;
    private int[] captured;
    private int[] morale; // Ratio raw
    private long[] food; // man-days carried (besiegers)
    private int[] lossesToday;

    // Naval
    private int[] hulls;
    private int[] patrolHulls; // Roman warships on station per zone

    // Siegecraft and walls
    private int[] engines;
    private bool[] enginesReady;
    private int[] outerIntegrity; // Ratio raw
    private int[] innerIntegrity;
    private int[] defendersAt;
    private int[] lodgementHours;

    // Random streams, one per subsystem
    private RandomStream combatDice;
    private RandomStream siegecraftDice;
    private RandomStream navalDice;
    private RandomStream moraleDice;
    private RandomStream diplomacyDice;
    private RandomStream supplyDice;
    private RandomStream weatherDice;

    // Scalars
    private long foragePool;
    private int cityFoodRaw; // days * Ratio.Scale
    private bool aqueductCut;
    private int engineBuildStartHour;
    private bool envoysSent;
    private int envoysResolved; // 0 pending, 1 arrived, 2 caught
    private bool signalLearned;
    private bool signalUsed;
    private int persiansLanded;
    private int persianLandedAlive;
    private int canoesLaunched;
    private int canoesLost;
    private int enginesLost;
    private int towersBurned;
    private int assaultAttackerLosses;
    private int assaultDefenderLosses;
    private int assaultDayAttackerLosses;
    private int assaultDayDefenderLosses;
    private int activeAssaultSector;
    private bool combinedAttackFailed;
    private int minWallIntegrity;
    private bool withdrawOrdered;
    private bool holdAssaultToday;
    private int assaultOverrideSector;

    private void Reseed(ulong key)
    {
        combatDice = RandomStream.For(key, StreamId.Combat);
        siegecraftDice = RandomStream.For(key, StreamId.Siegecraft);
        navalDice = RandomStream.For(key, StreamId.Naval);
        moraleDice = RandomStream.For(key, StreamId.Morale);
        diplomacyDice = RandomStream.For(key, StreamId.Diplomacy);
        supplyDice = RandomStream.For(key, StreamId.Supply);
        weatherDice = RandomStream.For(key, StreamId.Weather);
    }

    private void ResetState()
    {
        var d = Definition;
        outcome = Outcome.Undecided;
        endCause = EndCause.None;
        horizonReached = false;
        Reseed(Seed);
        wind = Weather.Wind.Calm;

        for (var i = 0; i < d.Contingents.Length; i++)
        {
            present[i] = 0;
            arrived[i] = 0;
            killed[i] = 0;
            wounded[i] = 0;
            deserted[i] = 0;
            captured[i] = 0;
            morale[i] = d.Contingents[i].Morale.Raw;
            food[i] = 0;
            shortToday[i] = 0;
            lossesToday[i] = 0;
        }

        for (var i = 0; i < d.Flotillas.Length; i++)
        {
            hulls[i] = 0;
        }

        Array.Clear(patrolHulls);
        for (var i = 0; i < d.Engines.Length; i++)
        {
            engines[i] = d.Engines[i].Count;
            enginesReady[i] = d.Engines[i].BuildHours == 0;
        }

        for (var i = 0; i < d.WallSectors.Length; i++)
        {
            var s = d.WallSectors[i];
            outerIntegrity[i] = s.OuterWall ? s.Integrity.Raw : 0;
            innerIntegrity[i] = s.InnerWall ? s.Integrity.Raw : 0;
            defendersAt[i] = 0;
            lodgementHours[i] = 0;
            lodgementMen[i] = 0;
            lodgementQuality[i] = 0;
            defenderFatigue[i] = 0;
        }

        foragePool = d.Supply.ForagePoolManDays;
        campStore = 0;
        daysStarving = 0;
        lastHungryDay = -100;
        shortfallTotal = 0;
        attackerFatigue = 0;
        foughtThisHour = -1;
        warshipsDamaged = 0;
        assaultSectorToday = -1;
        cityFoodRaw = d.Supply.CityFoodDays * Ratio.Scale;
        cisternRaw = d.Supply.CisternDays * Ratio.Scale;
        landedCrew = 0;
        landedCrewContingent = -1;
        combinedTrap = false;
        batteredMask = 0;
        allEnginesReady = false;
        repairedMask = 0;
        aqueductCut = false;
        engineBuildStartHour = -1;
        envoysSent = false;
        envoysResolved = 0;
        signalLearned = false;
        signalUsed = false;
        persiansLanded = 0;
        persianLandedAlive = 0;
        canoesLaunched = 0;
        canoesLost = 0;
        enginesLost = 0;
        towersBurned = 0;
        assaultAttackerLosses = 0;
        assaultDefenderLosses = 0;
        assaultDayAttackerLosses = 0;
        assaultDayDefenderLosses = 0;
        activeAssaultSector = -1;
        combinedAttackFailed = false;
        minWallIntegrity = Ratio.Scale;
        withdrawOrdered = false;
        holdAssaultToday = false;
        assaultOverrideSector = -1;
        ResetCommand();
        ResetDefenders();
        ResetOrders();
    }

    /// <summary>The current state hash (a word-wise FNV-style hash over every field that shapes the future, by subsystem).</summary>
    public ulong StateHash => ComputeHash();

    /// <summary>Men of contingent <paramref name="index"/> (definition order), accounted for.</summary>
    public ContingentLedger Ledger(int index) =>
        new(arrived[index], present[index], killed[index], wounded[index], deserted[index], captured[index]);

    public int Morale(int contingent) => morale[contingent];

    public int Hulls(int flotilla) => hulls[flotilla];

    public int OuterIntegrity(int sector) => outerIntegrity[sector];

    public int InnerIntegrity(int sector) => innerIntegrity[sector];

    public int Engines(int park) => engines[park];

    public int PersiansLanded => persiansLanded;

    /// <summary>Warships on station on a water zone (zone index).</summary>
    public int PatrolHulls(int zone) => patrolHulls[zone];

    /// <summary>Men of the host fed for this many more days at today's numbers.</summary>
    public int HostFoodDays => FoodDaysLeft();


    public bool CombinedAttackFailed => combinedAttackFailed;

    /// <summary>Persians ferried across and still alive on the European shore (at diplomacy.landing-zone).</summary>
    public int PersiansAshore => persianLandedAlive;

    /// <summary>Boat crews of today's combined attack who got ashore and fight at the target sector.</summary>
    public int BoatCrewAshore => landedCrew;

    /// <summary>Whether an engine park has been built and stands ready.</summary>
    public bool EngineReady(int park) => enginesReady[park];

    public SiegeSummary Summary
    {
        get
        {
            int roman = 0, host = 0, persian = 0;
            for (var i = 0; i < present.Length; i++)
            {
                var lost = killed[i] + wounded[i] + deserted[i] + captured[i];
                switch (Definition.Contingents[i].Side)
                {
                    case Side.Roman: roman += lost; break;
                    case Side.Avar: host += lost; break;
                    default: persian += lost; break;
                }
            }

            var mainDay = Definition.Command.Withdrawal.MainArmyDay;
            var closeDays = Math.Max(0, Now.Day - mainDay);
            return new SiegeSummary(
                outcome,
                horizonReached && outcome == Outcome.Undecided ? EndCause.Horizon : endCause,
                Now,
                closeDays,
                persiansLanded,
                assaultAttackerLosses,
                assaultDefenderLosses,
                canoesLaunched,
                canoesLost,
                enginesLost,
                towersBurned,
                roman,
                host,
                persian,
                minWallIntegrity / 10,
                envoysResolved == 2,
                signalLearned,
                ComputeHash())
            {
                Factors = outcome == Outcome.Lifted ? factors : WithdrawalFactors.None,
                ShortfallManDays = shortfallTotal,
                WarshipsDamaged = warshipsDamaged,
                HostDeserted = HostDeserted(),
            };
        }
    }

    private int HostDeserted() => (int)SumOf(Index.Host, deserted);

    /// <summary>The khagan's prospects as he last weighed them (Ratio raw; 1 before he first judges).</summary>
    public int KhaganProspects => prospect;

    /// <summary>Men on (or behind) the wall sector now.</summary>
    public int DefendersAt(int sector) => defendersAt[sector];

    /// <summary>Attackers holding a stretch of the sector's wall now (0 when none).</summary>
    public int LodgementAt(int sector) => lodgementMen[sector];

    /// <summary>The defenders' strength-weighted morale (Ratio raw).</summary>
    public int CityMorale => DefenderMorale();

    /// <summary>Men of the besieging host present (not allies across the water).</summary>
    public int HostPresent => HostMen();

    /// <summary>Share (Ratio raw) of the assault troops who would still go forward.</summary>
    public int HostWillingShare => HostWill();

    /// <summary>The wall sector stormed now, or -1 when no assault is running.</summary>
    public int AssaultSector => runningAssault >= 0 ? (assaultOverrideSector >= 0 ? assaultOverrideSector : assaultSectorToday) : -1;

    /// <summary>Whether the khagan's envoys have been sent, and whether the defenders know the signal.</summary>
    public bool EnvoysSent => envoysSent;

    public bool SignalLearned => signalLearned;

    /// <summary>Whether the engines are being built (or stand ready).</summary>
    public bool EnginesBegun => engineBuildStartHour >= 0;

    /// <summary>The sector the defenders man as the threatened one, and whether an order (not the doctrine) chose it.</summary>
    public int ThreatSector => threatenedSector;

    public bool ThreatByOrder => reinforceOrdered >= 0;

    /// <summary>City food left, in days.</summary>
    public int CityFoodDays => cityFoodRaw / Numerics.Ratio.Scale;

    /// <summary>Men before a sector's wall who can be sortied against: engines and ready towers there.</summary>
    public int EnginesBefore(int sector) => AttackerEnginesAt(sector) + ReadyTowers(sector);

    /// <summary>The outcome so far (Undecided while the siege goes on).</summary>
    public Outcome Outcome => outcome;


    private ulong ComputeHash()
    {
        Span<ulong> parts = stackalloc ulong[SubsystemCount];
        for (var s = 0; s < SubsystemCount; s++)
        {
            parts[s] = SubsystemHash((Subsystem)s);
        }

        return Combine(parts);
    }

    private ulong Combine(ReadOnlySpan<ulong> parts)
    {
        var h = new StateHasher();
        h.Add(Now.Hours);
        foreach (var p in parts)
        {
            h.Add((long)p);
        }

        return h.Value;
    }

    /// <summary>The hash of one subsystem's state: a replay that diverges names the first one that differs.</summary>
    public ulong SubsystemHash(Subsystem subsystem)
    {
        var h = new StateHasher();
        switch (subsystem)
        {
            case Subsystem.Forces:
                for (var i = 0; i < present.Length; i++)
                {
                    h.Add(present[i]);
                    h.Add(killed[i]);
                    h.Add(wounded[i]);
                    h.Add(deserted[i]);
                    h.Add(captured[i]);
                    h.Add(morale[i]);
                    h.Add(Index.ContingentZone[i]); // where it stands: fixed by the definition until movement is modelled
                }

                h.Add(persianLandedAlive);
                h.Add(landedCrew);
                h.Add(attackerFatigue);
                for (var i = 0; i < defenderFatigue.Length; i++)
                {
                    h.Add(defenderFatigue[i]);
                    h.Add(defendersAt[i]);
                }

                break;
            case Subsystem.Walls:
                for (var i = 0; i < engines.Length; i++)
                {
                    h.Add(engines[i]);
                    h.Add(enginesReady[i] ? 1 : 0);
                }

                for (var i = 0; i < outerIntegrity.Length; i++)
                {
                    h.Add(outerIntegrity[i]);
                    h.Add(innerIntegrity[i]);
                    h.Add(lodgementHours[i]);
                    h.Add(lodgementMen[i]);
                }

                h.Add(engineBuildStartHour);
                break;
            case Subsystem.Naval:
                for (var i = 0; i < hulls.Length; i++)
                {
                    h.Add(hulls[i]);
                }

                for (var i = 0; i < patrolHulls.Length; i++)
                {
                    h.Add(patrolHulls[i]);
                }

                h.Add(canoesLost);
                h.Add(warshipsDamaged);
                h.Add((int)wind);
                break;
            case Subsystem.Supply:
                h.Add(foragePool);
                h.Add(campStore);
                h.Add(daysStarving);
                h.Add(shortfallTotal);
                for (var i = 0; i < food.Length; i++)
                {
                    h.Add(food[i]);
                }

                h.Add(cityFoodRaw);
                h.Add(cisternRaw);
                break;
            default:
                h.Add((int)outcome);
                h.Add(persiansLanded);
                h.Add(signalLearned ? 1 : 0);
                h.Add(envoysResolved);
                h.Add(combinedAttackFailed ? 1 : 0);
                h.Add(Events.Count);
                h.Add(hostAssembledDay);
                h.Add(failedAssaultsInRow);
                h.Add(unwillingDawns);
                h.Add(prospect);
                h.Add(lastProcessionDay);
                h.Add(reinforceOrdered);
                h.Add(sortieOrderDay);
                h.Add(sortieOrderSector);
                h.Add(sortieOrderMen);
                h.Add(trapOrder);
                h.Add(answerOrder);
                h.Add(spareOrder);
                h.Add(boatsOrderedDay);
                h.Add(assaultOrderedDay);
                h.Add(lastCardDay);
                h.Add(lastDawnWalls);
                h.Add(wallsStalled ? 1 : 0);
                for (var k = 0; k < intentionDoneDay.Length; k++)
                {
                    h.Add(intentionDoneDay[k]);
                    h.Add(intentionFailures[k]);
                    h.Add(intentionAbandoned[k] ? 1 : 0);
                }

                break;
        }

        return h.Value;
    }

    /// <summary>Subsystem hashes at the end of each simulated day: [day * SubsystemCount + subsystem].</summary>
    public ReadOnlySpan<ulong> DailySubsystemHashes => dailySubsystemHashes.AsSpan(0, dailyHashCount * SubsystemCount);

    public const int SubsystemCount = 5;
}

/// <summary>
/// A word-at-a-time FNV-style hash over integers (xor, multiply by the 64-bit FNV prime, fold the high bits down):
/// small, frozen and the same on every machine.
/// </summary>
internal struct StateHasher
{
    private const ulong Prime = 0x0000_0100_0000_01B3UL;

    public StateHasher() => Value = 0xCBF2_9CE4_8422_2325UL;

    public ulong Value { get; private set; }

    public void Add(long v)
    {
        var x = (Value ^ (ulong)v) * Prime;
        Value = x ^ (x >> 29);
    }
}
