using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Kernel.War;

/// <summary>
/// The siege of the capital inside the war: on its first day the campaign fills the shipped siege's contingents and
/// flotillas from its armies (records with <c>with</c>), runs the siege kernel hour by hour, a day of hours per
/// campaign day, and at its end gives the losses, the ships and the city's fate back to the campaign.
/// </summary>
public sealed partial class WarSimulation
{
    private bool siegeRunning;
    private bool siegeDone;
    private Kernel.Outcome siegeOutcome;
    private int siegeEndDay;
    private int[] siegeMen = [];
    private int[] siegeHulls = [];

    private void CapitalSiege()
    {
        if (!siegeRunning && !siegeDone && Day == SiegeStartDay && capitalRegion >= 0 && holder[capitalRegion] == Power.Rome)
        {
            StartSiege();
        }

        if (!siegeRunning || Siege is null)
        {
            return;
        }

        for (var h = 0; h < Time.SimTime.HoursPerDay && !Siege.IsOver; h++)
        {
            Siege.Step();
        }

        if (Siege.IsOver)
        {
            EndSiege();
        }
    }

    private void StartSiege()
    {
        var links = Definition.Siege.Links;
        siegeMen = new int[present.Length];
        siegeHulls = new int[present.Length];

        // Persian armies standing with a linked Persian army join it across the straits.
        foreach (var link in links)
        {
            var a = armyIndex[link.Army];
            if (Definition.Armies[a].Side != Power.Persia || !active[a])
            {
                continue;
            }

            for (var b = 0; b < present.Length; b++)
            {
                if (b != a && active[b] && Definition.Armies[b].Side == Power.Persia && Definition.Armies[b].Role == ArmyRole.Field
                    && location[b] == location[a] && daysLeft[b] == 0 && present[b] > 0)
                {
                    Emit(WarEventKind.ArmyArrived, location[a], a, b, v1: present[b]);
                    Transfer(b, a, present[b]);
                }
            }
        }

        var contingents = (ContingentDefinition[])SiegeBase.Contingents.Clone();
        var flotillas = (FlotillaDefinition[])SiegeBase.Flotillas.Clone();
        int romans = 0, host = 0, allies = 0;
        foreach (var link in links)
        {
            var a = armyIndex[link.Army];
            var men = active[a] && !(a == shahrbaraz && shahrbarazTurned) ? present[a] : 0;
            var delay = 0;
            if (men > 0 && destination[a] == capitalRegion && location[a] != capitalRegion)
            {
                var rest = nextRegion[a] >= 0 ? PathDays(a, nextRegion[a], capitalRegion) : PathDays(a, location[a], capitalRegion);
                delay = daysLeft[a] + (rest == int.MaxValue ? 0 : rest);
                location[a] = capitalRegion;
                nextRegion[a] = -1;
                destination[a] = -1;
                daysLeft[a] = 0;
            }

            siegeMen[a] = men;
            siegeHulls[a] = active[a] ? hulls[a] : 0;
            inSiege[a] = men > 0 || siegeHulls[a] > 0;
            Fill(contingents, link.Contingents, men, delay);
            FillHulls(flotillas, link.Flotillas, siegeHulls[a]);
            switch (Definition.Armies[a].Side)
            {
                case Power.Rome: romans += men; break;
                case Power.Avars: host += men; break;
                default: allies += men; break;
            }
        }

        SiegeDefinitionUsed = SiegeBase with { Contingents = contingents, Flotillas = flotillas };
        Siege = Simulation.Create(SiegeDefinitionUsed, SplitMix64.Derive(Seed, SiegeSeedKey));
        siegeRunning = true;
        Emit(WarEventKind.SiegeBegan, capitalRegion, capitalArmy, v1: romans, v2: host, v3: allies);
    }

    /// <summary>Men of an army over the siege's contingents, in proportion to their strengths as shipped.</summary>
    private void Fill(ContingentDefinition[] contingents, string[] ids, int men, int delay)
    {
        var index = new int[ids.Length];
        long baseTotal = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            index[i] = Array.FindIndex(contingents, c => c.Id == ids[i]);
            baseTotal += SiegeBase.Contingents[index[i]].Strength;
        }

        var given = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var share = baseTotal == 0 ? (i == 0 ? men : 0) : (int)((long)men * SiegeBase.Contingents[index[i]].Strength / baseTotal);
            given += share;
            contingents[index[i]] = contingents[index[i]] with { Strength = share };
        }

        for (var i = 0; given < men; i = (i + 1) % ids.Length)
        {
            contingents[index[i]] = contingents[index[i]] with { Strength = contingents[index[i]].Strength + 1 };
            given++;
        }

        if (delay > 0)
        {
            foreach (var k in index)
            {
                contingents[k] = contingents[k] with { ArrivalDay = Math.Max(contingents[k].ArrivalDay, delay) };
            }
        }
    }

    private void FillHulls(FlotillaDefinition[] flotillas, string[] ids, int count)
    {
        if (ids.Length == 0)
        {
            return;
        }

        var index = new int[ids.Length];
        long baseTotal = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            index[i] = Array.FindIndex(flotillas, f => f.Id == ids[i]);
            baseTotal += SiegeBase.Flotillas[index[i]].Hulls;
        }

        var given = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var share = baseTotal == 0 ? (i == 0 ? count : 0) : (int)((long)count * SiegeBase.Flotillas[index[i]].Hulls / baseTotal);
            given += share;
            flotillas[index[i]] = flotillas[index[i]] with { Hulls = share };
        }

        for (var i = 0; given < count; i = (i + 1) % ids.Length)
        {
            flotillas[index[i]] = flotillas[index[i]] with { Hulls = flotillas[index[i]].Hulls + 1 };
            given++;
        }
    }

    private void EndSiege()
    {
        var sim = Siege!;
        var def = SiegeDefinitionUsed!;
        siegeRunning = false;
        siegeDone = true;
        siegeEndDay = Day;
        siegeOutcome = sim.Outcome;
        int romanLoss = 0, hostLoss = 0;
        foreach (var link in Definition.Siege.Links)
        {
            var a = armyIndex[link.Army];
            int k = 0, w = 0, d = 0, c = 0;
            foreach (var id in link.Contingents)
            {
                var i = Array.FindIndex(def.Contingents, x => x.Id == id);
                var l = sim.Ledger(i);
                k += l.Killed;
                w += l.Wounded;
                d += l.Deserted;
                c += l.Captured;
            }

            present[a] = siegeMen[a] - k - w - d - c;
            killed[a] += k;
            wounded[a] += w;
            deserted[a] += d;
            captured[a] += c;
            var lostHulls = 0;
            foreach (var id in link.Flotillas)
            {
                var f = Array.FindIndex(def.Flotillas, x => x.Id == id);
                var had = def.Flotillas[f].ArrivalDay <= sim.Now.Day ? def.Flotillas[f].Hulls : 0;
                lostHulls += had - sim.Hulls(f);
            }

            hulls[a] = siegeHulls[a] - lostHulls;
            inSiege[a] = false;
            if (Definition.Armies[a].Side == Power.Rome)
            {
                romanLoss += k + w + d + c;
            }
            else if (Definition.Armies[a].Side == Power.Avars)
            {
                hostLoss += k + w + d + c;
                active[a] = false; // the khagan goes home
            }
        }

        var fell = siegeOutcome is Kernel.Outcome.Fallen or Kernel.Outcome.Negotiated || Definition.Siege.ForceFall;
        Emit(WarEventKind.SiegeEnded, capitalRegion, -1, v1: fell ? (int)Kernel.Outcome.Fallen : (int)siegeOutcome, v2: romanLoss, v3: hostLoss);
        if (fell)
        {
            holder[capitalRegion] = Power.Avars;
            outcome = WarOutcome.Collapse;
            over = true;
            Emit(WarEventKind.EmpireCollapsed, capitalRegion);
            return;
        }

        persianDefeats++;
        standing = Math.Max(0, standing - Definition.Courier.StandingLossSiege.Raw);
        LoseLegitimacy(Definition.Politics.SiegeFailCost.Raw, WarEventKind.SiegeEnded);
    }
}
