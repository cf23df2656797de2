using Bosporos.Analysis.Runs;
using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Analysis.Tests.Runs;

public class MonteCarloRunnerTests
{
    private sealed class Recorder : IRunSink
    {
        public List<(long Index, ulong Seed, SiegeSummary Summary)> Runs { get; } = [];

        public Action<long>? OnAccept { get; init; }

        public void Accept(long index, ulong seed, in SiegeSummary summary)
        {
            Runs.Add((index, seed, summary));
            OnAccept?.Invoke(index);
        }
    }

    private static List<(long Index, ulong Seed, SiegeSummary Summary)> Collect(int threads, ulong seed, long first, long count)
    {
        var runner = new MonteCarloRunner(TestSieges.Small(), threads);
        var sink = new Recorder();
        Assert.Equal(count, runner.Run(seed, first, count, sink));
        return sink.Runs;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sink_sees_every_index_once_in_order_with_derived_seeds(int threads)
    {
        var runs = Collect(threads, 42, 10, 300);
        Assert.Equal(Enumerable.Range(10, 300).Select(i => (long)i), runs.Select(r => r.Index));
        Assert.All(runs, r => Assert.Equal(SplitMix64.Derive(42, (ulong)r.Index), r.Seed));
    }

    [Fact]
    public void Summaries_are_identical_for_one_two_and_three_threads()
    {
        var one = Collect(1, 7, 0, 200);
        Assert.Equal(one, Collect(2, 7, 0, 200));
        Assert.Equal(one, Collect(3, 7, 0, 200));
    }

    [Fact]
    public void Different_seeds_give_different_runs()
    {
        // Guards the tests above against passing vacuously on a siege in which the dice change nothing.
        var runs = Collect(2, 7, 0, 100);
        Assert.True(runs.Select(r => r.Summary.StateHash).Distinct().Count() > 1);
    }

    [Fact]
    public void Each_run_equals_a_fresh_simulation_with_its_seed()
    {
        var runs = Collect(2, 99, 5, 20);
        foreach (var (index, seed, summary) in runs)
        {
            var fresh = Simulation.Create(TestSieges.Small(), SplitMix64.Derive(99, (ulong)index)).RunToEnd();
            Assert.Equal(fresh, summary);
            Assert.Equal(SplitMix64.Derive(99, (ulong)index), seed);
        }
    }

    [Fact]
    public void Two_ranges_concatenated_equal_one_range()
    {
        var whole = Collect(2, 5, 0, 150);
        var split = Collect(2, 5, 0, 70).Concat(Collect(1, 5, 70, 80)).ToList();
        Assert.Equal(whole, split);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Cancellation_stops_after_a_contiguous_prefix(int threads)
    {
        using var cts = new CancellationTokenSource();
        var sink = new Recorder { OnAccept = i => { if (i == 9) { cts.Cancel(); } } };
        var done = new MonteCarloRunner(TestSieges.Small(), threads).Run(1, 0, 100_000, sink, null, cts.Token);
        Assert.InRange(done, 10, 100_000 - 1);
        Assert.Equal(done, sink.Runs.Count);
        Assert.Equal(Enumerable.Range(0, (int)done).Select(i => (long)i), sink.Runs.Select(r => r.Index));
    }

    [Fact]
    public void Progress_ends_at_the_total()
    {
        var reports = new List<RunProgress>();
        new MonteCarloRunner(TestSieges.Small(), 2).Run(3, 0, 300, new Recorder(), new SyncProgress(reports.Add));
        Assert.Equal(new RunProgress(300, 300), reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Completed <= p.Second.Completed));
    }

    [Fact]
    public void A_failing_sink_surfaces_its_exception_and_releases_the_workers()
    {
        var sink = new Recorder { OnAccept = i => throw new InvalidDataException("sink broke") };
        Assert.Throws<InvalidDataException>(() => new MonteCarloRunner(TestSieges.Small(), 2).Run(1, 0, 500, sink));
    }

    private sealed class CountingSink : IRunSink
    {
        public ulong Folded { get; private set; }

        public void Accept(long index, ulong seed, in SiegeSummary summary) => Folded ^= summary.StateHash;
    }

    [Fact]
    public void A_single_thread_batch_allocates_nothing_per_run()
    {
        var runner = new MonteCarloRunner(TestSieges.Small(), 1);
        var sink = new CountingSink();
        runner.Run(3, 0, 50, sink); // first pass: event logs grow to their working size
        var before = GC.GetAllocatedBytesForCurrentThread();
        runner.Run(3, 0, 50, sink);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloRunner(TestSieges.Small(), 0));
        var runner = new MonteCarloRunner(TestSieges.Small(), 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(1, -1, 5, new Recorder()));
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(1, 0, -5, new Recorder()));
    }

    private sealed class SyncProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
