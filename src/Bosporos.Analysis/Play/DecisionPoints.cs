using Bosporos.Kernel;
using Bosporos.Kernel.Events;

namespace Bosporos.Analysis.Play;

/// <summary>
/// When a commander decides: at dawn (05:00), at dusk (20:00), and in the hour after something notable happened (an
/// assault began, a wall was seized, the signal was learned, envoys were caught, boats were sunk, an embassy came);
/// never every hour.
/// </summary>
public static class DecisionPoints
{
    public const int Dawn = 5;

    public const int Dusk = 20;

    public static bool Notable(EventKind kind) => kind is EventKind.AssaultBegan or EventKind.WallSeized or EventKind.SignalLearned
        or EventKind.EnvoysIntercepted or EventKind.BoatsSunk or EventKind.EmbassyReceived;

    /// <summary>
    /// Why the hour just stepped ends at a decision point (empty when it does not): "end", "dawn", "dusk" and the kinds
    /// of the notable events logged since <paramref name="eventsBefore"/>.
    /// </summary>
    public static IReadOnlyList<string> Reasons(Simulation sim, int eventsBefore)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var reasons = new List<string>();
        if (sim.IsOver)
        {
            reasons.Add("end");
            return reasons;
        }

        var events = sim.Events.All;
        for (var i = eventsBefore; i < events.Length; i++)
        {
            if (Notable(events[i].Kind))
            {
                var name = Scenarios.Naming.Kebab(events[i].Kind.ToString());
                if (!reasons.Contains(name))
                {
                    reasons.Add(name);
                }
            }
        }

        if (sim.Now.HourOfDay == Dawn)
        {
            reasons.Insert(0, "dawn");
        }
        else if (sim.Now.HourOfDay == Dusk)
        {
            reasons.Insert(0, "dusk");
        }

        return reasons;
    }
}
