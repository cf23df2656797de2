using BenchmarkDotNet.Attributes;
using Bosporos.Analysis.Runs;
using Bosporos.Kernel;

namespace Bosporos.Bench;

/// <summary>
/// Monte Carlo throughput: 2,000 runs through <see cref="MonteCarloRunner"/> with 1 and 2 worker threads. Mean is
/// per run (OperationsPerInvoke), so runs per second for the batch is 1 / Mean.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmark
{
    public const int Runs = 2_000;

    private MonteCarloRunner runner = null!;
    private readonly HashSink sink = new();

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => runner = new MonteCarloRunner(BenchScenario.Load(), Threads);

    [Benchmark(OperationsPerInvoke = Runs, Description = "mc, 2,000 runs")]
    public ulong Batch()
    {
        runner.Run(626, 0, Runs, sink);
        return sink.Value;
    }

    /// <summary>Folds state hashes so the runs cannot be optimised away; allocates nothing.</summary>
    private sealed class HashSink : IRunSink
    {
        public ulong Value { get; private set; }

        public void Accept(long index, ulong seed, in SiegeSummary summary) => Value ^= summary.StateHash + (ulong)index;
    }
}
