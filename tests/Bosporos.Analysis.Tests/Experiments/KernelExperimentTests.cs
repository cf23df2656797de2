using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Tests.Experiments;

/// <summary>The engine on the real kernel and the shipped scenario (small run counts: this is about plumbing).</summary>
public sealed class KernelExperimentTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "bosporos-kernel-exp-" + Guid.NewGuid().ToString("N"));

    public KernelExperimentTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Experiment(string body)
    {
        var scenario = ShippedExperimentTests.RepoFile("scenarios", "constantinople-626.yaml");
        var path = Path.Combine(dir, "exp.yaml");
        File.WriteAllText(path, $"id: kernel-check\nscenario: {scenario}\nmaster-seed: 626\n{body}");
        return path;
    }

    [Fact]
    public void Paired_runs_on_the_kernel_give_the_same_digest_on_one_and_two_threads()
    {
        var path = Experiment("""
            runs: 24
            batch: 10
            record: { divergence-pairs: 2, agreeing-pairs: 1 }
            variants:
              - name: blachernae-walled
                set: { wall-sectors.3.inner-wall: true }
              - name: avar-supplies-doubled
                set: { supply.forage-pool-man-days: 1800000, contingents.slav-infantry.ration-days: 24 }
            """);
        var digests = new List<string>();
        foreach (var threads in new[] { 1, 2 })
        {
            var store = new MemoryResultStore();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = new ExperimentCommands(_ => store).Run(new ExperimentRunArguments(path, "mem") { Threads = threads }, stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.Equal(3 * 24, store.ReadAll().Count());
            Assert.Contains("Where baseline and blachernae-walled part", stdout.ToString(), StringComparison.Ordinal);
            digests.Add(ExperimentDigest.Compute(store.ReadAll()));

            // The Monte Carlo runner's records equal a single simulation run with the same seed.
            var diagnostics = new List<Scenarios.Validation.Diagnostic>();
            var e = ExperimentLoader.LoadFile(path).Experiment!;
            var model = ScenarioSiegeModel.Open(e, diagnostics)!;
            var plan = RunPlan.Build(e, model, diagnostics)!;
            var single = new RunExecutor(plan, model, 1).CreateRun(1, 0);
            foreach (var r in store.ReadAll().Where(r => r.Variant == "blachernae-walled" && r.RunIndex % 7 == 3))
            {
                Assert.Equal(r.StateHash, single.Run(plan.SeedOf(r.RunIndex)).StateHash);
            }
        }

        Assert.Equal(digests[0], digests[1]);
    }

    [Fact]
    public void A_morris_screen_on_the_kernel_runs_and_ranks_the_listed_numbers()
    {
        var path = Experiment("""
            mode: morris
            morris: { trajectories: 2, levels: 4, seeds-per-point: 2 }
            parameters: [contingents.field-troops.strength, flotillas.roman-galleys.hulls]
            outputs: [lifted, close-siege-days]
            """);
        var store = new MemoryResultStore();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.True(new ExperimentCommands(_ => store).Run(new ExperimentRunArguments(path, "mem") { Threads = 2 }, stdout, stderr) == 0, stderr.ToString());
        Assert.Contains("which numbers decide it", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("contingents.field-troops.strength", stdout.ToString(), StringComparison.Ordinal);
        Assert.All(store.ReadAll(), r => Assert.Equal(2, r.Parameters.Count));
    }
}
