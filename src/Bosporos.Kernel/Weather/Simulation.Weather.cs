using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Weather;

namespace Bosporos.Kernel;

// The wind on the straits, drawn at dawn from its own stream: it keeps the boats ashore in a gale and helps the
// warships in a breeze.
public sealed partial class Simulation
{
    private Wind wind;

    private void DrawWind()
    {
        var w = Definition.Weather;
        if (weatherDice.Chance(w.Persistence, out _))
        {
            return;
        }

        var r = weatherDice.Roll();
        var next = r < w.CalmShare.Raw ? Wind.Calm : r < w.CalmShare.Raw + w.GaleShare.Raw ? Wind.Gale : Wind.Breeze;
        if (next != wind)
        {
            wind = next;
            Emit(EventKind.WindChanged, v1: (int)next);
        }
    }

    /// <summary>The wind today (drawn at dawn).</summary>
    public Wind Wind => wind;
}
