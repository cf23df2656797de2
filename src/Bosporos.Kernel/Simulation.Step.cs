using Bosporos.Kernel.Command;
using Bosporos.Kernel.Events;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel;

// The order of work inside one hour. Every subsystem reads the state as it was at the start of its phase and
// casualties of one engagement are applied together, so the order of contingents in the file never matters.
// Decisions come at natural points: arrivals at midnight; the wind, the defenders' manning and the khagan's
// judgement at dawn; each intention at its own hour; sorties in the dead of night; food and morale at day's end.
public sealed partial class Simulation
{
    private const int DuskHour = 20;
    private const int DawnHour = 5;
    private const int SortieHour = 1;

    private static bool IsNight(int hourOfDay) => hourOfDay >= DuskHour || hourOfDay < DawnHour;

    private void StepHour(ReadOnlySpan<Order> orders)
    {
        var hour = Now.HourOfDay;
        var day = Now.Day;
        if (hour == 0)
        {
            StartOfDay(day);
        }

        ApplyOrders(orders);
        if (hour == DawnHour && outcome == Outcome.Undecided)
        {
            DrawWind();
            DefendersDawn(day);
            KhaganDawn(day);
        }

        if (outcome == Outcome.Undecided)
        {
            EndProcession();
            RunKhaganPlan(day, hour);
        }

        if (outcome == Outcome.Undecided)
        {
            RunSiegecraft(hour);
            ResolveLodgements();
            RestFromFighting();
            if (hour == SortieHour)
            {
                Sortie();
            }
        }

        if (outcome == Outcome.Undecided && withdrawOrdered)
        {
            Withdraw(EndCause.Ordered);
        }

        if (outcome == Outcome.Undecided && hour == 23)
        {
            EndOfDay(day);
        }

        if (hour == 23 || outcome != Outcome.Undecided)
        {
            FoldDailyHash(day);
        }

        if (outcome != Outcome.Undecided)
        {
            return;
        }

        Now = Now.AddHours(1);
        if (Now.Day >= Definition.Calendar.HorizonDays)
        {
            horizonReached = true;
            Emit(EventKind.SiegeUndecided);
        }
    }

    private void FoldDailyHash(int day)
    {
        if (day < dailyHashes.Length && dailyHashCount == day)
        {
            var parts = dailySubsystemHashes.AsSpan(dailyHashCount * SubsystemCount, SubsystemCount);
            for (var s = 0; s < SubsystemCount; s++)
            {
                parts[s] = SubsystemHash((Subsystem)s);
            }

            dailyHashes[dailyHashCount++] = Combine(parts);
        }
    }

    private void StartOfDay(int day)
    {
        holdAssaultToday = false;
        assaultOverrideSector = -1;
        Array.Clear(lossesToday);
        Arrivals(day);
    }

    private void EndOfDay(int day)
    {
        FeedHost(day);
        FeedCity();
        UpdateMorale();
        if (outcome == Outcome.Undecided && answerOrder != 0)
        {
            CheckNegotiation();
        }
    }

    private void Emit(EventKind kind, int zone = -1, int actor = -1, int other = -1, int v1 = 0, int v2 = 0, int v3 = 0, int odds = -1, int roll = -1) =>
        Events.Append(new SiegeEvent(Now, kind, (short)zone, (short)actor, (short)other, v1, v2, v3, odds, roll));

    /// <summary>Quality of one man of a contingent (Ratio raw): training, armour and morale together.</summary>
    internal int Quality(int contingent)
    {
        var c = Definition.Contingents[contingent];
        long q = (Ratio.Scale / 2) + (c.Training.Raw / 2);
        q = q * (Ratio.Scale + (c.Armour.Raw / 2)) / Ratio.Scale;
        q = q * ((Ratio.Scale / 2) + (morale[contingent] / 2)) / Ratio.Scale;
        return (int)q;
    }
}
