using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.War;

/// <summary>
/// The king's legitimacy and his fall, the courier with the order to kill his general, and the peace the new king
/// makes: its terms come from the state of the war when his envoy reaches the emperor.
/// </summary>
public sealed partial class WarSimulation
{
    private int legitimacy;
    private int persianDefeats;
    private int standing;
    private bool courierActive;
    private int courierLeg;
    private int courierDays;
    private int couriersSent;
    private bool shahrbarazTurned;
    private bool shahrbarazKilled;
    private bool shahrbarazEstranged;
    private int shahrbarazTurnedDay;
    private int khosrowFallDay;
    private int envoyDue;
    private int peaceDay;
    private int provincesReturned;
    private int provincesOccupied;
    private Frontier frontier;

    private void ResetPolitics()
    {
        legitimacy = Definition.Politics.Legitimacy.Raw;
        persianDefeats = 0;
        standing = Definition.Courier.Standing.Raw;
        courierActive = false;
        courierLeg = courierDays = couriersSent = 0;
        shahrbarazTurned = shahrbarazKilled = shahrbarazEstranged = false;
        shahrbarazTurnedDay = khosrowFallDay = envoyDue = peaceDay = -1;
        provincesReturned = provincesOccupied = 0;
        frontier = Frontier.None;
        siegeRunning = siegeDone = false;
        siegeOutcome = Kernel.Outcome.Undecided;
        siegeEndDay = -1;
    }

    /// <summary>The king's legitimacy now (Ratio raw).</summary>
    public int Legitimacy => legitimacy;

    public int PersianDefeats => persianDefeats;

    public bool ShahrbarazTurned => shahrbarazTurned;

    /// <summary>Shown the king's order, the general did not turn but no longer obeys the king's calls.</summary>
    public bool ShahrbarazEstranged => shahrbarazEstranged;

    private void LoseLegitimacy(int raw, WarEventKind cause)
    {
        if (raw <= 0)
        {
            return;
        }

        if (BeforeSplit)
        {
            raw = (int)FixedMath.MulDivRound(raw, Definition.Politics.EarlyCostShare.Raw, Ratio.Scale);
        }

        legitimacy = Math.Max(0, legitimacy - raw);
        Emit(WarEventKind.LegitimacyFell, v1: legitimacy, v2: raw, v3: (int)cause);
    }

    private void Courier()
    {
        var c = Definition.Courier;
        if (!courierActive && c.Send && couriersSent < c.MaxCouriers && !shahrbarazTurned && !shahrbarazKilled && khosrowFallDay < 0
            && active[shahrbaraz] && !BeforeSplit && persianDefeats - courierDefeatsBase >= c.AfterDefeats + couriersSent && c.Route.Length > 0)
        {
            courierActive = true;
            courierLeg = courierDays = 0;
            couriersSent++;
            Emit(WarEventKind.CourierSent, regionIndex[c.Route[0]], -1, shahrbaraz, v1: couriersSent, v2: persianDefeats - courierDefeatsBase);
        }

        if (!courierActive)
        {
            return;
        }

        var region = regionIndex[c.Route[courierLeg]];
        var odds = holder[region] == Power.Rome ? c.CatchOddsRoman : c.CatchOddsOther;
        if (courierDice.Chance(odds, out var roll))
        {
            courierActive = false;

            // Shown the letter, the general weighs his master's defeats against his standing at court.
            var turnOdds = (int)FixedMath.MulDivRound(
                Math.Min(Ratio.Scale, c.TurnBase.Raw + ((long)c.TurnPerDefeat.Raw * (persianDefeats - courierDefeatsBase))), Ratio.Scale - standing, Ratio.Scale);
            var turns = courierDice.Chance(new Ratio(turnOdds), out var turnRoll);
            Emit(WarEventKind.CourierCaught, region, -1, shahrbaraz, v1: turns ? 1 : 0, v2: turnOdds, v3: turnRoll, odds: odds.Raw, roll: roll);
            if (turns)
            {
                Turn(region, turnOdds, turnRoll);
            }
            else
            {
                // He has read his death warrant: he does not turn, but he no longer answers the king's calls.
                shahrbarazEstranged = true;
            }

            return;
        }

        if (++courierDays < c.DaysPerRegion)
        {
            return;
        }

        courierDays = 0;
        if (++courierLeg < c.Route.Length)
        {
            return;
        }

        courierActive = false;
        Emit(WarEventKind.CourierDelivered, region, -1, shahrbaraz);
        if (courierDice.Chance(c.PlotSucceeds, out var plotRoll))
        {
            shahrbarazKilled = true;
            Emit(WarEventKind.GeneralKilled, region, shahrbaraz, odds: c.PlotSucceeds.Raw, roll: plotRoll);
        }
        else
        {
            Turn(region, Ratio.Scale - c.PlotSucceeds.Raw, plotRoll);
        }
    }

    private void Turn(int region, int odds, int roll)
    {
        shahrbarazTurned = true;
        shahrbarazTurnedDay = Day;
        destination[shahrbaraz] = -1;
        Emit(WarEventKind.GeneralTurned, region, shahrbaraz, v1: persianDefeats, v2: standing, odds: odds, roll: roll);
        persianDefeats++;
        LoseLegitimacy(Definition.Politics.DefectionCost.Raw, WarEventKind.GeneralTurned);
    }

    private void Politics()
    {
        var p = Definition.Politics;
        if (khosrowFallDay < 0 && legitimacy < p.Threshold.Raw)
        {
            var odds = (int)FixedMath.MulDivRound(p.CoupOddsPerPoint.Raw, p.Threshold.Raw - legitimacy, Ratio.Scale);
            if (politicsDice.Chance(new Ratio(Math.Min(odds, Ratio.Scale)), out var roll))
            {
                khosrowFallDay = Day;
                envoyDue = Day + p.EnvoyDays;
                Emit(WarEventKind.KingDeposed, -1, -1, v1: legitimacy, odds: odds, roll: roll);
            }
        }

        if (envoyDue == Day && outcome == WarOutcome.Undecided)
        {
            Emit(WarEventKind.EnvoyArrived, location[heraclius], heraclius);
            MakePeace();
        }
    }

    /// <summary>
    /// The new king's peace: every occupied province is ceded; those a general governs come back only if he evacuates
    /// them (a turned general does; a loyal one obeys with the cited odds). The frontier: the Euphrates line when the
    /// return was agreed with a turned general (Arabissus, 629), the line of 591 when the king's order was obeyed.
    /// </summary>
    private void MakePeace()
    {
        outcome = WarOutcome.Peace;
        over = true;
        peaceDay = Day;
        var obeyed = shahrbarazTurned || diplomacyDice.Chance(Definition.Treaty.LoyalEvacuates, out _);
        for (var r = 0; r < holder.Length; r++)
        {
            var def = Definition.Regions[r];
            if (!def.Roman602 || holder[r] != Power.Persia)
            {
                continue;
            }

            provincesOccupied++;
            if (def.Governor is null || obeyed || armyIndex[def.Governor] != shahrbaraz)
            {
                holder[r] = Power.Rome;
                provincesReturned++;
            }
        }

        frontier = provincesReturned == 0 ? Frontier.AsHeld : shahrbarazTurned || provincesReturned < provincesOccupied ? Frontier.Euphrates : Frontier.Line591;
        Emit(WarEventKind.PeaceMade, -1, heraclius, v1: provincesReturned, v2: provincesOccupied, v3: (int)frontier);
    }

    private void CheckEnd()
    {
        if (over)
        {
            return;
        }

        if (Day > Definition.Heraclius.SplitDay && present[heraclius] < Definition.Heraclius.BrokenBelow)
        {
            outcome = WarOutcome.PersianTerms;
            frontier = Frontier.AsHeld;
            over = true;
            Emit(WarEventKind.RomeSuedForPeace, location[heraclius], heraclius, v1: present[heraclius]);
            return;
        }

        if (Day + 1 >= Definition.Calendar.HorizonDays)
        {
            over = true;
            Emit(WarEventKind.WarUndecided);
        }
    }

    private void HashPolitics(ref WarHasher h)
    {
        h.Add(legitimacy);
        h.Add(persianDefeats);
        h.Add(standing);
        h.Add(courierActive ? 1 + (courierLeg * 64) + (courierDays * 4096) : 0);
        h.Add(couriersSent);
        h.Add((shahrbarazTurned ? 1 : 0) + (shahrbarazKilled ? 2 : 0) + (turksAllied ? 4 : 0) + (siegeDone ? 8 : 0) + (shahrbarazEstranged ? 16 : 0));
        h.Add(khosrowFallDay);
        h.Add(envoyDue);
        h.Add(invasionDay);
        h.Add(sackDay);
        h.Add((long)frontier);
    }

    public WarSummary Summary => new(
        outcome,
        Day,
        siegeOutcome,
        SiegeStartDay,
        siegeEndDay,
        capitalReinforcements,
        theodoreBeatShahin,
        invasionDay,
        decisiveBattleDay,
        decisiveBattleWon,
        sackDay,
        khosrowFallDay,
        shahrbarazTurnedDay,
        peaceDay,
        provincesReturned,
        provincesOccupied,
        frontier,
        outcome == WarOutcome.Peace,
        outcome == WarOutcome.Peace,
        legitimacy / 10,
        turksAllied,
        StateHash)
    {
        ShahrbarazBeatenDay = shahrbarazBeatenDay,
        CourtSackDay = courtSackDay,
        TrapBattlesWon = trapBattlesWon,
        SarusDay = sarusDay,
        AvarThreat = avarThreat,
        StartDayNumber = startDayNumber,
    };
}
