using System.Text.RegularExpressions;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Reports;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Experiments;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.Analysis.War;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.Tests.War;

/// <summary>The HTML report of a war experiment: the war's outcomes, events, dates, paired comparison and design sections.</summary>
public sealed partial class WarReportTests
{
    private static string War => ShippedExperimentTests.RepoFile("scenarios", "war-622-628.yaml");

    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs a small war experiment in memory: its plan, model, manifest and rows.</summary>
    private static (RunPlan Plan, WarModel Model, ExperimentManifest Manifest, IReadOnlyList<RunRecord> Rows) Run(TempDir dir, string body)
    {
        var path = dir.File("war.yaml");
        File.WriteAllText(path, $"format: 1\nid: war-report\nscenario: {War}\nmaster-seed: 628\n{body}");
        var loaded = ExperimentLoader.LoadFile(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var diagnostics = new List<Scenarios.Validation.Diagnostic>();
        var model = Assert.IsType<WarModel>(ScenarioSiegeModel.Open(loaded.Experiment!, diagnostics));
        var plan = RunPlan.Build(loaded.Experiment!, model, diagnostics);
        Assert.True(plan is not null, string.Join("\n", diagnostics));
        var store = new MemoryResultStore();
        var outcome = ExperimentRunner.Run(plan, model, store, new RunOptions { Threads = 2 });
        Assert.True(outcome.Diagnostics.Count == 0, string.Join("\n", outcome.Diagnostics));
        return (plan, model, store.ReadManifest()!, store.ReadAll().ToList());
    }

    private const string Paired = """
        runs: 8
        batch: 4
        mode: paired
        variants:
          - name: no-split
            description: Heraclius keeps his army together
            set: { heraclius.split: false }
          - name: no-invasion
            set: { heraclius.invade: false }
        """;

    [Fact]
    public void A_paired_war_report_gives_the_wars_tables_and_charts_with_the_numbers_of_the_text_report()
    {
        using var dir = new TempDir();
        var (plan, model, manifest, rows) = Run(dir, Paired);
        var sections = WarReportSections.Build(plan, model, rows);
        var result = ReportWriter.Write(manifest, rows, sections, dir.File("report"), ReportBody.SectionsOnly, new FixedClock(Now));
        var html = File.ReadAllText(result.IndexPath);

        foreach (var title in new[] { "War outcomes", "Events of the war", "When Khosrow falls and when the peace is made", "Paired changes from the baseline",
                     "Paired comparison: no-split against the baseline", "Paired comparison: no-invasion against the baseline" })
        {
            Assert.Contains($"<h2>{title}</h2>", html, StringComparison.Ordinal);
        }

        // The war's own charts, inline and beside the page; none of the siege's.
        var charts = new[] { "war-outcomes", "war-events", "khosrow-fall-dates", "peace-dates", "war-differences" };
        Assert.Equal(charts.Length, Regex.Count(html, "<svg[ >]"));
        foreach (var chart in charts)
        {
            Assert.Contains($"id=\"chart-{chart}\"", html, StringComparison.Ordinal);
            Assert.True(File.Exists(dir.File($"report/{chart}.png")), chart);
            Assert.True(File.Exists(dir.File($"report/{chart}.svg")), chart);
        }

        Assert.DoesNotContain("close-siege-days", html, StringComparison.Ordinal);
        Assert.DoesNotContain("How long the siege lasted", html, StringComparison.Ordinal);

        // Provenance.
        Assert.Contains(ExperimentDigest.Compute(rows), html, StringComparison.Ordinal);
        Assert.Contains(manifest.ScenarioHash, html, StringComparison.Ordinal);
        Assert.Contains(manifest.EngineVersion, html, StringComparison.Ordinal);
        Assert.Contains("<dd>628</dd>", html, StringComparison.Ordinal);

        // Every line of the text report's comparison is a row of the variant's table, with the same numbers.
        var report = WarComparison.Analyze(plan.Experiment, model.ScenarioId, rows);
        var text = new StringWriter();
        WarComparison.WriteText(report, text);
        foreach (var c in report.Comparisons)
        {
            var table = TableAfter(html, $"<h2>Paired comparison: {c.Variant} against the baseline</h2>");
            var lines = Block(text.ToString(), c.Variant + " vs baseline");
            Assert.Equal(c.Outcomes.Count + c.Shares.Count + c.Quantities.Count, lines.Count);
            foreach (var line in lines)
            {
                var m = TextLine().Match(line);
                Assert.True(m.Success, line);
                var name = m.Groups["name"].Value;
                var cells = table.First(r => r[0] == name || r[0] == "mean " + name);
                if (cells[0] == name)
                {
                    Assert.StartsWith(m.Groups["base"].Value + " [", cells[2], StringComparison.Ordinal);
                    Assert.StartsWith(m.Groups["variant"].Value + " [", cells[3], StringComparison.Ordinal);
                }
                else
                {
                    Assert.StartsWith(m.Groups["base"].Value, cells[2], StringComparison.Ordinal);
                    Assert.StartsWith(m.Groups["variant"].Value, cells[3], StringComparison.Ordinal);
                }

                Assert.Equal(m.Groups["difference"].Value, cells[4]);
            }
        }

        // Without the split Theodore has no army: his share falls by 100 points in every pair.
        var theodore = TableAfter(html, "<h2>Paired comparison: no-split against the baseline</h2>").First(r => r[0] == "theodore-won");
        Assert.Equal("-100.0 [-100.0, -100.0]", theodore[4]);
    }

    [Fact]
    public void The_same_store_gives_the_same_bytes()
    {
        using var dir = new TempDir();
        var (plan, model, manifest, rows) = Run(dir, Paired);
        var first = ReportWriter.Write(manifest, rows, WarReportSections.Build(plan, model, rows), dir.File("a"), ReportBody.SectionsOnly, new FixedClock(Now));
        var second = ReportWriter.Write(manifest, rows, WarReportSections.Build(plan, model, rows), dir.File("b"), ReportBody.SectionsOnly, new FixedClock(Now));
        Assert.Equal(File.ReadAllBytes(first.IndexPath), File.ReadAllBytes(second.IndexPath));
        foreach (var name in new[] { "war-outcomes", "khosrow-fall-dates", "war-differences" })
        {
            Assert.Equal(File.ReadAllBytes(dir.File($"a/{name}.svg")), File.ReadAllBytes(dir.File($"b/{name}.svg")));
            Assert.Equal(File.ReadAllBytes(dir.File($"a/{name}.png")), File.ReadAllBytes(dir.File($"b/{name}.png")));
        }
    }

    [Fact]
    public void A_morris_war_report_gives_the_tornado_and_ranking_of_each_war_output()
    {
        using var dir = new TempDir();
        var (plan, model, manifest, rows) = Run(dir, """
            mode: morris
            batch: 8
            morris: { trajectories: 2, levels: 4, seeds-per-point: 1 }
            parameters: [armies.heraclius.strength, battle.lethality]
            outputs: [khosrow-fell, khosrow-fall-day]
            """);
        var sections = WarReportSections.Build(plan, model, rows);
        Assert.Equal(2, sections.OfType<TornadoSection>().Count());
        var html = File.ReadAllText(ReportWriter.Write(manifest, rows, sections, dir.File("report"), ReportBody.SectionsOnly, new FixedClock(Now)).IndexPath);
        foreach (var output in new[] { "khosrow-fell", "khosrow-fall-day" })
        {
            Assert.Contains($"<h2>Tornado (morris): baseline, {output}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"<h2>Ranking (morris): baseline, {output}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>armies.heraclius.strength</td>", html, StringComparison.Ordinal);
        Assert.Contains("Over every run of the design", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Paired comparison", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "war-outcomes", "war-events", "khosrow-fall-dates", "peace-dates", "tornado", "tornado-2" })
        {
            Assert.True(File.Exists(dir.File($"report/{chart}.svg")), chart);
        }
    }

    [Fact]
    public void An_uncertainty_war_report_tabulates_the_war_outputs()
    {
        using var dir = new TempDir();
        var (plan, model, manifest, rows) = Run(dir, """
            mode: uncertainty
            uncertainty: { draws: 2, seeds-per-draw: 2 }
            parameters: [armies.heraclius.strength]
            outputs: [peace, roman-losses]
            """);
        var html = File.ReadAllText(ReportWriter.Write(manifest, rows, WarReportSections.Build(plan, model, rows), dir.File("report"), ReportBody.SectionsOnly, new FixedClock(Now)).IndexPath);
        var table = TableAfter(html, "<h2>Uncertainty: baseline</h2>");
        Assert.Equal(["peace", "roman-losses"], table.Select(r => r[0]).ToArray());
    }

    [Fact]
    public void Dates_are_julian_calendar_dates_of_the_scenarios_days()
    {
        var start = new JulianDate(622, 4, 5);
        var fall = new JulianDate(628, 2, 25).DayNumber - start.DayNumber;
        Assert.Equal("25 Feb 628", WarReportSections.Date(start, fall));
        Assert.Equal("5 Apr 622", WarReportSections.Date(start, 0));
        Assert.Equal("29 Feb 628", WarReportSections.Date(start, fall + 4)); // 628 is a Julian leap year

        var (positions, labels) = Bosporos.Analysis.Plots.Charts.MonthTicks(fall - 60, fall + 60, start.DayNumber);
        Assert.Equal(["Jan 628", "Feb 628", "Mar 628", "Apr 628"], labels);
        Assert.Equal(new JulianDate(628, 1, 1).DayNumber - start.DayNumber, positions[0]);
        var (_, yearly) = Bosporos.Analysis.Plots.Charts.MonthTicks(0, 2828, start.DayNumber);
        Assert.True(yearly.Length <= 9, string.Join(", ", yearly));
        Assert.Equal("Jan 623", yearly[0]);
    }

    [Fact]
    public void A_report_refuses_two_charts_of_one_name()
    {
        using var dir = new TempDir();
        var (plan, model, manifest, rows) = Run(dir, "runs: 1\nmode: paired\n");
        var sections = WarReportSections.Build(plan, model, rows);
        var error = Assert.Throws<ArgumentException>(() => ReportWriter.Write(manifest, rows, [.. sections, .. sections], dir.File("report"), ReportBody.SectionsOnly));
        Assert.Contains("two charts of the report are named 'war-outcomes'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The body rows of the first table after <paramref name="marker"/>, as cell texts (HTML-decoded).</summary>
    private static List<string[]> TableAfter(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, marker);
        var body = html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        var rows = RowPattern().Matches(body).Select(r => CellPattern().Matches(r.Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray());
        return [.. rows.Where(cells => cells.Length > 0)]; // the header row has th cells only
    }

    /// <summary>The measure lines of one variant's block of the text report (its two header lines left out).</summary>
    private static List<string> Block(string text, string header)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(at >= 0, header);
        return [.. lines.Skip(at + 1).TakeWhile(l => l.Length > 0).Where(l => !l.StartsWith("  share of runs", StringComparison.Ordinal) && !l.StartsWith("  mean ", StringComparison.Ordinal))];
    }

    [GeneratedRegex(@"^\s+(?<name>\S+)\s+(?<base>\S+)\s+(?<variant>\S+)\s{2}(?<difference>.+)$")]
    private static partial Regex TextLine();

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
