using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Simulation;

public class AllocationTests
{
    [Fact]
    public void A_reused_simulation_allocates_nothing_per_run()
    {
        var sim = Kernel.Simulation.Create(new SiegeBuilder().Build(), 1);
        for (ulong warm = 0; warm < 20; warm++)
        {
            sim.Reset(warm);
            sim.RunToEnd();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ulong seed = 100; seed < 150; seed++)
        {
            sim.Reset(seed);
            sim.RunToEnd();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
