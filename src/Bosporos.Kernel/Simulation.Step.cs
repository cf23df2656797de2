using Bosporos.Kernel.Command;

namespace Bosporos.Kernel;

public sealed partial class Simulation
{
    private void StepHour(ReadOnlySpan<Order> orders)
    {
        _ = orders;
        Now = Now.AddHours(1);
        if (Now.Day >= Definition.Calendar.HorizonDays)
        {
            horizonReached = true;
        }
    }
}
