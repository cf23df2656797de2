using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// The host eats what it brought and what it can still forage (less each day); the city eats its granaries and,
// while the fleet holds the sea lane, what the ships bring in; once the aqueduct is cut it drinks its cisterns.
public sealed partial class Simulation
{
    private bool hostHungryToday;
    private int cisternRaw;

    private int FoodDaysLeft()
    {
        var men = HostMen();
        return men == 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, hostFoodStore / men);
    }

    private void FeedHost(int day)
    {
        var s = Definition.Supply;
        long eaters = HostMen();
        var gathered = s.ForageRatePerDay.Of(foragePool);
        gathered = gathered * ((Ratio.Scale * 3 / 4) + (supplyDice.Roll() / 2)) / Ratio.Scale; // 0.75 to 1.25 of the mean
        gathered = Math.Min(gathered, foragePool);
        foragePool -= gathered;
        hostFoodStore += gathered - eaters;
        hostHungryToday = false;
        if (hostFoodStore < 0)
        {
            var shortfall = -hostFoodStore;
            hostFoodStore = 0;
            hostHungryToday = true;
            var drop = eaters == 0 ? 0 : (int)(Definition.Morale.HungerPerDay.Raw * Math.Min(shortfall, eaters) / eaters);
            foreach (var i in Index.Host)
            {
                RaiseMorale(i, -drop);
            }

            Emit(EventKind.HostHungry, v1: 0, v2: (int)Math.Min(int.MaxValue, shortfall));
        }
        else if (day >= Definition.Command.Withdrawal.MainArmyDay && FoodDaysLeft() <= 2)
        {
            Emit(EventKind.HostHungry, v1: FoodDaysLeft(), v2: 0);
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
    /// (not for a hungry host), and below the desertion threshold men slip away at a rate that grows as morale falls.
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

            var hungry = c.Side == Side.Avar && hostHungryToday;
            if (!hungry && morale[i] < c.Morale.Raw)
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
                present[i] -= men;
                deserted[i] += men;
                Emit(EventKind.ContingentDeserted, Index.ContingentZone[i], i, v1: men, v2: morale[i] / 10);
            }
        }
    }
}
