using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Land combat at the walls: one engagement per hour of assault. Frontage limits how many fight at once on either
// side; the men behind them count as reliefs, who keep the front fresh (fatigue grows less where the front is deep).
// Each side's blows come from its fighting power (men at the front × quality × fatigue × the walls' height for the
// defenders, towers and ground for the attackers) and fall on the men facing them, thinned by cover and armour, under
// the scenario's attrition law. Then seizure, counter-attack and fall.
public sealed partial class Simulation
{
    private int[] lodgementMen;
    private int[] lodgementQuality;
    private int[] defenderFatigue; // Ratio raw, per sector
    private int attackerFatigue;
    private int foughtThisHour = -1;
    private int landedCrew;
    private int landedCrewContingent = -1;
    private bool combinedTrap;

    /// <summary>The attackers' fatigue (Ratio raw): what an hour at the front adds and an hour out of it sheds.</summary>
    internal int AttackerFatigue => attackerFatigue;

    /// <summary>The fatigue of the defenders at <paramref name="sector"/> (Ratio raw).</summary>
    internal int DefenderFatigue(int sector) => defenderFatigue[sector];

    /// <summary>The quality of one attacker in the lodgement at <paramref name="sector"/> (Ratio raw), fixed when it was seized.</summary>
    internal int LodgementQuality(int sector) => lodgementQuality[sector];

    private void Assault(int sector, bool firstHour, bool lastHour, bool combined)
    {
        if (sector < 0 || holdAssaultToday)
        {
            return;
        }

        var d = Definition;
        var cbt = d.Combat;
        var sec = d.WallSectors[sector];
        var zone = Index.SectorZone[sector];
        var refuse = d.Morale.RefuseAttackBelow.Raw;
        if (firstHour || activeAssaultSector != sector)
        {
            AllotDefenders(sector);
            activeAssaultSector = sector;
            assaultDayAttackerLosses = 0;
            assaultDayDefenderLosses = 0;
            var towersHere = ReadyTowers(sector);
            foreach (var i in Index.Assault)
            {
                if (present[i] > 0 && morale[i] < refuse)
                {
                    Emit(EventKind.ContingentRefused, zone, i, v1: morale[i] / 10);
                }
            }

            Emit(EventKind.AssaultBegan, zone, v1: AttackersAvailable(combined), v2: defendersAt[sector], v3: towersHere);
        }

        // Who goes forward: assault contingents willing to attack, allies who have landed, boat crews who got ashore.
        long men = 0, quality = 0, sapWeight = 0, armour = 0;
        foreach (var i in Index.Assault)
        {
            if (present[i] > 0 && morale[i] >= refuse)
            {
                men += present[i];
                quality += (long)present[i] * Quality(i);
                armour += (long)present[i] * d.Contingents[i].Armour.Raw;
                sapWeight += SapWeight(i, present[i]);
            }
        }

        var persian = Index.Persian;
        var allies = AlliesInAssault();
        if (allies > 0)
        {
            men += allies;
            quality += (long)allies * Quality(persian);
            armour += (long)allies * d.Contingents[persian].Armour.Raw;
            sapWeight += SapWeight(persian, allies);
        }

        // Boat crews that got ashore open a second front along the water: they add to the land frontage, and where
        // the sector has no inner wall they meet no wall at all.
        long landed = 0, landedEff = 0;
        if (combined && landedCrew > 0 && landedCrewContingent >= 0)
        {
            landed = landedCrew;
            landedEff = landed * Quality(landedCrewContingent) / Ratio.Scale;
        }

        if (men + landed == 0)
        {
            return;
        }

        foughtThisHour = Now.Hours;

        // Attackers: the front is as wide as the sector allows; depth relieves it.
        var engagedLand = (int)Math.Min(men, cbt.AttackerFrontagePerMetre.Of(sec.LengthMetres));
        var engagedA = (int)(engagedLand + landed);
        if (engagedLand > 0)
        {
            attackerFatigue = Tire(attackerFatigue, men, engagedLand);
        }

        var towers = ReadyTowers(sector);
        long fireA = men == 0 ? 0 : engagedLand * (quality / men) / Ratio.Scale;
        fireA = Fresh(fireA, attackerFatigue);
        fireA = fireA * (Ratio.Scale + ((long)cbt.TowerBonus.Raw * towers)) / Ratio.Scale;
        fireA = fireA * (Ratio.Scale + sec.AttackerTerrainBonus.Raw) / Ratio.Scale;
        var armourA = men + landed == 0 ? 0 : (int)((armour + (landed * (landedCrewContingent >= 0 ? d.Contingents[landedCrewContingent].Armour.Raw : 0))) / (men + landed));

        // Defenders: the best men stand at the front; the rest relieve them.
        var engagedD = (int)Math.Min(defendersAt[sector], cbt.DefenderFrontagePerMetre.Of(sec.LengthMetres));
        if (engagedD > 0)
        {
            defenderFatigue[sector] = Tire(defenderFatigue[sector], defendersAt[sector], engagedD);
        }

        long fireD = (long)engagedD * FrontQuality(sector, engagedD, out var armourD) / Ratio.Scale;
        fireD = Fresh(fireD, defenderFatigue[sector]);
        fireD = fireD * (Ratio.Scale + ((long)cbt.WallFireBonus.Raw * IntactLayers(sector))) / Ratio.Scale;
        var fireAll = fireA + landedEff;
        if (IsNight(Now.HourOfDay))
        {
            fireA = cbt.Darkness.Of(fireA);
            landedEff = cbt.Darkness.Of(landedEff);
            fireAll = fireA + landedEff;
            fireD = cbt.Darkness.Of(fireD);
        }

        var cover = Cover(sector);
        var shoreCover = sec.InnerWall ? cover : Ratio.Scale;
        var baseOnAttackers = LawBase(cbt.Law, fireD, engagedA);
        var baseOnDefenders = LawBase(cbt.Law, fireAll, engagedD);
        var meanOnAttackers = (long)cbt.DefenderLethality.Raw * baseOnAttackers / 100 * Unarmoured(armourA) / Ratio.Scale; // hundredths of a man
        var meanOnDefenders = (long)cbt.AttackerLethality.Raw * baseOnDefenders / 100 * cover / Ratio.Scale * Unarmoured(armourD) / Ratio.Scale;
        var attackerLosses = combatDice.Casualties(meanOnAttackers, engagedA);
        var defenderLosses = combatDice.Casualties(meanOnDefenders, engagedD);

        attackerLosses = InflictOnAttackers(attackerLosses, men + landed, combined);
        defenderLosses = InflictOnWall(defenderLosses);
        defendersAt[sector] = Math.Max(0, defendersAt[sector] - defenderLosses);
        assaultAttackerLosses += attackerLosses;
        assaultDefenderLosses += defenderLosses;
        assaultDayAttackerLosses += attackerLosses;
        assaultDayDefenderLosses += defenderLosses;

        var onWallTop = (fireA * cover / Ratio.Scale) + (landedEff * shoreCover / Ratio.Scale);
        var wallTop = fireD <= 0 ? 100_000 : (int)Math.Min(100_000, onWallTop * 100 / fireD);
        Emit(EventKind.Engagement, zone, v1: attackerLosses, v2: defenderLosses, v3: wallTop);

        Sap(sector, men == 0 ? 0 : sapWeight * engagedLand / men);
        BurnTowers(sector);

        if (lodgementHours[sector] == 0 && wallTop * (long)Ratio.Scale >= cbt.SeizeRatio.Raw * 100L)
        {
            lodgementHours[sector] = 1;
            lodgementMen[sector] = Math.Max(1, (int)(((long)engagedLand * cover / Ratio.Scale) + (landed * shoreCover / Ratio.Scale)));
            lodgementQuality[sector] = (int)Math.Max(1, onWallTop * Ratio.Scale / Math.Max(1, lodgementMen[sector]));
            lastLodgementDay = Now.Day;
            Emit(EventKind.WallSeized, zone, v1: lodgementMen[sector], v2: defendersAt[sector], v3: wallTop);
        }

        if (lastHour)
        {
            activeAssaultSector = -1;
            if (lodgementHours[sector] == 0)
            {
                Emit(EventKind.AssaultRepulsed, zone, v1: assaultDayAttackerLosses, v2: assaultDayDefenderLosses);
                foreach (var i in Index.Roman)
                {
                    RaiseMorale(i, d.Morale.AssaultRepulsed.Raw);
                }
            }
        }
    }

    /// <summary>The attrition law's base: the firer's power alone (square), or against the numbers it faces.</summary>
    internal static long LawBase(AttritionLaw law, long fire, long targets) => law switch
    {
        AttritionLaw.Square => fire,
        AttritionLaw.Linear => fire * targets / 1000,
        _ => FixedMath.ISqrt(fire * targets),
    };

    /// <summary>Share of blows that are not turned by armour (Ratio raw).</summary>
    private int Unarmoured(int armour) => Ratio.Scale - (int)((long)Definition.Combat.ArmourProtection.Raw * armour / Ratio.Scale);

    /// <summary>Fatigue after an hour at the front: the more men behind the front to relieve it, the less it grows.</summary>
    private int Tire(int fatigue, long men, long engaged)
    {
        var perHour = (long)Definition.Combat.FatiguePerHour.Raw * engaged / Math.Max(1, men);
        return (int)Math.Min(Ratio.Scale, fatigue + perHour);
    }

    /// <summary>Fighting power left after fatigue: a worn-out front strikes with half its strength.</summary>
    private static long Fresh(long power, int fatigue) => power * (Ratio.Scale - (fatigue / 2)) / Ratio.Scale;

    /// <summary>Hours out of the fight rest both sides.</summary>
    private void RestFromFighting()
    {
        if (foughtThisHour == Now.Hours)
        {
            return;
        }

        var rest = Definition.Combat.FatigueRecoveryPerHour.Raw;
        attackerFatigue = Math.Max(0, attackerFatigue - rest);
        for (var s = 0; s < defenderFatigue.Length; s++)
        {
            if (defenderFatigue[s] > 0 && !(activeAssaultSector == s && runningAssault >= 0))
            {
                defenderFatigue[s] = Math.Max(0, defenderFatigue[s] - rest);
            }
        }
    }

    /// <summary>Allies ashore join an assault once there are enough of them to matter.</summary>
    private int AlliesInAssault() =>
        Index.Persian >= 0 && persianLandedAlive > 0 && persianLandedAlive >= Definition.Command.Allies.JoinAssaultWhenAshore ? persianLandedAlive : 0;

    private int AttackersAvailable(bool combined)
    {
        var men = AlliesInAssault() + (combined ? landedCrew : 0);
        foreach (var i in Index.Assault)
        {
            if (morale[i] >= Definition.Morale.RefuseAttackBelow.Raw)
            {
                men += present[i];
            }
        }

        return men;
    }

    /// <summary>Trained, armoured men can work at the foot of the wall: their weight in sapping (men × training × armour).</summary>
    private long SapWeight(int contingent, int men)
    {
        var c = Definition.Contingents[contingent];
        return (long)men * c.Training.Raw / Ratio.Scale * c.Armour.Raw / Ratio.Scale;
    }

    /// <summary>Spreads attacker losses over the groups that went forward, in proportion to their men.</summary>
    internal int InflictOnAttackers(int losses, long men, bool combined)
    {
        if (losses <= 0)
        {
            return 0;
        }

        var refuse = Definition.Morale.RefuseAttackBelow.Raw;
        var given = 0;
        foreach (var i in Index.Assault)
        {
            if (present[i] > 0 && morale[i] >= refuse)
            {
                given += Inflict(i, (int)(losses * (long)present[i] / men));
            }
        }

        var allies = AlliesInAssault();
        if (allies > 0)
        {
            var p = Inflict(Index.Persian, (int)(losses * (long)allies / men));
            persianLandedAlive -= p;
            given += p;
        }

        if (combined && landedCrew > 0 && landedCrewContingent >= 0)
        {
            var c = Inflict(landedCrewContingent, (int)(losses * (long)landedCrew / men));
            landedCrew -= c;
            given += c;
        }

        // Remainder of the rounding goes to the assault contingents in file order.
        foreach (var i in Index.Assault)
        {
            if (given >= losses)
            {
                break;
            }

            if (present[i] > 0 && morale[i] >= refuse)
            {
                given += Inflict(i, Math.Min(losses - given, present[i]));
            }
        }

        return given;
    }

    private int ReadyTowers(int sector)
    {
        var n = 0;
        foreach (var p in Index.AttackerTowers)
        {
            if (Index.EngineSector[p] == sector && enginesReady[p])
            {
                n += engines[p];
            }
        }

        return n;
    }

    /// <summary>Share of the attackers' blows that reach the defenders (Ratio raw): the product over intact layers.</summary>
    private int Cover(int sector)
    {
        var sec = Definition.WallSectors[sector];
        var cbt = Definition.Combat;
        long cover = Ratio.Scale;
        if (sec.Moat)
        {
            cover = cover * cbt.MoatCover.Raw / Ratio.Scale;
        }

        if (sec.OuterWall && outerIntegrity[sector] >= cbt.BreachBelow.Raw)
        {
            cover = cover * cbt.OuterWallCover.Raw / Ratio.Scale;
        }

        if (sec.InnerWall && innerIntegrity[sector] >= cbt.BreachBelow.Raw)
        {
            cover = cover * cbt.InnerWallCover.Raw / Ratio.Scale;
        }

        return (int)cover;
    }

    private int IntactLayers(int sector)
    {
        var sec = Definition.WallSectors[sector];
        var breach = Definition.Combat.BreachBelow.Raw;
        return (sec.OuterWall && outerIntegrity[sector] >= breach ? 1 : 0) + (sec.InnerWall && innerIntegrity[sector] >= breach ? 1 : 0);
    }

    /// <summary>
    /// A lodgement on the wall is counter-attacked every hour by the reserve. Only so many can reach it (a few men for
    /// each attacker on the stretch, by the scenario's reach): the odds are their share of the two sides' effective
    /// strength, and both the defenders' cost and the attackers' are bounded by the men who fight there. Held for
    /// the scenario's hold-hours, it opens the city.
    /// </summary>
    private void ResolveLodgements()
    {
        var cbt = Definition.Combat;
        for (var s = 0; s < lodgementHours.Length && outcome == Outcome.Undecided; s++)
        {
            if (lodgementHours[s] == 0)
            {
                continue;
            }

            var zone = Index.SectorZone[s];
            var reserve = ReserveMen(out var reserveQuality);
            var reach = Math.Min(reserve, cbt.CounterAttackReach.Of(lodgementMen[s]));
            var effR = reserve == 0 ? 0 : cbt.CounterAttackBonus.Of(reach * (reserveQuality / reserve) / Ratio.Scale);
            var effL = (long)lodgementMen[s] * lodgementQuality[s] / Ratio.Scale;
            var odds = effR + effL == 0 ? 0 : (int)(effR * Ratio.Scale / (effR + effL));
            if (combatDice.Chance(new Ratio(odds), out var roll))
            {
                var attackerLosses = InflictOnAttackers((int)cbt.LodgementLossWhenRetaken.Of(lodgementMen[s]), Math.Max(1, AttackersAvailable(false)), false);
                var defenderLosses = InflictOnWall(combatDice.Casualties((long)cbt.AttackerLethality.Raw * effL / 100, (int)Math.Min(int.MaxValue, reach)));
                Emit(EventKind.LodgementRetaken, zone, v1: attackerLosses, v2: defenderLosses, odds: odds, roll: roll);
                lodgementHours[s] = 0;
                lodgementMen[s] = 0;
                continue;
            }

            lodgementHours[s]++;
            if (lodgementHours[s] > cbt.HoldHours)
            {
                outcome = Outcome.Fallen;
                endCause = EndCause.WallHeld;
                Emit(EventKind.CityFell, zone, v1: lodgementHours[s] - 1, odds: odds, roll: roll);
            }
        }
    }

    private void CombinedAttackHour(int step, IntentionDefinition plan, int sector, int hour, bool last)
    {
        if (hour == plan.StartHour)
        {
            signalUsed = false;
            if (!signalLearned)
            {
                var learn = Definition.Diplomacy.LearnSignalOtherwise;
                if (diplomacyDice.Chance(learn, out var roll))
                {
                    signalLearned = true;
                    Emit(EventKind.SignalLearned, Index.SignalZone, v1: 0, odds: learn.Raw, roll: roll);
                }
            }

            combinedTrap = signalLearned && (trapOrder >= 0 ? trapOrder == 1 : Definition.Command.Defenders.SetTrapIfSignalLearned);
            if (combinedTrap)
            {
                // The defenders light the signal themselves before the land attack is ready: the boats row out
                // early, alone, into warships massed where they must pass.
                signalUsed = true;
                var massed = TrapHulls(Index.PlanRoute[step]);
                Emit(EventKind.DefendersDecided, Index.PlanRoute[step].Length > 0 ? Index.PlanRoute[step][0] : -1, v1: (int)DefenderDecision.SetTrap, v2: massed);
                Emit(EventKind.SignalLit, Index.SignalZone, v1: 1);
                CanoeAttack(step, sector, trap: true, massed);
            }
        }

        if (!signalUsed && hour == plan.StartHour + 2)
        {
            signalUsed = true;
            Emit(EventKind.SignalLit, Index.SignalZone, v1: 0);
            CanoeAttack(step, sector, trap: false, massed: 0);
        }

        Assault(sector, hour == plan.StartHour, last, combined: true);
        if (last && outcome == Outcome.Undecided && sector >= 0 && lodgementHours[sector] == 0)
        {
            combinedAttackFailed = true;
            if (landedCrew > 0 && landedCrewContingent >= 0)
            {
                Kill(landedCrewContingent, (int)Definition.Naval.LandingRepulsedLoss.Of(landedCrew));
            }

            landedCrew = 0;
        }
    }
}
