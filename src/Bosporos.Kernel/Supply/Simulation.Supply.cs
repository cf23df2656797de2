using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Each contingent of the host eats the rations it brought; the horse of the camp forage into a common store, less
// each day as the ravaged country is stripped and no more than the foragers can carry; contingents whose rations are
// gone draw on that store, and men left unfed lose heart and desert for days before a starving host must go.
// The city eats its granaries and, while the fleet holds the sea lane, what the ships bring in; once the aqueduct
// is cut it drinks its cisterns.
public sealed partial class Simulation
{
    private int cisternRaw;
    private long campStore;
    private int daysStarving;
    private int lastHungryDay;
    private long shortfallTotal;
    private long[] shortToday;

    /// <summary>Food the host has in hand: every contingent's rations and the camp's store (man-days).</summary>
    internal long HostFoodInHand()
    {
        var total = campStore;
        foreach (var i in Index.Host)
        {
            total += food[i];
        }

        return total;
    }

    private int FoodDaysLeft()
    {
        var men = HostMen();
        return men == 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, HostFoodInHand() / men);
    }

    /// <summary>What the foragers would bring in tomorrow at today's pool and numbers (man-days, no dice).</summary>
    internal long ExpectedForage()
    {
        long foragers = 0;
        foreach (var i in Index.Camp)
        {
            foragers += present[i];
        }

        return Math.Min(Definition.Supply.ForageRatePerDay.Of(foragePool), foragers * Definition.Supply.ForagePerForagerPerDay);
    }

    private void FeedHost(int day)
    {
        var gathered = ExpectedForage();
        gathered = gathered * ((Ratio.Scale * 3 / 4) + (supplyDice.Roll() / 2)) / Ratio.Scale; // 0.75 to 1.25 of the mean
        gathered = Math.Min(gathered, foragePool);
        foragePool -= gathered;
        campStore += gathered;

        long eaters = 0, shortfall = 0;
        foreach (var i in Index.Host)
        {
            shortToday[i] = 0;
            long need = present[i];
            if (need == 0)
            {
                continue;
            }

            eaters += need;
            var own = Math.Min(need, food[i]);
            food[i] -= own;
            need -= own;
            var shared = Math.Min(need, campStore);
            campStore -= shared;
            need -= shared;
            if (need > 0)
            {
                shortToday[i] = need;
                shortfall += need;
                RaiseMorale(i, -(int)(Definition.Morale.HungerPerDay.Raw * need / present[i]));
            }
        }

        var w = Definition.Command.Withdrawal;
        if (shortfall > 0)
        {
            lastHungryDay = day;
            shortfallTotal += shortfall;
            daysStarving = shortfall >= w.StarvingShare.Of(eaters) ? daysStarving + 1 : 0;
            Emit(EventKind.HostHungry, v1: FoodDaysLeft(), v2: (int)Math.Min(int.MaxValue, shortfall));
        }
        else
        {
            daysStarving = 0;
            if (hostAssembledDay >= 0 && eaters > 0 && FoodDaysLeft() <= 2)
            {
                Emit(EventKind.HostHungry, v1: FoodDaysLeft(), v2: 0);
            }
        }
    }

    private void FeedCity()
    {
        var s = Definition.Supply;
        cityFoodRaw -= Ratio.Scale;
        if (patrolHulls[Index.SeaLane] >= Definition.Naval.ControlMinGalleys)
        {
            cityFoodRaw = Math.Min(s.CityFoodDays * Ratio.Scale, cityFoodRaw + s.SeaResupplyDaysPerDay.Raw);
        }

        if (aqueductCut)
        {
            cisternRaw -= Ratio.Scale;
        }

        if (cityFoodRaw <= 0 || cisternRaw <= 0)
        {
            cityFoodRaw = Math.Max(0, cityFoodRaw);
            cisternRaw = Math.Max(0, cisternRaw);
            foreach (var i in Index.Roman)
            {
                RaiseMorale(i, -Definition.Morale.HungerPerDay.Raw);
            }

            Emit(EventKind.CityHungry, v1: Math.Min(cityFoodRaw, cisternRaw) / Ratio.Scale);
        }
    }

    /// <summary>
    /// The day's morale: losses weigh by the share of strength lost, morale drifts back toward its starting level
    /// (not for men who went unfed today), and below the desertion threshold men slip away at a rate that grows as
    /// morale falls.
    /// </summary>
    private void UpdateMorale()
    {
        var m = Definition.Morale;
        for (var i = 0; i < present.Length; i++)
        {
            if (present[i] <= 0)
            {
                continue;
            }

            var c = Definition.Contingents[i];
            var before = present[i] + lossesToday[i];
            if (lossesToday[i] > 0)
            {
                RaiseMorale(i, -(int)((long)m.LossPerTenth.Raw * lossesToday[i] * 10 / before));
            }

            if (shortToday[i] == 0 && morale[i] < c.Morale.Raw)
            {
                RaiseMorale(i, (int)((long)(c.Morale.Raw - morale[i]) * m.DailyRecovery.Raw / Ratio.Scale));
            }

            if (c.Side == Side.Persian || morale[i] >= m.DesertBelow.Raw || m.DesertBelow.Raw == 0)
            {
                continue;
            }

            var rate = (long)m.DesertionPerDayAtZero.Raw * (m.DesertBelow.Raw - morale[i]) / m.DesertBelow.Raw;
            var men = moraleDice.Casualties(present[i] * rate / 100, present[i]);
            if (men > 0)
            {
                // Deserters take their share of their contingent's rations with them.
                if (food[i] > 0)
                {
                    food[i] -= food[i] * men / present[i];
                }

                present[i] -= men;
                deserted[i] += men;
                Emit(EventKind.ContingentDeserted, Index.ContingentZone[i], i, v1: men, v2: morale[i] / 10);
            }
        }
    }
}
