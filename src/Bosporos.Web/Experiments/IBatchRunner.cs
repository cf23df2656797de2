using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Web.Experiments;

/// <summary>Runs one variant of an experiment: run k uses seed <c>SplitMix64.Derive(masterSeed, k)</c>.</summary>
public interface IBatchRunner
{
    /// <summary>Runs <paramref name="runs"/> sieges, calling <paramref name="done"/> once per run in run order.</summary>
    void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken);
}

/// <summary>
/// A plain loop over one reused <see cref="Simulation"/>. Stands in for the Monte Carlo runner of
/// Bosporos.Analysis/Runs until that lands; both seed run k the same way, so results will not change.
/// </summary>
internal sealed class KernelBatchRunner : IBatchRunner
{
    public void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var sim = Simulation.Create(definition, SplitMix64.Derive(masterSeed, 0));
        for (var k = 0; k < runs; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (k > 0)
            {
                sim.Reset(SplitMix64.Derive(masterSeed, (ulong)k));
            }

            done(k, sim.RunToEnd());
        }
    }
}
