using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Weather;

namespace Bosporos.Kernel;

// The khagan's doctrine. His intentions are conditions on the state, not dates: each is weighed at its hour of the
// day (dawn for assaults, night for boats) and acted on when its conditions hold. Each dawn, once his whole host has
// come up, he weighs his prospects (walls, water, engines, the host's will, food) and leaves when the aim is clearly
// lost, when the host will not fight, or when it is starving. Orders from a player override him the same way.
public sealed partial class Simulation
{
    private int[] intentionSince = [];
    private int[] intentionDoneDay = [];
    private int[] intentionFailures = [];
    private bool[] intentionAbandoned = [];
    private int hostAssembledDay;
    private int failedAssaultsInRow;
    private int todaysAssault; // intention chosen at dawn for today's assault, -1 for none
    private int runningAssault; // intention whose assault window is open, -1 for none
    private int assaultStartHour; // hour of the day the running assault began
    private int assaultSectorToday = -1;
    private int lastLodgementDay;
    private int lastAssaultSector;
    private int prospect; // the khagan's last weighed prospects (Ratio raw)
    private WithdrawalFactors factors;
    private bool boatsMassacred;
    private int unwillingDawns;
    private int lastCardDay; // the day he threw in the held-back boat attack rather than give up, -1 if not yet
    private int lastDawnWalls; // the walls' wear toward a breach at the last dawn the engines stood ready (Ratio raw), -1 before
    private bool wallsStalled; // at this dawn the engines' gain on the repairs since the dawn before would not breach the walls while his food lasts
    private int engineCountAtStart;
    private int boatsAtStart;

    /// <summary>Whether at his last dawn the engines' gain on the repairs would not breach the walls while his food lasts.</summary>
    internal bool WallsStalled => wallsStalled;

    private void ResetCommand()
    {
        var n = Definition.Command.Khagan.Length;
        if (intentionSince.Length != n)
        {
            intentionSince = new int[n];
            intentionDoneDay = new int[n];
            intentionFailures = new int[n];
            intentionAbandoned = new bool[n];
        }

        Array.Fill(intentionSince, -1);
        Array.Fill(intentionDoneDay, -1);
        Array.Clear(intentionFailures);
        Array.Clear(intentionAbandoned);
        hostAssembledDay = -1;
        failedAssaultsInRow = 0;
        todaysAssault = -1;
        runningAssault = -1;
        assaultStartHour = 0;
        lastLodgementDay = -100;
        lastAssaultSector = -1;
        prospect = Ratio.Scale;
        factors = WithdrawalFactors.None;
        boatsMassacred = false;
        unwillingDawns = 0;
        lastCardDay = -1;
        lastDawnWalls = -1;
        wallsStalled = false;
        engineCountAtStart = 0;
        foreach (var p in Index.AttackerParks)
        {
            engineCountAtStart += Definition.Engines[p].Count;
        }

        boatsAtStart = 0;
    }

    /// <summary>Dawn: is the host all here; does the khagan go on at all; which assault, if any, does he order today.</summary>
    private void KhaganDawn(int day)
    {
        if (hostAssembledDay < 0 && HostAssembled())
        {
            hostAssembledDay = day;
        }

        if (hostAssembledDay >= 0 && day > hostAssembledDay)
        {
            JudgeProspects();
            if (outcome != Outcome.Undecided)
            {
                return;
            }
        }

        todaysAssault = -1;
        var steps = Definition.Command.Khagan;
        for (var k = steps.Length - 1; k >= 0; k--)
        {
            if (steps[k].Action is PlanAction.GeneralAssault or PlanAction.CombinedAttack && Ready(k, day))
            {
                todaysAssault = k;
                break;
            }
        }

        if (todaysAssault < 0 && assaultOrderedDay == day)
        {
            todaysAssault = FirstGeneralAssault();
        }
    }

    private int FirstGeneralAssault()
    {
        var steps = Definition.Command.Khagan;
        for (var k = 0; k < steps.Length; k++)
        {
            if (steps[k].Action == PlanAction.GeneralAssault)
            {
                return k;
            }
        }

        return -1;
    }

    private bool HostAssembled()
    {
        foreach (var i in Index.Assault)
        {
            if (Definition.Contingents[i].ArrivalDay > Now.Day)
            {
                return false;
            }
        }

        return Index.Assault.Length > 0;
    }

    private bool Condition(IntentionCondition c) => c switch
    {
        IntentionCondition.HostAssembled => hostAssembledDay >= 0,
        IntentionCondition.EnginesReady => AttackerEnginesReady(),
        IntentionCondition.SignalAgreed => envoysSent,
        IntentionCondition.AlliesAgreed => envoysResolved == 1,
        _ => true,
    };

    private bool AttackerEnginesReady()
    {
        if (engineBuildStartHour < 0)
        {
            return false;
        }

        foreach (var p in Index.AttackerParks)
        {
            if (!enginesReady[p])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether intention <paramref name="k"/> may be acted on today (its conditions, waits, failures, the wind).</summary>
    private bool Ready(int k, int day)
    {
        var it = Definition.Command.Khagan[k];
        if (intentionAbandoned[k] || (it.Repeat ? intentionDoneDay[k] == day : intentionDoneDay[k] >= 0))
        {
            return false;
        }

        var ordered = it.Action == PlanAction.CombinedAttack && (boatsOrderedDay == day || lastCardDay == day);
        if (!ordered && !Condition(it.When))
        {
            return false;
        }

        if (intentionSince[k] < 0)
        {
            intentionSince[k] = day;
        }

        if (!ordered && (day - intentionSince[k] < it.DaysAfter || failedAssaultsInRow < it.AfterFailedAssaults
            || (it.WallsWorn.Raw > 0 && WallsProspect() < it.WallsWorn.Raw) || (it.AfterWallsStall && !wallsStalled)))
        {
            return false;
        }

        if (IsBoatAction(it) && wind == Wind.Gale)
        {
            return false;
        }

        return it.Action is not (PlanAction.GeneralAssault or PlanAction.CombinedAttack) || !holdAssaultToday;
    }

    private static bool IsBoatAction(IntentionDefinition it) =>
        it.Action is PlanAction.FerryPersians or PlanAction.CombinedAttack or PlanAction.LaunchCanoes;

    /// <summary>The hour's work of the khagan: intentions that start now are decided, and today's assault is fought.</summary>
    private void RunKhaganPlan(int day, int hour)
    {
        var steps = Definition.Command.Khagan;
        var starting = Index.IntentionsAt[hour];
        for (var j = 0; j < starting.Length && outcome == Outcome.Undecided; j++)
        {
            var k = starting[j];
            var step = steps[k];
            if (step.Action is PlanAction.GeneralAssault or PlanAction.CombinedAttack)
            {
                if (k == todaysAssault && runningAssault < 0 && (Ready(k, day) || (assaultOrderedDay == day && !holdAssaultToday)))
                {
                    BeginAssault(k, day);
                }

                continue;
            }

            if (!Ready(k, day))
            {
                if (IsBoatAction(step) && wind == Wind.Gale && Condition(step.When) && !intentionAbandoned[k])
                {
                    Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.WaitForWeather, v2: k);
                }

                continue;
            }

            intentionDoneDay[k] = day;
            Act(k, step, hour);
        }

        if (runningAssault >= 0 && outcome == Outcome.Undecided)
        {
            FightAssaultHour(runningAssault, hour);
        }
    }

    private void Act(int k, IntentionDefinition step, int hour)
    {
        switch (step.Action)
        {
            case PlanAction.CutAqueduct when !aqueductCut:
                aqueductCut = true;
                Emit(EventKind.AqueductCut, Index.AqueductZone);
                break;
            case PlanAction.ShowOfForce:
                Emit(EventKind.ShowOfForce, Index.SectorZone.Length > 0 ? Index.SectorZone[0] : -1, v1: HostMen());
                break;
            case PlanAction.BuildEngines when engineBuildStartHour < 0:
                engineBuildStartHour = Now.Hours;
                break;
            case PlanAction.LaunchCanoes when Index.PlanFlotilla[k] >= 0:
                Emit(EventKind.CanoesLaunched, Index.Zone(Definition.Flotillas[Index.PlanFlotilla[k]].Station), Index.PlanFlotilla[k], v1: hulls[Index.PlanFlotilla[k]], v2: 0);
                break;
            case PlanAction.Embassy:
                ReceiveEmbassy();
                break;
            case PlanAction.SendEnvoys when !envoysSent:
                SendEnvoys(hour);
                break;
            case PlanAction.FerryPersians when Index.PlanFlotilla[k] >= 0:
                Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.FetchAllies, v2: k);
                if (!FerryPersians(k, hour))
                {
                    Failed(k);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// One more failure of a repeated intention; past its limit (and with no breach to hope for) he gives it up. A
    /// well-fed host keeps storming the walls longer: for land assaults the limit grows by itself for each food
    /// horizon's worth of food in reach. Boats lost are not replaced, so boat attacks keep their written limit.
    /// </summary>
    private void Failed(int k)
    {
        var it = Definition.Command.Khagan[k];
        intentionFailures[k]++;
        var patience = it.AbandonAfterFailures;
        if (it.Action == PlanAction.GeneralAssault)
        {
            patience += (int)((long)it.AbandonAfterFailures * FoodAbundance() / Ratio.Scale);
        }

        if (it.AbandonAfterFailures > 0 && intentionFailures[k] >= patience && BestBreach() < 0)
        {
            intentionAbandoned[k] = true;
            Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.Abandon, v2: intentionFailures[k], v3: k);
        }
    }

    private void BeginAssault(int k, int day)
    {
        var step = Definition.Command.Khagan[k];
        if (AttackersAvailable(step.Action == PlanAction.CombinedAttack) == 0)
        {
            Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.HostUnwilling, v2: k);
            return;
        }

        intentionDoneDay[k] = day;
        runningAssault = k;
        assaultStartHour = Now.HourOfDay;
        var sector = AssaultTarget(k, out var switched);
        assaultSectorToday = sector;
        if (step.Action == PlanAction.CombinedAttack)
        {
            Emit(EventKind.KhaganDecided, Index.SectorZone[sector], v1: (int)KhaganDecision.CombinedAttack, v2: WallsProspect() / 10, v3: k);
        }
        else if (switched)
        {
            Emit(EventKind.KhaganDecided, Index.SectorZone[sector], v1: (int)KhaganDecision.AssaultBreach, v2: StandingIntegrity(sector) / 10, v3: k);
        }
        else
        {
            Emit(EventKind.KhaganDecided, Index.SectorZone[sector], v1: (int)KhaganDecision.Assault, v2: failedAssaultsInRow, v3: k);
        }
    }

    private void FightAssaultHour(int k, int hour)
    {
        var step = Definition.Command.Khagan[k];
        var sector = assaultOverrideSector >= 0 ? assaultOverrideSector : assaultSectorToday;
        var last = hour == step.EndHour - 1 || hour == 23;
        if (step.Action == PlanAction.CombinedAttack)
        {
            CombinedAttackHour(k, step, sector, hour, last);
        }
        else
        {
            Assault(sector, hour == assaultStartHour, last, combined: false);
        }

        if (!last || outcome != Outcome.Undecided)
        {
            return;
        }

        // The day's verdict: a stretch of wall won today counts as success, anything else as a failure.
        runningAssault = -1;
        lastAssaultSector = sector;
        if (lastLodgementDay == Now.Day)
        {
            failedAssaultsInRow = 0;
            intentionFailures[k] = 0;
        }
        else
        {
            failedAssaultsInRow++;
            Failed(k);
        }
    }

    /// <summary>
    /// Where to storm: an explicit order wins; then, for a general assault, any land sector whose wall is breached
    /// (the one where the defenders have least cover), whether or not the written intention names it; then the written target or the
    /// weakest stretch. A combined attack keeps its target, where the boats can land.
    /// </summary>
    private int AssaultTarget(int step, out bool switched)
    {
        switched = false;
        if (assaultOverrideSector >= 0)
        {
            return assaultOverrideSector;
        }

        var t = Index.PlanTarget[step];
        var written = t >= 0 ? t : WeakestLandSector();
        if (Definition.Command.Khagan[step].Action != PlanAction.GeneralAssault)
        {
            return written;
        }

        var breach = BestBreach();
        if (breach >= 0 && breach != written && Cover(breach) > Cover(written))
        {
            switched = true;
            return breach;
        }

        return written;
    }

    /// <summary>The breached land sector whose defenders have least cover (most blows reach them), or -1 when no wall is breached.</summary>
    private int BestBreach()
    {
        var best = -1;
        var bestCover = -1;
        var breach = Definition.Combat.BreachBelow.Raw;
        for (var s = 0; s < Definition.WallSectors.Length; s++)
        {
            if (Index.IsSeaWall[s] || StandingIntegrity(s) >= breach)
            {
                continue;
            }

            var c = Cover(s);
            if (c > bestCover)
            {
                bestCover = c;
                best = s;
            }
        }

        return best;
    }

    /// <summary>Integrity of the wall that stands first in the attackers' way (the outer one where there are two).</summary>
    private int StandingIntegrity(int sector)
    {
        var sec = Definition.WallSectors[sector];
        if (sec.OuterWall && outerIntegrity[sector] > 0)
        {
            return outerIntegrity[sector];
        }

        return sec.InnerWall ? innerIntegrity[sector] : (sec.OuterWall ? outerIntegrity[sector] : 0);
    }

    /// <summary>The sector where the defenders' cover times their men is least: what the khagan's scouts see.</summary>
    private int WeakestLandSector()
    {
        var best = -1;
        long bestScore = long.MaxValue;
        for (var s = 0; s < Definition.WallSectors.Length; s++)
        {
            if (Index.IsSeaWall[s])
            {
                continue;
            }

            var score = (long)Cover(s) * (defendersAt[s] + 1) / Math.Max(1, Definition.WallSectors[s].LengthMetres);
            if (score < bestScore)
            {
                bestScore = score;
                best = s;
            }
        }

        return best;
    }

    /// <summary>
    /// Whether, at the engines' last day's net gain on the repairs, the land walls would not be breached within the
    /// days his food in hand and in reach lets him stay (the food horizon times his abundance).
    /// </summary>
    private bool BreachOutOfReach(int walls, int gain)
    {
        if (gain <= 0)
        {
            return true;
        }

        var staying = (long)Definition.Command.Withdrawal.FoodHorizonDays * FoodAbundance() / Ratio.Scale;
        return (long)(Ratio.Scale - walls) > gain * staying;
    }

    private int HostMen() => (int)SumOf(Index.Host, present);

    /// <summary>The sum of one per-contingent count over a list of contingents.</summary>
    private static long SumOf(int[] contingents, int[] counts)
    {
        long n = 0;
        foreach (var i in contingents)
        {
            n += counts[i];
        }

        return n;
    }

    /// <summary>Share (Ratio raw) of the assault troops present who would still go forward.</summary>
    private int HostWill()
    {
        long men = 0, willing = 0;
        var refuse = Definition.Morale.RefuseAttackBelow.Raw;
        foreach (var i in Index.Assault)
        {
            men += present[i];
            if (morale[i] >= refuse)
            {
                willing += present[i];
            }
        }

        return men == 0 ? 0 : (int)(willing * Ratio.Scale / men);
    }

    /// <summary>
    /// The khagan's judgement at dawn. His hopes are the weighed means of taking the city, each from 0 to 1: the
    /// walls (the best breach, or a stretch won lately), the water (boats left for an attack he still means to make,
    /// or allies ashore), his engines standing, and his force (willing assault troops against the numbers he needs
    /// for the defenders present). Food decides how long he can wait: fully fed and with a host of the numbers he needs,
    /// he holds on down to hopes lower by the doctrine's patience (less with a smaller host: a small host is not worth
    /// waiting with); with nothing in hand or in reach, he goes at the give-up line. A host that will not
    /// fight breaks up after the doctrine's unwilling days (more when food lets him wait for its nerve to return: up
    /// to four times as many with food for three horizons), and a starving host must go.
    /// </summary>
    private void JudgeProspects()
    {
        var w = Definition.Command.Withdrawal;
        var walls = WallsProspect();
        wallsStalled = lastDawnWalls >= 0 && BreachOutOfReach(walls, walls - lastDawnWalls);
        lastDawnWalls = AttackerEnginesReady() ? walls : -1;
        var water = WaterProspect();
        var engineScore = EnginesProspect();
        var force = ForceProspect();
        var food = FoodProspect();
        var weights = (long)w.WeightWalls.Raw + w.WeightWater.Raw + w.WeightEngines.Raw + w.WeightForce.Raw;
        prospect = weights == 0 ? Ratio.Scale : (int)((((long)w.WeightWalls.Raw * walls) + ((long)w.WeightWater.Raw * water)
            + ((long)w.WeightEngines.Raw * engineScore) + ((long)w.WeightForce.Raw * force)) / weights);
        var resolve = w.GiveUpBelow.Raw - (int)((long)w.FoodPatience.Raw * food / Ratio.Scale * HostWeight() / Ratio.Scale);
        var will = HostWill();
        factors = CurrentFactors(walls, engineScore, will);
        unwillingDawns = will < w.WillNotFightBelow.Raw ? unwillingDawns + 1 : 0;
        if (w.StarvingDays > 0 && daysStarving >= w.StarvingDays)
        {
            Withdraw(EndCause.HostStarving);
        }
        else if (prospect < resolve && LastCardHeld())
        {
            if (wind == Wind.Gale)
            {
                // The card is still in his hand: he keeps the host together and waits for the wind to drop.
                Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.WaitForWeather, v2: CombinedIntention());
            }
            else
            {
                lastCardDay = Now.Day;
                Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.LastCard, v2: prospect / 10, v3: (int)factors);
            }
        }
        else if (prospect < resolve)
        {
            Emit(EventKind.KhaganDecided, v1: (int)KhaganDecision.JudgedLost, v2: prospect / 10, v3: (int)factors);
            Withdraw(EndCause.AimLost);
        }
        else if (unwillingDawns >= Math.Max(1, w.UnwillingDays + (int)((long)w.UnwillingDays * FoodAbundance() / Ratio.Scale)))
        {
            Withdraw(EndCause.CohesionBroken);
        }
    }

    /// <summary>
    /// Whether, judging the siege lost, the khagan still holds back an attack by land and water whose conditions (not
    /// its waits) hold: the boats afloat, the signal agreed, a host willing to go forward. He throws it in before he
    /// gives up (waiting out a gale, since starvation ends the siege first). Once only.
    /// </summary>
    private bool LastCardHeld()
    {
        var k = CombinedIntention();
        return lastCardDay < 0 && k >= 0 && intentionDoneDay[k] < 0 && BoatsAfloatForAttack()
            && Condition(Definition.Command.Khagan[k].When) && !holdAssaultToday && AttackersAvailable(true) > 0;
    }

    /// <summary>Willing assault troops (and allies ashore) against the numbers he needs for the defenders present (Ratio raw, at most 1).</summary>
    private int ForceProspect() => AgainstDefenders(AttackersAvailable(false));

    /// <summary>
    /// Every assault man he still has, willing or not, against the numbers he needs (Ratio raw, at most 1): the host
    /// worth waiting with. Food buys patience only in proportion to it.
    /// </summary>
    private int HostWeight() => AgainstDefenders(AlliesInAssault() + SumOf(Index.Assault, present));

    private int AgainstDefenders(long willing)
    {
        var defenders = SumOf(Index.Roman, present);

        var needed = Definition.Command.Withdrawal.NumbersNeeded.Of(defenders);
        return needed <= 0 ? Ratio.Scale : (int)Math.Min(Ratio.Scale, willing * Ratio.Scale / needed);
    }

    private int WallsProspect()
    {
        if (Now.Day - lastLodgementDay <= 1)
        {
            return Ratio.Scale;
        }

        var breach = Definition.Combat.BreachBelow.Raw;
        var best = 0;
        for (var s = 0; s < Definition.WallSectors.Length; s++)
        {
            if (Index.IsSeaWall[s])
            {
                continue;
            }

            var initial = Definition.WallSectors[s].Integrity.Raw;
            var span = Math.Max(1, initial - breach);
            var progress = (int)Math.Clamp((long)(initial - StandingIntegrity(s)) * Ratio.Scale / span, 0, Ratio.Scale);
            best = Math.Max(best, progress);
        }

        return best;
    }

    private int WaterProspect()
    {
        var join = Math.Max(1, Definition.Command.Allies.JoinAssaultWhenAshore);
        var allies = (int)Math.Min(Ratio.Scale, (long)persianLandedAlive * Ratio.Scale / join);
        if (boatsAtStart == 0)
        {
            return allies;
        }

        long afloat = 0;
        var steps = Definition.Command.Khagan;
        foreach (var f in Index.AttackerBoats)
        {
            for (var k = 0; k < steps.Length; k++)
            {
                if (Index.PlanFlotilla[k] == f && !intentionAbandoned[k] && steps[k].Action is PlanAction.CombinedAttack or PlanAction.FerryPersians)
                {
                    afloat += hulls[f];
                    break;
                }
            }
        }

        var boats = (int)Math.Min(Ratio.Scale, afloat * Ratio.Scale / boatsAtStart);
        return Math.Max(boats, allies);
    }

    private int EnginesProspect()
    {
        if (engineCountAtStart == 0)
        {
            return 0;
        }

        long standing = 0;
        foreach (var p in Index.AttackerParks)
        {
            standing += engines[p];
        }

        return (int)(standing * Ratio.Scale / engineCountAtStart);
    }

    /// <summary>
    /// Food in hand and in reach against his food horizon, as patience (Ratio raw): one for one up to a horizon's food,
    /// then with diminishing returns (2a / (1 + a): 4/3 for two horizons, 3/2 for three), so that more food always
    /// buys more patience but never without end.
    /// </summary>
    private int FoodProspect()
    {
        var a = FoodInReach();
        return a <= Ratio.Scale ? (int)a : (int)(2 * a * Ratio.Scale / (Ratio.Scale + a));
    }

    /// <summary>
    /// Food in hand and in reach against his food horizon (Ratio raw, up to 3): how many times over he can wait out
    /// his horizon. His patience with failures and with an unwilling host grows with it.
    /// </summary>
    private int FoodAbundance() => (int)Math.Min(3L * Ratio.Scale, FoodInReach());

    /// <summary>Food in hand and in reach against his food horizon (Ratio raw, uncapped).</summary>
    private long FoodInReach()
    {
        var men = HostMen();
        var horizon = Definition.Command.Withdrawal.FoodHorizonDays;
        if (men == 0 || horizon <= 0)
        {
            return Ratio.Scale;
        }

        var inReach = HostFoodInHand() + (ExpectedForage() * horizon);
        return inReach * Ratio.Scale / ((long)men * horizon);
    }

    private WithdrawalFactors CurrentFactors(int walls, int engineScore, int will)
    {
        var f = WithdrawalFactors.None;
        if (boatsMassacred)
        {
            f |= WithdrawalFactors.CanoesMassacred;
        }

        long host = 0, hostDeserted = 0, hostLost = 0;
        foreach (var i in Index.Host)
        {
            host += arrived[i];
            hostDeserted += deserted[i];
            hostLost += killed[i] + wounded[i] + captured[i];
        }

        if (will < Ratio.Scale * 3 / 4 || (host > 0 && hostDeserted * 20 >= host))
        {
            f |= WithdrawalFactors.HostBrokeUp;
        }

        if (failedAssaultsInRow >= 2)
        {
            f |= WithdrawalFactors.AssaultsFailed;
        }

        if (engineCountAtStart > 0 && engineScore <= Ratio.Scale / 2)
        {
            f |= WithdrawalFactors.EnginesLost;
        }

        if (Index.Persian >= 0 && persianLandedAlive == 0)
        {
            f |= WithdrawalFactors.AlliesNotAcross;
        }

        if (Now.Day - lastHungryDay <= 3)
        {
            f |= WithdrawalFactors.Hunger;
        }

        if (walls < Ratio.Scale && BestBreach() < 0)
        {
            f |= WithdrawalFactors.WallsIntact;
        }

        if (host > 0 && hostLost * 6 >= host)
        {
            f |= WithdrawalFactors.HeavyLosses;
        }

        return f;
    }

    private void Withdraw(EndCause cause)
    {
        factors = CurrentFactors(WallsProspect(), EnginesProspect(), HostWill());
        var burned = 0;
        foreach (var p in Index.AttackerParks)
        {
            burned += engines[p];
            engines[p] = 0;
        }

        runningAssault = -1;
        outcome = Outcome.Lifted;
        endCause = cause;
        Emit(EventKind.KhaganWithdrew, v1: (int)cause, v2: prospect / 10, v3: (int)factors);
        Emit(EventKind.SiegeLifted, v1: burned);
        Thanksgiving();
    }

    /// <summary>The defenders open talks when their strength-weighted morale falls below the threshold. True if they did.</summary>
    private bool CheckNegotiation()
    {
        var mean = DefenderMorale();
        if (mean >= Definition.Morale.NegotiateBelow.Raw)
        {
            return false;
        }

        OpenTalks(mean);
        return true;
    }

    private void OpenTalks(int mean)
    {
        outcome = Outcome.Negotiated;
        endCause = EndCause.DefendersNegotiated;
        Emit(EventKind.CityNegotiated, v1: mean / 10);
    }

    /// <summary>Strength-weighted morale of the defenders (Ratio raw).</summary>
    private int DefenderMorale()
    {
        long men = 0, m = 0;
        foreach (var i in Index.Roman)
        {
            men += present[i];
            m += (long)present[i] * morale[i];
        }

        return men == 0 ? 0 : (int)(m / men);
    }
}
