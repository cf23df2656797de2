using Bosporos.Analysis.Runs;
using Bosporos.Kernel;

namespace Bosporos.Web.Experiments;

/// <summary>Runs one variant of an experiment: run k uses seed <c>SplitMix64.Derive(masterSeed, k)</c>.</summary>
public interface IBatchRunner
{
    /// <summary>Runs <paramref name="runs"/> sieges, calling <paramref name="done"/> once per run in run order.</summary>
    void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken);
}

/// <summary>
/// The Monte Carlo runner of Bosporos.Analysis on up to two threads (the site must stay responsive while batches
/// run); its results do not depend on the thread count.
/// </summary>
internal sealed class AnalysisBatchRunner : IBatchRunner
{
    public void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken)
    {
        var runner = new MonteCarloRunner(definition, Math.Clamp(Environment.ProcessorCount, 1, 2));
        runner.Run(masterSeed, 0, runs, new Sink(done), null, cancellationToken);
    }

    private sealed class Sink(Action<int, SiegeSummary> done) : IRunSink
    {
        public void Accept(long index, ulong seed, in SiegeSummary summary) => done((int)index, summary);
    }
}
