using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Runs;

/// <summary>Receives every run's summary, in run index order, on the thread that called the runner.</summary>
public interface IRunSink
{
    void Accept(long index, ulong seed, in SiegeSummary summary);
}

/// <summary>How far a batch has come: runs folded so far out of the batch's count.</summary>
public readonly record struct RunProgress(long Completed, long Total);

/// <summary>
/// Runs a contiguous range of Monte Carlo runs of one definition on a fixed number of threads. Run k is seeded with
/// <see cref="SplitMix64.Derive"/>(masterSeed, k) and its summary reaches the sink in index order, so the sink sees
/// the same sequence for any thread count. Each worker owns one <see cref="Simulation"/> for the runner's lifetime
/// and resets it between runs: a batch allocates nothing per run.
/// </summary>
public sealed class MonteCarloRunner
{
    private readonly Simulation[] simulations;

    public MonteCarloRunner(SiegeDefinition definition, int threads)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Definition = definition;
        simulations = new Simulation[threads];
        for (var i = 0; i < threads; i++)
        {
            simulations[i] = Simulation.Create(definition, 0);
        }
    }

    public SiegeDefinition Definition { get; }

    public int Threads => simulations.Length;

    /// <summary>The seed of run <paramref name="index"/> of a batch with master seed <paramref name="masterSeed"/>.</summary>
    public static ulong SeedOf(ulong masterSeed, long index) => SplitMix64.Derive(masterSeed, (ulong)index);

    /// <summary>
    /// Runs indices [first, first + count). Returns how many runs reached the sink: <paramref name="count"/> unless
    /// cancelled, in which case the sink has seen the runs first .. first + returned - 1 and nothing after them.
    /// Progress is reported from the calling thread after each block of runs.
    /// </summary>
    public long Run(
        ulong masterSeed,
        long first,
        long count,
        IRunSink sink,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (simulations.Length == 1)
        {
            return RunInline(masterSeed, first, count, sink, progress, cancellationToken);
        }

        using var batch = new Batch(this, masterSeed, first, count, sink, progress, cancellationToken);
        return batch.Run();
    }

    private long RunInline(ulong masterSeed, long first, long count, IRunSink sink, IProgress<RunProgress>? progress, CancellationToken token)
    {
        var sim = simulations[0];
        var block = BlockSize(1);
        for (long done = 0; done < count; done++)
        {
            if (token.IsCancellationRequested)
            {
                progress?.Report(new RunProgress(done, count));
                return done;
            }

            var index = first + done;
            var seed = SeedOf(masterSeed, index);
            sim.Reset(seed);
            var summary = sim.RunToEnd();
            sink.Accept(index, seed, summary);
            if ((done + 1) % block == 0 || done + 1 == count)
            {
                progress?.Report(new RunProgress(done + 1, count));
            }
        }

        if (count == 0)
        {
            progress?.Report(new RunProgress(0, 0));
        }

        return count;
    }

    private static int BlockSize(int threads) => 64 * threads;

    /// <summary>
    /// One multi-threaded batch: the runs are cut into blocks; in each block the workers claim indices one by one,
    /// write summaries into a shared buffer, and meet at a barrier; the calling thread then folds the block in order.
    /// </summary>
    private sealed class Batch : IDisposable
    {
        private readonly MonteCarloRunner owner;
        private readonly ulong masterSeed;
        private readonly long first;
        private readonly long count;
        private readonly IRunSink sink;
        private readonly IProgress<RunProgress>? progress;
        private readonly CancellationToken token;
        private readonly SiegeSummary[] summaries;
        private readonly bool[] finished;
        private readonly Barrier barrier;
        private long blockStart;
        private int blockLength;
        private int nextInBlock;
        private volatile bool stopping;
        private Exception? failure;

        public Batch(MonteCarloRunner owner, ulong masterSeed, long first, long count, IRunSink sink, IProgress<RunProgress>? progress, CancellationToken token)
        {
            this.owner = owner;
            this.masterSeed = masterSeed;
            this.first = first;
            this.count = count;
            this.sink = sink;
            this.progress = progress;
            this.token = token;
            var block = BlockSize(owner.Threads);
            summaries = new SiegeSummary[block];
            finished = new bool[block];
            barrier = new Barrier(owner.Threads + 1);
        }

        public long Run()
        {
            var workers = new Thread[owner.Threads];
            for (var w = 0; w < workers.Length; w++)
            {
                var sim = owner.simulations[w];
                workers[w] = new Thread(() => Work(sim)) { IsBackground = true, Name = $"bosporos-mc-{w}" };
                workers[w].Start();
            }

            long done = 0;
            try
            {
                while (done < count && !token.IsCancellationRequested)
                {
                    blockStart = done;
                    blockLength = (int)Math.Min(summaries.Length, count - done);
                    nextInBlock = -1;
                    Array.Clear(finished);
                    barrier.SignalAndWait(); // start the block
                    barrier.SignalAndWait(); // block finished (or cancelled)
                    if (failure is not null)
                    {
                        break;
                    }

                    for (var i = 0; i < blockLength && finished[i]; i++)
                    {
                        var index = first + done;
                        sink.Accept(index, SeedOf(masterSeed, index), summaries[i]);
                        done++;
                    }

                    progress?.Report(new RunProgress(done, count));
                }
            }
            finally
            {
                stopping = true;
                barrier.SignalAndWait(); // release workers waiting for a block
                foreach (var worker in workers)
                {
                    worker.Join();
                }
            }

            if (failure is not null)
            {
                throw new InvalidOperationException($"A Monte Carlo run failed: {failure.Message}", failure);
            }

            return done;
        }

        public void Dispose() => barrier.Dispose();

        private void Work(Simulation sim)
        {
            while (true)
            {
                barrier.SignalAndWait();
                if (stopping)
                {
                    return;
                }

                try
                {
                    int slot;
                    while (!token.IsCancellationRequested && failure is null && (slot = Interlocked.Increment(ref nextInBlock)) < blockLength)
                    {
                        var index = first + blockStart + slot;
                        sim.Reset(SeedOf(masterSeed, index));
                        summaries[slot] = sim.RunToEnd();
                        finished[slot] = true;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }

                barrier.SignalAndWait();
            }
        }
    }
}
