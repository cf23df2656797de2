using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Arrivals, the allotment of defenders to the walls, and the bookkeeping of losses.
public sealed partial class Simulation
{
    private void Arrivals(int day)
    {
        var d = Definition;
        var romanArrived = false;
        for (var i = 0; i < d.Contingents.Length; i++)
        {
            var c = d.Contingents[i];
            if (c.ArrivalDay != day || c.Strength <= 0)
            {
                continue;
            }

            present[i] += c.Strength;
            arrived[i] += c.Strength;
            if (c.Side == Side.Avar)
            {
                food[i] += (long)c.Strength * c.RationDays;
            }

            romanArrived |= c.Side == Side.Roman && day > 0;
            Emit(EventKind.ContingentArrived, Index.ContingentZone[i], i, v1: c.Strength);
        }

        if (romanArrived)
        {
            foreach (var i in Index.Roman)
            {
                RaiseMorale(i, d.Morale.Reinforcement.Raw);
            }
        }

        for (var f = 0; f < d.Flotillas.Length; f++)
        {
            var fl = d.Flotillas[f];
            if (fl.ArrivalDay != day || fl.Hulls <= 0)
            {
                continue;
            }

            hulls[f] += fl.Hulls;
            if (fl.Side != Side.Roman)
            {
                boatsAtStart += fl.Hulls;
            }

            Emit(EventKind.FlotillaArrived, Index.Zone(fl.Station), f, v1: fl.Hulls);
            if (fl.Side == Side.Roman)
            {
                StationPatrols(f);
            }
        }
    }

    private void StationPatrols(int flotilla)
    {
        var patrols = Definition.Command.Defenders.Patrols;
        var free = hulls[flotilla];
        for (var p = 0; p < patrols.Length; p++)
        {
            if (Index.PatrolFlotilla[p] != flotilla)
            {
                continue;
            }

            var n = Math.Min(free, patrols[p].Hulls);
            patrolHulls[Index.PatrolZone[p]] += n;
            free -= n;
        }
    }

    /// <summary>
    /// Spreads the men on the walls over the sectors by length, thicker where the enemy threatens and thinner
    /// on the sea walls (both weights are doctrine); the reserve share stays in the city.
    /// </summary>
    internal void AllotDefenders(int threatened)
    {
        var d = Definition;
        long wallMen = 0;
        foreach (var i in Index.Wall)
        {
            wallMen += present[i];
        }

        var onWalls = wallMen - d.Command.Defenders.ReserveShare.Of(wallMen);
        if (processionUntilHour >= 0)
        {
            onWalls -= d.Command.Defenders.ProcessionShare.Of(onWalls);
        }
        long totalWeight = 0;
        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            totalWeight += SectorWeight(s, threatened);
        }

        for (var s = 0; s < d.WallSectors.Length; s++)
        {
            defendersAt[s] = totalWeight == 0 ? 0 : (int)(onWalls * SectorWeight(s, threatened) / totalWeight);
        }
    }

    private long SectorWeight(int sector, int threatened)
    {
        var doctrine = Definition.Command.Defenders;
        long w = Definition.WallSectors[sector].LengthMetres;
        if (Index.IsSeaWall[sector])
        {
            w = doctrine.SeaWallWeight.Of(w);
        }

        if (sector == threatened)
        {
            w = doctrine.ThreatWeight.Of(w);
        }

        return w;
    }

    /// <summary>Men held back to counter-attack: the reserve contingents and the reserve share of the wall garrison.</summary>
    internal long ReserveMen(out long weightedQuality)
    {
        long men = 0;
        weightedQuality = 0;
        foreach (var i in Index.Reserve)
        {
            men += present[i];
            weightedQuality += (long)present[i] * Quality(i);
        }

        var share = Definition.Command.Defenders.ReserveShare;
        foreach (var i in Index.Wall)
        {
            var r = share.Of(present[i]);
            men += r;
            weightedQuality += r * Quality(i);
        }

        return men;
    }

    /// <summary>
    /// Quality (Ratio raw) of the <paramref name="engaged"/> men who fight at the front of a sector: the defenders put
    /// their best men where the blows fall, so the front is filled best-first from each contingent's share of the
    /// sector's men; the rest stand behind as reliefs. Adding poorer men never lowers the quality of the front.
    /// </summary>
    internal int FrontQuality(int sector, long engaged, out int armour)
    {
        armour = 0;
        long wallMen = WallMen();
        if (engaged <= 0 || wallMen == 0)
        {
            return 0;
        }

        var order = Index.WallByQuality;
        long filled = 0, q = 0, a = 0;
        for (var j = 0; j < order.Length && filled < engaged; j++)
        {
            var i = order[j];
            var here = (long)present[i] * defendersAt[sector] / wallMen;
            var take = Math.Min(here, engaged - filled);
            filled += take;
            q += take * Quality(i);
            a += take * Definition.Contingents[i].Armour.Raw;
        }

        if (filled == 0)
        {
            return 0;
        }

        armour = (int)(a / filled);
        return (int)(q / filled);
    }

    /// <summary>Removes casualties from a contingent: the wounded share is wounded, the rest killed.</summary>
    private int Inflict(int contingent, int casualties)
    {
        casualties = Math.Min(casualties, present[contingent]);
        if (casualties <= 0)
        {
            return 0;
        }

        var w = (int)Definition.Combat.WoundedShare.Of(casualties);
        wounded[contingent] += w;
        killed[contingent] += casualties - w;
        present[contingent] -= casualties;
        lossesToday[contingent] += casualties;
        return casualties;
    }

    private int Kill(int contingent, int men)
    {
        men = Math.Min(men, present[contingent]);
        if (men <= 0)
        {
            return 0;
        }

        killed[contingent] += men;
        present[contingent] -= men;
        lossesToday[contingent] += men;
        return men;
    }

    private int Capture(int contingent, int men)
    {
        men = Math.Min(men, present[contingent]);
        if (men <= 0)
        {
            return 0;
        }

        captured[contingent] += men;
        present[contingent] -= men;
        lossesToday[contingent] += men;
        return men;
    }

    /// <summary>
    /// Spreads <paramref name="casualties"/> over the defenders on the walls in proportion to their men
    /// (largest remainder, ties to the earlier contingent), so the split never depends on the dice.
    /// </summary>
    internal int InflictOnWall(int casualties)
    {
        long total = 0;
        foreach (var i in Index.Wall)
        {
            total += present[i];
        }

        if (total == 0 || casualties <= 0)
        {
            return 0;
        }

        var given = 0;
        foreach (var i in Index.Wall)
        {
            given += Inflict(i, (int)((long)casualties * present[i] / total));
        }

        foreach (var i in Index.Wall)
        {
            if (given >= casualties)
            {
                break;
            }

            given += Inflict(i, 1);
        }

        return given;
    }

    private void RaiseMorale(int contingent, int delta) =>
        morale[contingent] = Math.Clamp(morale[contingent] + delta, 0, Ratio.Scale);

    private bool IsSubjectOrCrew(int contingent)
    {
        var c = Definition.Contingents[contingent];
        return c.Subject || c.Role == ContingentRole.BoatCrew;
    }
}
