using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Weather;

namespace Bosporos.Kernel;

// Orders from outside the doctrines: a player, a look-ahead AI or a script. Every order is checked against the
// state of the hour first (side, time, target, value, whether it is possible now); a refused order changes nothing.
// A standing order replaces the doctrine's choice of that kind until the same kind is given again. Each order
// applied is told in the event log with who gave it.
public sealed partial class Simulation
{
    private int reinforceOrdered; // sector held as the threatened one by order, -1 for the doctrine's judgement
    private int sortieOrderDay; // the day at whose sortie hour the ordered sortie goes out, -1 for none
    private int sortieOrderSector; // -1: no sortie that night
    private int sortieOrderMen;
    private sbyte trapOrder; // -1 doctrine, 0 no trap, 1 trap
    private sbyte answerOrder; // -1 doctrine, 0 refuse, 1 treat
    private sbyte spareOrder; // -1 doctrine, 0 execute, 1 spare
    private int boatsOrderedDay; // the day the khagan ordered the attack by land and water, -1 for none
    private int assaultOrderedDay; // the day the khagan ordered an assault, -1 for none

    private void ResetOrders()
    {
        reinforceOrdered = -1;
        sortieOrderDay = -1;
        sortieOrderSector = -1;
        sortieOrderMen = 0;
        trapOrder = -1;
        answerOrder = -1;
        spareOrder = -1;
        boatsOrderedDay = -1;
        assaultOrderedDay = -1;
    }

    /// <summary>Whether <paramref name="order"/> may be given now, and if not why. Stepping with a refused order changes nothing.</summary>
    public OrderRefusal Check(in Order order)
    {
        if (IsOver)
        {
            return OrderRefusal.SiegeOver;
        }

        if (order.Time != Now)
        {
            return OrderRefusal.NotThisHour;
        }

        var side = SideOf(order.Kind);
        if (side is null)
        {
            return OrderRefusal.UnknownKind;
        }

        if (order.Side != side.Value)
        {
            return OrderRefusal.WrongSide;
        }

        if (order.Value < 0)
        {
            return OrderRefusal.BadValue;
        }

        return order.Kind switch
        {
            OrderKind.Assault => LandSectorOf(order.Target) < 0 ? OrderRefusal.UnknownTarget
                : withdrawOrdered || (runningAssault >= 0 && assaultSectorToday == LandSectorOf(order.Target)) ? OrderRefusal.NotPossibleNow
                : OrderRefusal.None,
            OrderKind.HoldAssault => OrderRefusal.None,
            OrderKind.Withdraw => OrderRefusal.None,
            OrderKind.Procession => processionUntilHour >= 0 || lastProcessionDay == Now.Day ? OrderRefusal.NotPossibleNow : OrderRefusal.None,
            OrderKind.Patrol => order.Target < 0 || order.Target >= patrolHulls.Length ? OrderRefusal.UnknownTarget
                : order.Value > RomanWarships() ? OrderRefusal.BadValue
                : OrderRefusal.None,
            OrderKind.Reinforce => order.Target == -1 ? OrderRefusal.None
                : SectorOf(order.Target) < 0 ? OrderRefusal.UnknownTarget
                : OrderRefusal.None,
            OrderKind.Sortie => CheckSortie(order),
            OrderKind.SetTrap or OrderKind.AnswerEnvoys or OrderKind.SpareSurvivors => order.Value > 1 ? OrderRefusal.BadValue : OrderRefusal.None,
            OrderKind.LaunchBoats => CombinedIntention() < 0 || boatsOrderedDay == BoatsDay() || !BoatsAfloatForAttack() || (BoatsDay() == Now.Day && (runningAssault >= 0 || wind == Wind.Gale))
                ? OrderRefusal.NotPossibleNow
                : OrderRefusal.None,
            OrderKind.SendEnvoys => envoysSent || Index.EnvoyRoute.Length == 0 ? OrderRefusal.NotPossibleNow : OrderRefusal.None,
            OrderKind.DemandSurrender => OrderRefusal.None,
            OrderKind.BuildEngines => engineBuildStartHour >= 0 || Index.AttackerParks.Length == 0 ? OrderRefusal.NotPossibleNow : OrderRefusal.None,
            _ => OrderRefusal.UnknownKind,
        };
    }

    /// <summary>The side that gives orders of this kind, or null for a kind the kernel does not know.</summary>
    public static Side? SideOf(OrderKind kind) => kind switch
    {
        OrderKind.Assault or OrderKind.HoldAssault or OrderKind.Withdraw or OrderKind.LaunchBoats or OrderKind.SendEnvoys
            or OrderKind.DemandSurrender or OrderKind.SpareSurvivors or OrderKind.BuildEngines => Side.Avar,
        OrderKind.Procession or OrderKind.Patrol or OrderKind.Reinforce or OrderKind.Sortie or OrderKind.SetTrap
            or OrderKind.AnswerEnvoys => Side.Roman,
        _ => null,
    };

    private OrderRefusal CheckSortie(in Order order)
    {
        if (order.Value == 0)
        {
            return OrderRefusal.None;
        }

        var sector = SectorOf(order.Target);
        if (sector < 0)
        {
            return OrderRefusal.UnknownTarget;
        }

        var party = Index.WallByQuality.Length > 0 ? Index.WallByQuality[0] : -1;
        if (party < 0 || order.Value > present[party])
        {
            return OrderRefusal.BadValue;
        }

        return AttackerEnginesAt(sector) + ReadyTowers(sector) > 0 ? OrderRefusal.None : OrderRefusal.NotPossibleNow;
    }

    private int SectorOf(int zone) => zone >= 0 && zone < Index.SectorOfZone.Length ? Index.SectorOfZone[zone] : -1;

    private int LandSectorOf(int zone)
    {
        var s = SectorOf(zone);
        return s >= 0 && !Index.IsSeaWall[s] ? s : -1;
    }

    /// <summary>Hulls of every Roman flotilla present: the most warships the defenders can put on station.</summary>
    private int RomanWarships()
    {
        var total = 0;
        for (var f = 0; f < hulls.Length; f++)
        {
            if (Definition.Flotillas[f].Side == Side.Roman)
            {
                total += hulls[f];
            }
        }

        return total;
    }

    /// <summary>The khagan's intention for the attack by land and water, or -1 when he has none.</summary>
    private int CombinedIntention()
    {
        var steps = Definition.Command.Khagan;
        for (var k = 0; k < steps.Length; k++)
        {
            if (steps[k].Action == PlanAction.CombinedAttack && !intentionAbandoned[k])
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The day an attack by land and water ordered now would go in: today before its hour, else tomorrow.</summary>
    private int BoatsDay()
    {
        var k = CombinedIntention();
        return k >= 0 && Now.HourOfDay < Definition.Command.Khagan[k].StartHour ? Now.Day : Now.Day + 1;
    }

    private bool BoatsAfloatForAttack()
    {
        var k = CombinedIntention();
        return k >= 0 && Index.PlanFlotilla[k] >= 0 && hulls[Index.PlanFlotilla[k]] > 0;
    }

    private void ApplyOrders(ReadOnlySpan<Order> orders)
    {
        foreach (var order in orders)
        {
            if (outcome != Outcome.Undecided || Check(order) != OrderRefusal.None)
            {
                continue;
            }

            Emit(EventKind.OrderGiven, order.Target, v1: (int)order.Kind, v2: order.Value, v3: (int)order.Source);
            Apply(order);
        }
    }

    private void Apply(in Order order)
    {
        switch (order.Kind)
        {
            case OrderKind.Assault:
                OrderAssault(LandSectorOf(order.Target));
                break;
            case OrderKind.HoldAssault:
                holdAssaultToday = true;
                break;
            case OrderKind.Withdraw:
                withdrawOrdered = true;
                break;
            case OrderKind.Procession:
                HoldProcession(Now.Day);
                break;
            case OrderKind.Patrol:
                // Ships come from the fleet: never more on station in all zones together than the fleet has.
                var elsewhere = 0;
                for (var z = 0; z < patrolHulls.Length; z++)
                {
                    elsewhere += z == order.Target ? 0 : patrolHulls[z];
                }

                patrolHulls[order.Target] = Math.Min(order.Value, Math.Max(0, RomanWarships() - elsewhere));
                break;
            case OrderKind.Reinforce:
                reinforceOrdered = order.Target < 0 ? -1 : SectorOf(order.Target);
                if (runningAssault < 0 && processionUntilHour < 0)
                {
                    threatenedSector = reinforceOrdered >= 0 ? reinforceOrdered : ThreatenedSector();
                    AllotDefenders(threatenedSector);
                }

                break;
            case OrderKind.Sortie:
                // Ordered by day or before the sortie hour: it goes out at the next night's sortie hour.
                sortieOrderDay = Now.HourOfDay < SortieHour ? Now.Day : Now.Day + 1;
                sortieOrderSector = order.Value == 0 ? -1 : SectorOf(order.Target);
                sortieOrderMen = order.Value;
                break;
            case OrderKind.SetTrap:
                trapOrder = (sbyte)order.Value;
                break;
            case OrderKind.AnswerEnvoys:
                answerOrder = (sbyte)order.Value;
                break;
            case OrderKind.SpareSurvivors:
                spareOrder = (sbyte)order.Value;
                break;
            case OrderKind.LaunchBoats:
                boatsOrderedDay = BoatsDay();
                if (boatsOrderedDay == Now.Day)
                {
                    holdAssaultToday = false;
                    if (Now.HourOfDay >= DawnHour)
                    {
                        todaysAssault = CombinedIntention();
                    }
                }

                break;
            case OrderKind.SendEnvoys:
                SendEnvoys(Now.HourOfDay);
                break;
            case OrderKind.DemandSurrender:
                ReceiveEmbassy();
                break;
            case OrderKind.BuildEngines:
                engineBuildStartHour = Now.Hours;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// The khagan orders an assault on a sector: if today's assault is running it turns there; otherwise one begins
    /// now with the first general-assault intention's window (or the hours left of the day when it has none).
    /// </summary>
    private void OrderAssault(int sector)
    {
        assaultOverrideSector = sector;
        assaultOrderedDay = Now.Day;
        holdAssaultToday = false;
        if (runningAssault >= 0)
        {
            return;
        }

        var k = FirstGeneralAssault();
        if (k < 0)
        {
            return;
        }

        todaysAssault = k;
        var step = Definition.Command.Khagan[k];
        if (Now.HourOfDay >= step.StartHour && Now.HourOfDay < step.EndHour - 1)
        {
            BeginAssault(k, Now.Day);
        }
    }

    /// <summary>The defenders' answer to a demand, by order when one stands, else by their hearts.</summary>
    private bool TreatByOrder(out bool treat)
    {
        treat = answerOrder == 1;
        return answerOrder >= 0;
    }
}
