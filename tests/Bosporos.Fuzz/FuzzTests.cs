using Xunit.Abstractions;

namespace Bosporos.Fuzz;

/// <summary>
/// A short fuzz on every test run: the committed seeds as they are, then seeded mutants for about ten seconds per
/// loader. Any exception or broken promise fails the test and names the input (docs/reliability.md has the long runs).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("scenario")]
    [InlineData("experiment")]
    public void A_short_fuzz_finds_no_crash(string which)
    {
        var target = Fuzzing.Targets(which).Single();
        var seeds = Fuzzing.Seeds(target);
        Assert.NotEmpty(seeds);
        var report = Campaign.Run(target, seeds, seed: 2026, maxExecutions: 200_000, maxTime: TimeSpan.FromSeconds(10), findings: null);
        output.WriteLine(report.ToString());
        Assert.True(report.Executions >= seeds.Count, "not even the seeds ran");
        Assert.True(report.Crashes.Count == 0, string.Join("\n", report.Crashes.Select(c =>
            $"{c.Signature} ({c.Hits} hits): {c.Message}\ninput: {System.Text.Encoding.UTF8.GetString(c.Input)[..Math.Min(400, c.Input.Length)]}\n--set: {string.Join(" ", c.Overrides)}")));
    }

    [Fact]
    public void The_campaign_finds_a_crash_the_mutations_can_reach()
    {
        // A stand-in for the loader before numbers were range-checked: it scales every number it reads by 10,000.
        var report = Campaign.Run(new ScalingTarget(), [System.Text.Encoding.UTF8.GetBytes("combat:\n  darkness: 0.3\n")], seed: 1, maxExecutions: 20_000, maxTime: TimeSpan.FromSeconds(10), findings: null);
        var crash = Assert.Single(report.Crashes);
        Assert.StartsWith("OverflowException", crash.Signature, StringComparison.Ordinal);
        Assert.True(crash.Hits >= 1);
    }

    [Fact]
    public void The_mutator_is_deterministic()
    {
        byte[] input = "format: 1\nid: x\n"u8.ToArray();
        var a = new Mutator(7);
        var b = new Mutator(7);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.Mutate(input, [input], 1000), b.Mutate(input, [input], 1000));
        }
    }

    private sealed class ScalingTarget : FuzzTarget
    {
        public override string Name => "scaling";

        public override int MaxInput => 4096;

        public override void Run(byte[] input, IReadOnlyList<Scenarios.ScenarioOverride> overrides)
        {
            var text = System.Text.Encoding.UTF8.GetString(input);
            foreach (var word in text.Split([' ', '\n', ',', '[', ']', '{', '}']))
            {
                if (decimal.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
                {
                    _ = checked(d * 10_000);
                }
            }
        }
    }
}
