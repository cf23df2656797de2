using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// The khagan follows his written plan step by step; the mechanisms decide what comes of each step. He adapts:
// an explicit order overrides the plan, 'weakest' targets the thinnest stretch, and he withdraws when his host
// starves, breaks up, or his plan is spent.
public sealed partial class Simulation
{
    private void RunKhaganPlan(int day, int hour)
    {
        var steps = Definition.Command.Khagan;
        for (var k = 0; k < steps.Length && outcome == Outcome.Undecided; k++)
        {
            var step = steps[k];
            var last = step.ToDay ?? step.FromDay;
            if (day > last && PressOn(k, day))
            {
                // What works is done again: a crossing that landed men, a combined attack whose boats got ashore.
                last = day;
            }

            if (day < step.FromDay || day > last)
            {
                continue;
            }

            var first = day == step.FromDay && hour == step.StartHour;
            switch (step.Action)
            {
                case PlanAction.Blockade:
                    break;
                case PlanAction.CutAqueduct when first && !aqueductCut:
                    aqueductCut = true;
                    Emit(EventKind.AqueductCut, Index.SeaLane);
                    break;
                case PlanAction.ShowOfForce when first:
                    Emit(EventKind.ShowOfForce, v1: HostMen());
                    break;
                case PlanAction.BuildEngines when first && engineBuildStartHour < 0:
                    engineBuildStartHour = Now.Hours;
                    break;
                case PlanAction.GeneralAssault when InWindow(step, hour):
                    Assault(k, AssaultTarget(k), hour == step.StartHour, hour == step.EndHour - 1, combined: false);
                    break;
                case PlanAction.CombinedAttack when InWindow(step, hour):
                    CombinedAttackHour(k, step, hour);
                    break;
                case PlanAction.LaunchCanoes when first && Index.PlanFlotilla[k] >= 0:
                    Emit(EventKind.CanoesLaunched, Index.Zone(Definition.Flotillas[Index.PlanFlotilla[k]].Station), Index.PlanFlotilla[k], v1: hulls[Index.PlanFlotilla[k]], v2: 0);
                    break;
                case PlanAction.Embassy when hour == step.StartHour:
                    Emit(EventKind.EmbassyReceived);
                    break;
                case PlanAction.SendEnvoys when first && !envoysSent:
                    SendEnvoys(hour);
                    break;
                case PlanAction.FerryPersians when hour == step.StartHour && Index.PlanFlotilla[k] >= 0:
                    FerryPersians(k, hour);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The khagan's adaptation to success: he repeats, night after night or day after day, the latest ferrying or
    /// combined attack that got its boats through, for as long as his boats last.
    /// </summary>
    private bool PressOn(int step, int day)
    {
        var action = Definition.Command.Khagan[step].Action;
        if (action == PlanAction.FerryPersians)
        {
            return step == lastFerryStep && lastFerryLanded > 0 && Index.PlanFlotilla[step] >= 0 && hulls[Index.PlanFlotilla[step]] > 0;
        }

        return action == PlanAction.CombinedAttack && step == lastCombinedStep && day == combinedRepeatDay
            && Index.PlanFlotilla[step] >= 0 && hulls[Index.PlanFlotilla[step]] > 0;
    }

    private static bool InWindow(PlanStepDefinition step, int hour) =>
        step.StartHour <= step.EndHour ? hour >= step.StartHour && hour < step.EndHour : hour >= step.StartHour || hour < step.EndHour;

    /// <summary>The sector today's plan means to storm (for the defenders' allotment at dawn).</summary>
    private int PlannedTarget(int day)
    {
        if (assaultOverrideSector >= 0)
        {
            return assaultOverrideSector;
        }

        var steps = Definition.Command.Khagan;
        for (var k = 0; k < steps.Length; k++)
        {
            var s = steps[k];
            if (s.Action is PlanAction.GeneralAssault or PlanAction.CombinedAttack && day >= s.FromDay && day <= (s.ToDay ?? s.FromDay))
            {
                return AssaultTarget(k);
            }
        }

        return -1;
    }

    private int AssaultTarget(int step)
    {
        if (assaultOverrideSector >= 0)
        {
            return assaultOverrideSector;
        }

        var t = Index.PlanTarget[step];
        return t >= 0 ? t : WeakestLandSector();
    }

    /// <summary>The land sector where the defenders' cover times their men is least: what the khagan's scouts see.</summary>
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

    private int HostMen()
    {
        var men = 0;
        foreach (var i in Index.Host)
        {
            men += present[i];
        }

        return men;
    }

    /// <summary>Strength-weighted morale of the khagan's own host (Ratio raw).</summary>
    private int HostCohesion()
    {
        long men = 0, m = 0;
        foreach (var i in Index.Host)
        {
            men += present[i];
            m += (long)present[i] * morale[i];
        }

        return men == 0 ? 0 : (int)(m / men);
    }

    private void CheckWithdrawal(int day)
    {
        var w = Definition.Command.Withdrawal;
        if (day < w.MainArmyDay)
        {
            return;
        }

        var cohesion = HostCohesion();
        var foodDays = FoodDaysLeft();
        if (cohesion < w.CohesionBelow.Raw)
        {
            Withdraw(EndCause.CohesionBroken);
        }
        else if (foodDays < w.SupplyDaysBelow)
        {
            Withdraw(EndCause.HostStarving);
        }
        else if (day >= Index.LastPlanDay && day - w.MainArmyDay >= w.AfterPlanSpentDays)
        {
            Withdraw(EndCause.PlanSpent);
        }
    }

    private void Withdraw(EndCause cause)
    {
        var burned = 0;
        foreach (var p in Index.AttackerStoneThrowers)
        {
            burned += engines[p];
            engines[p] = 0;
        }

        foreach (var p in Index.AttackerTowers)
        {
            burned += engines[p];
            engines[p] = 0;
        }

        foreach (var p in Index.AttackerTortoises)
        {
            burned += engines[p];
            engines[p] = 0;
        }

        outcome = Outcome.Lifted;
        endCause = cause;
        Emit(EventKind.KhaganWithdrew, v1: (int)cause, v2: HostCohesion() / 10, v3: FoodDaysLeft());
        Emit(EventKind.SiegeLifted, v1: burned);
    }

    private void CheckNegotiation()
    {
        long men = 0, m = 0;
        foreach (var i in Index.Roman)
        {
            men += present[i];
            m += (long)present[i] * morale[i];
        }

        var mean = men == 0 ? 0 : (int)(m / men);
        if (mean < Definition.Morale.NegotiateBelow.Raw)
        {
            outcome = Outcome.Negotiated;
            endCause = EndCause.DefendersNegotiated;
            Emit(EventKind.CityNegotiated, v1: mean / 10);
        }
    }

    private void HoldProcession(int day, bool scheduledOnly)
    {
        var every = Definition.Command.Defenders.ProcessionEveryDays;
        if (scheduledOnly && (every <= 0 || day - lastProcessionDay < every))
        {
            return;
        }

        lastProcessionDay = day;
        foreach (var i in Index.Roman)
        {
            RaiseMorale(i, Definition.Morale.Procession.Raw);
        }

        Emit(EventKind.ProcessionHeld);
    }
}
