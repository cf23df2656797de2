using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel;

// Envoys are objects on the water like any boat: the guard ships can catch them, and caught envoys can give away
// the agreed signal, which the defenders can then light themselves to spring a trap.
public sealed partial class Simulation
{
    private void SendEnvoys(int hour)
    {
        envoysSent = true;
        var dip = Definition.Diplomacy;
        var night = IsNight(hour);
        Emit(EventKind.EnvoysSent, v1: dip.EnvoyBoats);
        var caughtBoats = 0;
        for (var b = 0; b < dip.EnvoyBoats; b++)
        {
            foreach (var zone in Index.EnvoyRoute)
            {
                var odds = InterceptOdds(zone, night, trap: false);
                if (odds > 0 && diplomacyDice.Chance(new Ratio(odds), out var roll))
                {
                    caughtBoats++;
                    Emit(EventKind.EnvoysIntercepted, zone, v1: 1, odds: odds, roll: roll);
                    break;
                }
            }
        }

        if (caughtBoats == 0)
        {
            envoysResolved = 1;
            Emit(EventKind.EnvoysArrived, Index.LandingZone, v1: dip.EnvoyBoats);
            AlliesAnswer();
            return;
        }

        envoysResolved = 2;
        if (!signalLearned && diplomacyDice.Chance(dip.LearnSignalWhenCaught, out var learnRoll))
        {
            signalLearned = true;
            Emit(EventKind.SignalLearned, Index.SignalZone, v1: 1, odds: dip.LearnSignalWhenCaught.Raw, roll: learnRoll);
        }

        AlliesAnswer();
    }

    /// <summary>Shahrbaraz's answer: how many of his men will board, more when the envoys' word reached him.</summary>
    private void AlliesAnswer()
    {
        var persian = Index.Persian;
        if (persian < 0)
        {
            return;
        }

        var dip = Definition.Diplomacy;
        var willingness = envoysResolved == 1 ? dip.PersianWillingness : dip.PersianWillingnessIfEnvoysCaught;
        Emit(EventKind.AlliesAnswered, Index.ContingentZone[persian], persian, v1: (int)willingness.Of(present[persian]), v2: envoysResolved == 1 ? 1 : 0);
    }
}
