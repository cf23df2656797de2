using Bosporos.Analysis.Runs;
using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Time;

namespace Bosporos.Analysis.Tests.Runs;

public class RunDigestTests
{
    private static readonly SiegeSummary Sample = new(
        Outcome.Lifted, EndCause.HostStarving, new SimTime(240), 8, 0, 1200, 300, 100, 40, 2, 1, 500, 2000, 0, 850, true, false, 0xDEADBEEFUL);

    private static string DigestOf(params (long Index, ulong Seed, SiegeSummary Summary)[] runs)
    {
        using var d = new RunDigest();
        foreach (var (i, s, summary) in runs)
        {
            d.Accept(i, s, summary);
        }

        return d.Hex();
    }

    [Fact]
    public void Digest_is_lowercase_hex_sha256() =>
        Assert.Matches("^[0-9a-f]{64}$", DigestOf((0, 1, Sample)));

    [Fact]
    public void Empty_digest_is_sha256_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DigestOf());

    [Fact]
    public void Digest_depends_on_order_index_seed_and_every_field()
    {
        var baseline = DigestOf((0, 1, Sample), (1, 2, Sample with { Outcome = Outcome.Fallen }));
        Assert.NotEqual(baseline, DigestOf((1, 2, Sample with { Outcome = Outcome.Fallen }), (0, 1, Sample)));
        Assert.NotEqual(baseline, DigestOf((0, 1, Sample), (2, 2, Sample with { Outcome = Outcome.Fallen })));
        Assert.NotEqual(baseline, DigestOf((0, 3, Sample), (1, 2, Sample with { Outcome = Outcome.Fallen })));
        var variants = new[]
        {
            Sample with { Cause = EndCause.Ordered }, Sample with { End = new SimTime(241) }, Sample with { CloseSiegeDays = 9 },
            Sample with { PersiansFerried = 1 }, Sample with { AssaultAttackerLosses = 1 }, Sample with { AssaultDefenderLosses = 1 },
            Sample with { CanoesLaunched = 1 }, Sample with { CanoesLost = 1 }, Sample with { EnginesLost = 3 }, Sample with { TowersBurned = 2 },
            Sample with { RomanLosses = 1 }, Sample with { HostLosses = 1 }, Sample with { PersianLosses = 1 },
            Sample with { MinWallIntegrityPermille = 1 }, Sample with { EnvoysCaught = false }, Sample with { SignalLearned = true },
            Sample with { StateHash = 1 },
        };
        var digests = variants.Select(v => DigestOf((0, 1, v))).Append(DigestOf((0, 1, Sample))).ToList();
        Assert.Equal(digests.Count, digests.Distinct().Count());
    }

    [Fact]
    public void Batch_digest_is_the_same_for_one_and_two_threads()
    {
        string Batch(int threads)
        {
            using var stats = new BatchStatistics();
            new MonteCarloRunner(TestSieges.Small(), threads).Run(11, 0, 250, stats);
            return stats.Report().Digest;
        }

        Assert.Equal(Batch(1), Batch(2));
    }
}
