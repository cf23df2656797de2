using Bosporos.Analysis.Experiments;

namespace Bosporos.Analysis.Tests.Experiments;

/// <summary>The experiment's text report is written for people: summarised divergences, named fields, readable numbers.</summary>
public class ReportTextTests
{
    [Theory]
    [InlineData(2354.458, "2,354")]
    [InlineData(19979.14, "19,979")]
    [InlineData(12.345, "12.3")]
    [InlineData(2.945, "2.95")]
    public void Numbers_carry_the_digits_a_reader_can_use(double value, string expected) =>
        Assert.Equal(expected, value.ToString(ExperimentReportWriter.NumberFormat(value), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Pairs_that_part_alike_are_one_line()
    {
        const string BaselineEvent = "flotilla arrived (Roman biremes and triremes, at Lower Golden Horn): hulls 40";
        var pairs = Enumerable.Range(0, 25)
            .Select(k => new Divergence(k, (ulong)k, "lifted", k < 20 ? "fallen" : "lifted", 0, BaselineEvent, "procession held", $"Run {k} ..."))
            .Append(new Divergence(30, 30, "lifted", "lifted", 50, "assault repulsed", "assault repulsed (at Blachernae): men 10", "Run 30 ..."))
            .ToList();
        using var w = new StringWriter();
        ExperimentReportWriter.WriteDivergences([new DivergenceSection("no-fleet", pairs)], w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length <= 7, w.ToString());
        Assert.Contains("Where baseline and no-fleet part: 26 paired runs replayed, 20 ending differently", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("25 part on day 0, 00:00: in the baseline, flotilla arrived", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("the baseline ends lifted, no-fleet fallen in 20 (runs 0, 1, 2, 3, 4, ...); both end lifted in 5 (runs 20, 21, 22, 23, 24)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1 part on day 2, 02:00", StringComparison.Ordinal));
        Assert.DoesNotContain("Run 7", w.ToString(), StringComparison.Ordinal);
    }
}
