using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Land combat at the walls: one engagement per hour of assault, resolved from both sides' effective strength under
// the scenario's attrition law, with cover from every intact layer of the wall; then seizure, counter-attack and fall.
public sealed partial class Simulation
{
    private readonly int[] lodgementMen;
    private readonly int[] lodgementQuality;
    private int landedCrew;
    private int landedCrewContingent = -1;
    private bool combinedTrap;

    private void Assault(int step, int sector, bool firstHour, bool lastHour, bool combined)
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

        // Who goes forward: assault contingents willing to attack, Persians who have landed, boat crews who got ashore.
        long men = 0, quality = 0, sapWeight = 0;
        foreach (var i in Index.Assault)
        {
            if (present[i] > 0 && morale[i] >= refuse)
            {
                men += present[i];
                quality += (long)present[i] * Quality(i);
                sapWeight += SapWeight(i, present[i]);
            }
        }

        var persian = Index.Persian;
        if (persianLandedAlive > 0 && persian >= 0)
        {
            men += persianLandedAlive;
            quality += (long)persianLandedAlive * Quality(persian);
            sapWeight += SapWeight(persian, persianLandedAlive);
        }

        // Boat crews that got ashore open a second front along the water: they add to the land frontage, and where
        // the sector has no inner wall (Blachernae in 626, outside the Theodosian line) they meet no wall at all.
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

        var engagedLand = (int)Math.Min(men, cbt.AttackerFrontagePerMetre.Of(sec.LengthMetres));
        var engagedA = (int)(engagedLand + landed);
        var towers = ReadyTowers(sector);
        long effLand = men == 0 ? 0 : engagedLand * (quality / men) / Ratio.Scale;
        effLand = effLand * (Ratio.Scale + ((long)cbt.TowerBonus.Raw * towers)) / Ratio.Scale;
        effLand = effLand * (Ratio.Scale + sec.AttackerTerrainBonus.Raw) / Ratio.Scale;
        var effA = effLand + landedEff;

        var engagedD = (int)Math.Min(defendersAt[sector], cbt.DefenderFrontagePerMetre.Of(sec.LengthMetres));
        long effD = (long)engagedD * WallQuality() / Ratio.Scale;
        effD = effD * (Ratio.Scale + ((long)cbt.WallFireBonus.Raw * IntactLayers(sector))) / Ratio.Scale;
        if (IsNight(Now.HourOfDay))
        {
            effLand = cbt.Darkness.Of(effLand);
            landedEff = cbt.Darkness.Of(landedEff);
            effA = effLand + landedEff;
            effD = cbt.Darkness.Of(effD);
        }

        var cover = Cover(sector);
        var shoreCover = sec.InnerWall ? cover : Ratio.Scale;
        long baseOnAttackers, baseOnDefenders;
        switch (cbt.Law)
        {
            case AttritionLaw.Square:
                baseOnAttackers = effD;
                baseOnDefenders = effA;
                break;
            case AttritionLaw.Linear:
                baseOnAttackers = baseOnDefenders = effA * effD / 1000;
                break;
            default:
                baseOnAttackers = baseOnDefenders = FixedMath.ISqrt(effA * effD);
                break;
        }

        var meanOnAttackers = (long)cbt.DefenderLethality.Raw * baseOnAttackers / 100; // hundredths of a man
        var meanOnDefenders = (long)cbt.AttackerLethality.Raw * baseOnDefenders / 100 * cover / Ratio.Scale;
        var attackerLosses = combatDice.Casualties(meanOnAttackers, engagedA);
        var defenderLosses = combatDice.Casualties(meanOnDefenders, engagedD);

        attackerLosses = InflictOnAttackers(attackerLosses, men + landed, combined);
        defenderLosses = InflictOnWall(defenderLosses);
        defendersAt[sector] = Math.Max(0, defendersAt[sector] - defenderLosses);
        assaultAttackerLosses += attackerLosses;
        assaultDefenderLosses += defenderLosses;
        assaultDayAttackerLosses += attackerLosses;
        assaultDayDefenderLosses += defenderLosses;

        var onWallTop = (effLand * cover / Ratio.Scale) + (landedEff * shoreCover / Ratio.Scale);
        var wallTop = effD <= 0 ? 100_000 : (int)Math.Min(100_000, onWallTop * 100 / effD);
        Emit(EventKind.Engagement, zone, v1: attackerLosses, v2: defenderLosses, v3: wallTop);

        Sap(sector, men == 0 ? 0 : sapWeight * engagedLand / men);
        BurnTowers(sector);

        if (lodgementHours[sector] == 0 && wallTop * (long)Ratio.Scale >= cbt.SeizeRatio.Raw * 100L)
        {
            lodgementHours[sector] = 1;
            lodgementMen[sector] = Math.Max(1, (int)(((long)engagedLand * cover / Ratio.Scale) + (landed * shoreCover / Ratio.Scale)));
            lodgementQuality[sector] = (int)Math.Max(1, onWallTop * Ratio.Scale / Math.Max(1, lodgementMen[sector]));
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

    private int AttackersAvailable(bool combined)
    {
        var men = persianLandedAlive + (combined ? landedCrew : 0);
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
    private int InflictOnAttackers(int losses, long men, bool combined)
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

        if (persianLandedAlive > 0 && Index.Persian >= 0)
        {
            var p = Inflict(Index.Persian, (int)(losses * (long)persianLandedAlive / men));
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
    /// A lodgement on the wall is counter-attacked every hour by the reserve; the odds are the reserve's share of the
    /// two sides' effective strength. Held for the scenario's hold-hours, it opens the city.
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
            var effR = reserve == 0 ? 0 : cbt.CounterAttackBonus.Of(reserve * (reserveQuality / reserve) / Ratio.Scale);
            var effL = (long)lodgementMen[s] * lodgementQuality[s] / Ratio.Scale;
            var odds = effR + effL == 0 ? 0 : (int)(effR * Ratio.Scale / (effR + effL));
            if (combatDice.Chance(new Ratio(odds), out var roll))
            {
                var attackerLosses = InflictOnAttackers((int)cbt.LodgementLossWhenRetaken.Of(lodgementMen[s]), Math.Max(1, AttackersAvailable(false)), false);
                var defenderLosses = InflictOnWall(combatDice.Casualties((long)cbt.AttackerLethality.Raw * effL / 100, (int)Math.Min(int.MaxValue, reserve)));
                assaultAttackerLosses += attackerLosses;
                assaultDefenderLosses += defenderLosses;
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

    private void CombinedAttackHour(int step, PlanStepDefinition plan, int hour)
    {
        var sector = AssaultTarget(step);
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

            combinedTrap = signalLearned && Definition.Command.Defenders.SetTrapIfSignalLearned;
            if (combinedTrap && !signalUsed)
            {
                signalUsed = true;
                Emit(EventKind.SignalLit, Index.SignalZone, v1: 1);
                CanoeAttack(step, sector, trap: true);
            }
        }

        if (!signalUsed && hour == plan.StartHour + 2)
        {
            signalUsed = true;
            Emit(EventKind.SignalLit, Index.SignalZone, v1: 0);
            CanoeAttack(step, sector, trap: false);
        }

        var last = hour == plan.EndHour - 1;
        Assault(step, sector, hour == plan.StartHour, last, combined: true);
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
