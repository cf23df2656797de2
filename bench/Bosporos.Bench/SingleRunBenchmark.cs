using BenchmarkDotNet.Attributes;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Bench;

/// <summary>
/// One full run of the scenario at hourly ticks on a reused simulation (Reset, then RunToEnd). Runs per second per
/// core is 1 / Mean; the memory diagnoser's Allocated column is the garbage one run leaves (the aim is 0 B).
/// </summary>
[MemoryDiagnoser]
public class SingleRunBenchmark
{
    private Simulation sim = null!;
    private ulong run;

    [GlobalSetup]
    public void Setup()
    {
        sim = Simulation.Create(BenchScenario.Load(), 1);
        sim.RunToEnd(); // grow the event log to its working size before measuring
    }

    [Benchmark(Description = "one run (reset + run to end)")]
    public ulong OneRun()
    {
        sim.Reset(SplitMix64.Derive(626, run++));
        return sim.RunToEnd().StateHash;
    }
}
