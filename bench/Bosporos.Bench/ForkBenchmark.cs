using BenchmarkDotNet.Attributes;
using Bosporos.Kernel;

namespace Bosporos.Bench;

/// <summary>
/// Forking a run on the morning of the boat attack (day 39, 06:00), with its events so far: the copy a commander that
/// looks ahead makes for every sampled future.
/// </summary>
[MemoryDiagnoser]
public class ForkBenchmark
{
    private Simulation sim = null!;

    [GlobalSetup]
    public void Setup()
    {
        sim = Simulation.Create(BenchScenario.Load(), 7);
        while (!sim.IsOver && sim.Now.Hours < (39 * 24) + 6)
        {
            sim.Step();
        }
    }

    [Benchmark(Description = "fork a run at day 39 06:00")]
    public Simulation Fork() => sim.Fork();
}
