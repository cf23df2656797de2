using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// The defenders' doctrine under Bonus and the patriarch: each dawn they man the walls by the threat they see (the
// sector stormed last, a breach, the engines before a sector), call a procession when hearts fail, answer the
// khagan's demands, and by night send sorties against the engines that batter a weakened wall.
public sealed partial class Simulation
{
    private int lastProcessionDay;
    private int processionUntilHour = -1;
    private int threatenedSector = -1;

    private void ResetDefenders()
    {
        lastProcessionDay = -1000;
        processionUntilHour = -1;
        threatenedSector = -1;
    }

    private void DefendersDawn(int day)
    {
        var threat = reinforceOrdered >= 0 ? reinforceOrdered : ThreatenedSector();
        AllotDefenders(threat);
        if (threat >= 0 && threat != threatenedSector)
        {
            Emit(EventKind.DefendersDecided, Index.SectorZone[threat], v1: (int)DefenderDecision.ReinforceSector, v2: defendersAt[threat]);
        }

        threatenedSector = threat;
        var doctrine = Definition.Command.Defenders;
        var mean = DefenderMorale();
        if (mean < doctrine.ProcessionBelow.Raw && day - lastProcessionDay >= doctrine.ProcessionMinGapDays)
        {
            Emit(EventKind.DefendersDecided, v1: (int)DefenderDecision.CallProcession, v2: mean / 10);
            HoldProcession(day);
        }
    }

    /// <summary>The sector the defenders fear most this morning: a breach, then the sector stormed last, then where engines stand.</summary>
    private int ThreatenedSector()
    {
        var breach = BestBreach();
        if (breach >= 0)
        {
            return breach;
        }

        if (lastAssaultSector >= 0)
        {
            return lastAssaultSector;
        }

        var best = -1;
        var most = 0;
        for (var s = 0; s < Definition.WallSectors.Length; s++)
        {
            var n = AttackerEnginesAt(s) + ReadyTowers(s);
            if (n > most)
            {
                most = n;
                best = s;
            }
        }

        return best;
    }

    /// <summary>The icons go round the walls: every defender takes heart, while those who walk are off the walls for three hours.</summary>
    private void HoldProcession(int day)
    {
        lastProcessionDay = day;
        processionUntilHour = Now.Hours + 3;
        foreach (var i in Index.Roman)
        {
            RaiseMorale(i, Definition.Morale.Procession.Raw);
        }

        Emit(EventKind.ProcessionHeld, v1: (int)Definition.Command.Defenders.ProcessionShare.Of(WallMen()));
        AllotDefenders(threatenedSector);
    }

    private void EndProcession()
    {
        if (processionUntilHour >= 0 && Now.Hours >= processionUntilHour)
        {
            processionUntilHour = -1;
            AllotDefenders(runningAssault >= 0 ? assaultSectorToday : threatenedSector);
        }
    }

    /// <summary>The khagan demands the city; the defenders refuse while their hearts hold (below the threshold they treat).</summary>
    private void ReceiveEmbassy()
    {
        Emit(EventKind.EmbassyReceived);
        if (TreatByOrder(out var treat))
        {
            if (treat)
            {
                OpenTalks(DefenderMorale());
            }
            else
            {
                Emit(EventKind.DefendersDecided, v1: (int)DefenderDecision.RefuseTerms, v2: DefenderMorale() / 10);
            }
        }
        else if (!CheckNegotiation())
        {
            Emit(EventKind.DefendersDecided, v1: (int)DefenderDecision.RefuseTerms, v2: DefenderMorale() / 10);
        }
    }

    /// <summary>
    /// A night sortie of picked men against the engines and towers before a sector whose wall is wearing thin. The horse guarding the camp make it harder: the odds fall with the watch (a tenth of the camp's men)
    /// against the sortie party. Success burns a share of every park there; either way the party takes losses.
    /// </summary>
    private void Sortie()
    {
        var doctrine = Definition.Command.Defenders;
        if (doctrine.SortieMen <= 0 && sortieOrderDay != Now.Day)
        {
            return;
        }

        var target = -1;
        var men = doctrine.SortieMen;
        if (sortieOrderDay == Now.Day)
        {
            target = sortieOrderSector;
            men = sortieOrderMen;
            if (target < 0 || AttackerEnginesAt(target) + ReadyTowers(target) == 0)
            {
                return;
            }
        }

        for (var s = 0; s < Definition.WallSectors.Length && target < 0; s++)
        {
            if (AttackerEnginesAt(s) + ReadyTowers(s) > 0 && StandingIntegrity(s) < doctrine.SortieWhenWallBelow.Raw)
            {
                target = s;
            }
        }

        if (target < 0)
        {
            return;
        }

        // The party is drawn from the best men on the walls.
        var party = Index.WallByQuality.Length > 0 ? Index.WallByQuality[0] : -1;
        if (party < 0 || men <= 0 || present[party] < men)
        {
            return;
        }

        long watch = 0;
        foreach (var i in Index.Camp)
        {
            watch += present[i] / 10;
        }

        var odds = (int)((long)doctrine.SortieOdds.Raw * men / (men + watch));
        var zone = Index.SectorZone[target];
        Emit(EventKind.DefendersDecided, zone, v1: (int)DefenderDecision.Sortie, v2: men);
        var burned = 0;
        var success = combatDice.Chance(new Ratio(odds), out var roll);
        if (success)
        {
            foreach (var p in Index.AttackerParks)
            {
                if (Index.EngineSector[p] != target || !enginesReady[p] || engines[p] <= 0)
                {
                    continue;
                }

                var n = (int)Math.Max(1, doctrine.SortieBurnShare.Of(engines[p]));
                n = Math.Min(n, engines[p]);
                engines[p] -= n;
                enginesLost += n;
                burned += n;
            }
        }

        // The party fights its way out: a tenth of it falls when it succeeds, a fifth when it is caught.
        var losses = Inflict(party, combatDice.Casualties((long)men * (success ? 10 : 20), men));
        Emit(EventKind.SortieMade, zone, v1: burned, v2: losses, v3: men, odds: odds, roll: roll);
    }

    private long WallMen() => SumOf(Index.Wall, present);

    /// <summary>When the siege is lifted the city gives thanks (the Akathist hymn's new proemium); the defenders' hearts carry it.</summary>
    private void Thanksgiving()
    {
        foreach (var i in Index.Roman)
        {
            RaiseMorale(i, Definition.Morale.Thanksgiving.Raw);
        }

        Emit(EventKind.Thanksgiving, v1: DefenderMorale() / 10);
    }
}
