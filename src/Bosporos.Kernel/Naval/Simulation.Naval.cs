using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Boats on the water: every water zone a boat group crosses risks interception by the warships on station there,
// with odds set by the patrol's strength, darkness and (when the defenders lie in wait) the trap. A galley that catches
// canoes sinks most of them: it is a massacre, not an even fight.
public sealed partial class Simulation
{
    private int lastFerryStep = -1;
    private int lastFerryLanded;
    private int lastCombinedStep = -1;
    private int combinedRepeatDay = -1;

    /// <summary>Interception odds (Ratio raw) for one boat group crossing one water zone.</summary>
    private int InterceptOdds(int zone, bool night, bool trap)
    {
        var n = Definition.Naval;
        var patrol = patrolHulls[zone];
        if (patrol <= 0)
        {
            return 0;
        }

        if (trap)
        {
            return n.TrapIntercept.Raw;
        }

        var baseOdds = night ? n.InterceptByNight.Raw : n.InterceptByDay.Raw;
        var odds = (long)baseOdds * patrol / Math.Max(1, n.ReferenceGalleys);
        return (int)Math.Min(9_900, odds);
    }

    /// <summary>
    /// Sends one group of boats through a route (forward or back). A caught group loses most of its boats and turns
    /// back; its crews drown, are killed or taken, and passengers go down with their boats.
    /// Returns the boats still afloat; <paramref name="caught"/> tells whether the group was stopped.
    /// </summary>
    private int PassRoute(ReadOnlySpan<int> route, bool reverse, bool night, bool trap, int flotilla, int boats, ref int passengers, out bool caught)
    {
        var n = Definition.Naval;
        var crew = Index.FlotillaCrew[flotilla];
        var perHull = Definition.Flotillas[flotilla].CrewPerHull;
        caught = false;
        for (var j = 0; j < route.Length && boats > 0; j++)
        {
            var zone = route[reverse ? route.Length - 1 - j : j];
            var odds = InterceptOdds(zone, night, trap);
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
            break;
        }

        return boats;
    }

    /// <summary>The canoe attack of a combined assault: boat groups row for the shore by the target sector.</summary>
    private void CanoeAttack(int step, int sector, bool trap)
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
            var afloat = PassRoute(route, reverse: false, night, trap, f, group, ref none, out var caught);
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

        lastCombinedStep = step;
        if (lostTotal * 2 >= launched)
        {
            BoatAttackMassacred(crew, fledMen, sector);
        }
        else
        {
            combinedRepeatDay = Now.Day + 1;
        }
    }

    /// <summary>Boats ferry the Persians from the Asian shore by night: out empty, back loaded, both ways past the patrols.</summary>
    private void FerryPersians(int step, int hour)
    {
        var f = Index.PlanFlotilla[step];
        var persian = Index.Persian;
        if (f < 0 || persian < 0 || hulls[f] <= 0)
        {
            return;
        }

        var dip = Definition.Diplomacy;
        var willingness = envoysResolved == 1 ? dip.PersianWillingness : dip.PersianWillingnessIfEnvoysCaught;
        var willing = (int)Math.Max(0, willingness.Of(present[persian] + persiansLanded) - persiansLanded);
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
            var across = PassRoute(route, reverse: false, night, trap: false, f, group, ref none, out var caught);
            if (caught || across == 0)
            {
                continue;
            }

            var load = Math.Min(across * Definition.Naval.PassengersPerBoat, willing);
            willing -= load;
            PassRoute(route, reverse: true, night, trap: false, f, across, ref load, out _);
            landed += load;
        }

        lastFerryStep = step;
        lastFerryLanded = landed;
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
    }

    /// <summary>
    /// When most boats of an attack are lost the crews' nerve breaks, the khagan puts survivors to death, and the
    /// subject peoples lose heart: the morale cascade the sources describe after 7 August.
    /// </summary>
    private void BoatAttackMassacred(int crew, int fledMen, int sector)
    {
        var m = Definition.Morale;
        if (crew >= 0 && fledMen > 0)
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
