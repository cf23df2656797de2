using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Boats on the water: every water zone a boat group crosses risks interception by the warships on station there,
// with odds set by the patrol's strength, darkness and (when the defenders lie in wait) the trap. A galley that catches
// canoes sinks most of them: it is a massacre, not an even fight.
public sealed partial class Simulation
{
    private int warshipsDamaged;

    /// <summary>
    /// Interception odds (Ratio raw) for one boat group crossing one water zone. The warships on station, counted in
    /// reference patrols k, give odds k·p / (1 − p + k·p) for a reference patrol's odds p: one patrol gives p, more
    /// patrols approach certainty without reaching it. Darkness lowers p; a breeze raises it (the boats row worse);
    /// lying in wait on a learned signal multiplies the warships' strength and adds those massed from other stations.
    /// </summary>
    private int InterceptOdds(int zone, bool night, bool trap, int massed = 0)
    {
        var n = Definition.Naval;
        long patrol = patrolHulls[zone] + (trap ? massed : 0);
        if (patrol <= 0)
        {
            return 0;
        }

        long p = night ? n.InterceptByNight.Raw : n.InterceptByDay.Raw;
        if (wind == Weather.Wind.Breeze)
        {
            p = Math.Min(9_900, Definition.Weather.BreezeIntercept.Of(p));
        }

        var k = patrol * Ratio.Scale / Math.Max(1, n.ReferenceGalleys);
        if (trap)
        {
            k = n.TrapAdvantage.Of(k);
        }

        var num = k * p;
        var den = ((Ratio.Scale - p) * Ratio.Scale) + num;
        return (int)Math.Min(9_900, num * Ratio.Scale / den);
    }

    /// <summary>Warships the defenders can mass on a route for the trap: up to the doctrine's number, from stations off the route.</summary>
    private int TrapHulls(ReadOnlySpan<int> route)
    {
        long spare = 0;
        for (var z = 0; z < patrolHulls.Length; z++)
        {
            if (!route.Contains(z))
            {
                spare += patrolHulls[z];
            }
        }

        return (int)Math.Min(spare, Definition.Command.Defenders.TrapMassHulls);
    }

    /// <summary>
    /// Sends one group of boats through a route (forward or back). A caught group loses most of its boats and turns
    /// back; its crews drown, are killed or taken, and passengers go down with their boats.
    /// Returns the boats still afloat; <paramref name="caught"/> tells whether the group was stopped.
    /// </summary>
    private int PassRoute(ReadOnlySpan<int> route, bool reverse, bool night, bool trap, int massed, int flotilla, int boats, ref int passengers, out bool caught)
    {
        var n = Definition.Naval;
        var crew = Index.FlotillaCrew[flotilla];
        var perHull = Definition.Flotillas[flotilla].CrewPerHull;
        caught = false;
        for (var j = 0; j < route.Length && boats > 0; j++)
        {
            var zone = route[reverse ? route.Length - 1 - j : j];
            var odds = InterceptOdds(zone, night, trap, massed);
            if (odds <= 0)
            {
                continue;
            }

            if (!navalDice.Chance(new Ratio(odds), out var roll))
            {
                Emit(EventKind.BoatsSlipped, zone, flotilla, v1: boats, odds: odds, roll: roll);
                continue;
            }

            caught = true;
            var lost = navalDice.Casualties((long)boats * n.BoatsLostWhenCaught.Raw / 100, boats);
            var men = lost * perHull;
            int dead = 0, taken = 0;
            if (crew >= 0)
            {
                var killedMen = (int)n.CrewKilledWhenSunk.Of(men);
                dead = Kill(crew, killedMen);
                taken = Capture(crew, men - killedMen);
            }

            if (passengers > 0 && Index.Persian >= 0)
            {
                var drowned = (int)((long)passengers * lost / boats);
                passengers -= Kill(Index.Persian, drowned);
            }

            hulls[flotilla] -= lost;
            canoesLost += lost;
            boats -= lost;
            Emit(EventKind.BoatsSunk, zone, flotilla, crew, v1: lost, v2: dead, v3: taken, odds: odds, roll: roll);
            if (patrolHulls[zone] > 0 && navalDice.Chance(n.WarshipDamagedPerCatch, out var hit))
            {
                patrolHulls[zone]--;
                warshipsDamaged++;
                Emit(EventKind.WarshipDamaged, zone, v1: patrolHulls[zone], odds: n.WarshipDamagedPerCatch.Raw, roll: hit);
            }

            break;
        }

        return boats;
    }

    /// <summary>The canoe attack of a combined assault: boat groups row for the shore by the target sector.</summary>
    private void CanoeAttack(int step, int sector, bool trap, int massed)
    {
        var f = Index.PlanFlotilla[step];
        if (f < 0 || hulls[f] <= 0)
        {
            return;
        }

        var fl = Definition.Flotillas[f];
        var crew = Index.FlotillaCrew[f];
        var launched = hulls[f];
        canoesLaunched += launched;
        Emit(EventKind.CanoesLaunched, Index.Zone(fl.Station), f, v1: launched, v2: launched * fl.CrewPerHull);
        var night = IsNight(Now.HourOfDay);
        var perGroup = Math.Max(1, Definition.Naval.BoatsPerGroup);
        int lostTotal = 0, fledMen = 0, landedMen = 0;
        var route = Index.PlanRoute[step];
        for (var left = launched; left > 0; left -= perGroup)
        {
            var group = Math.Min(perGroup, left);
            var none = 0;
            var afloat = PassRoute(route, reverse: false, night, trap, massed, f, group, ref none, out var caught);
            lostTotal += group - afloat;
            if (caught)
            {
                fledMen += afloat * fl.CrewPerHull;
            }
            else
            {
                landedMen += afloat * fl.CrewPerHull;
            }
        }

        if (crew >= 0)
        {
            landedCrew = Math.Min(landedMen, present[crew]);
            landedCrewContingent = crew;
        }

        if (lostTotal * 2 >= launched)
        {
            BoatAttackMassacred(crew, fledMen, sector);
        }
    }

    /// <summary>
    /// Boats ferry the allies from the far shore by night: out empty, back loaded, both ways past the patrols. How
    /// many cross is bounded by the boats that get across, their capacity, and how many of the allies are willing
    /// (more when the envoys' word reached them). True when any landed.
    /// </summary>
    private bool FerryPersians(int step, int hour)
    {
        var f = Index.PlanFlotilla[step];
        var persian = Index.Persian;
        if (f < 0 || persian < 0 || hulls[f] <= 0)
        {
            return false;
        }

        var dip = Definition.Diplomacy;
        var willingness = envoysResolved == 1 ? dip.PersianWillingness : dip.PersianWillingnessIfEnvoysCaught;
        // Those already across are still counted in the contingent's strength: they are not willing twice.
        var willing = (int)Math.Max(0, willingness.Of(present[persian]) - persianLandedAlive);
        var launched = hulls[f];
        canoesLaunched += launched;
        var fl = Definition.Flotillas[f];
        Emit(EventKind.CanoesLaunched, Index.Zone(fl.Station), f, v1: launched, v2: launched * fl.CrewPerHull);
        var night = IsNight(hour);
        var perGroup = Math.Max(1, Definition.Naval.BoatsPerGroup);
        var route = Index.PlanRoute[step];
        var landed = 0;
        for (var left = launched; left > 0; left -= perGroup)
        {
            var group = Math.Min(perGroup, left);
            var none = 0;
            var across = PassRoute(route, reverse: false, night, trap: false, massed: 0, f, group, ref none, out var caught);
            if (caught || across == 0)
            {
                continue;
            }

            var load = Math.Min(across * Definition.Naval.PassengersPerBoat, willing);
            willing -= load;
            PassRoute(route, reverse: true, night, trap: false, massed: 0, f, across, ref load, out _);
            landed += load;
        }

        if (hulls[f] * 2 < launched)
        {
            boatsMassacred = true;
        }
        if (landed > 0)
        {
            persiansLanded += landed;
            persianLandedAlive += landed;
            Emit(EventKind.PersiansFerried, Index.LandingZone, persian, v1: landed, v2: persiansLanded);
            foreach (var i in Index.Host)
            {
                RaiseMorale(i, Definition.Morale.PersiansLanded.Raw);
            }
        }

        return landed > 0;
    }

    /// <summary>
    /// When most boats of an attack are lost the crews' nerve breaks, the khagan puts survivors to death, and the
    /// subject peoples lose heart: the morale cascade the sources describe after 7 August.
    /// </summary>
    private void BoatAttackMassacred(int crew, int fledMen, int sector)
    {
        var m = Definition.Morale;
        boatsMassacred = true;
        if (crew >= 0 && fledMen > 0 && spareOrder != 1)
        {
            var executed = Kill(crew, (int)Definition.Command.SurvivorsExecutedShare.Of(fledMen));
            if (executed > 0)
            {
                Emit(EventKind.SurvivorsExecuted, sector >= 0 ? Index.SectorZone[sector] : -1, crew, v1: executed);
                foreach (var i in Index.Host)
                {
                    if (Definition.Contingents[i].Subject)
                    {
                        RaiseMorale(i, -m.Executions.Raw);
                    }
                }
            }
        }

        foreach (var i in Index.Host)
        {
            RaiseMorale(i, IsSubjectOrCrew(i) ? -m.BoatsMassacred.Raw : -m.BoatsMassacred.Raw / 2);
        }
    }
}
