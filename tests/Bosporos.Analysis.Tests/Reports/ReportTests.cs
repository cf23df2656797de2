using System.Globalization;
using System.Text.RegularExpressions;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Plots;
using Bosporos.Analysis.Reports;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Plots;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Reports;

public partial class ReportTests
{
    private static readonly ExperimentManifest Manifest = SyntheticRuns.Manifest(300, ["baseline", "no-signal", "early-fleet"]) with
    {
        ExperimentText = "id: synthetic\nnote: <script>alert('x')</script> & more",
    };

    private static readonly List<RunRecord> Rows = SyntheticRuns.Rows(Manifest).ToList();

    private static readonly ReportSection[] Extras =
    [
        new TornadoSection("Sensitivity of the city's survival", ChartTests.Tornado()),
        new NarrativeSection("Where the runs parted", [
            new DivergenceNarrative("no-signal", 17, 1234567890123UL, "Day 38, 02:00: the Slav canoes launch without the fire signal.",
                ["Day 38: the Roman flotilla waits at the Golden Horn.", "Day 39: canoes lost: 214 <of 300>."]),
        ]),
        new TableSection("Calibration", ["Quantity", "Sources", "Model"], [["close siege (days)", "10", "9.6"]], "Against the sources"),
        new TextSection("Notes", ["Synthetic rows stand in for the engine & its results."]),
    ];

    [Fact]
    public void Report_is_one_self_contained_page_with_charts_beside_it()
    {
        using var dir = new TempDir();
        var result = ReportWriter.Write(Manifest, Rows, Extras, dir.File("report"));
        var html = File.ReadAllText(result.IndexPath);
        var keep = Environment.GetEnvironmentVariable("BOSPOROS_REPORT_DIR");
        if (!string.IsNullOrEmpty(keep))
        {
            ReportWriter.Write(Manifest, Rows, Extras, keep);
        }

        Assert.DoesNotMatch("<script|<link|<iframe|<img|@import", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(5, Regex.Count(html, "<svg[ >]"));
        foreach (var name in new[] { "outcome-shares", "close-siege-days", "survival", "losses", "tornado" })
        {
            Assert.True(File.Exists(dir.File($"report/{name}.png")), name);
            Assert.True(File.Exists(dir.File($"report/{name}.svg")), name);
            Assert.Contains($"href=\"{name}.png\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(10, result.ImagePaths.Count);
    }

    [Fact]
    public void Report_shows_the_run_set_identity_and_outcome_shares()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(ReportWriter.Write(Manifest, Rows, [], dir.Path).IndexPath);
        Assert.Contains(ExperimentDigest.Compute(Rows), html, StringComparison.Ordinal);
        Assert.Contains(Manifest.ScenarioHash, html, StringComparison.Ordinal);
        Assert.Contains(Manifest.EngineVersion, html, StringComparison.Ordinal);
        Assert.Contains("<dd>626</dd>", html, StringComparison.Ordinal);
        foreach (var share in RunSummaries.OutcomeShares(Rows))
        {
            var (low, high) = Percent.Bounds(share.Low, share.High);
            var cell = $"{Percent.Of(share.Share)} <span class=\"ci\">[{low}, {high}]";
            Assert.Contains(cell, html, StringComparison.Ordinal);
        }
        Assert.Contains("<th scope=\"row\">early-fleet</th>", html, StringComparison.Ordinal);
        Assert.Contains("Avar host losses (mean, 95 % interval)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tornado", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Extra_sections_appear_in_order_and_text_is_escaped()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(ReportWriter.Write(Manifest, Rows, Extras, dir.Path).IndexPath);
        var positions = new[] { "Sensitivity of the city", "Where the runs parted", "Calibration", "Notes" }
            .Select(t => html.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Day 38, 02:00: the Slav canoes launch without the fire signal.", html, StringComparison.Ordinal);
        Assert.Contains("canoes lost: 214 &lt;of 300&gt;.", html, StringComparison.Ordinal);
        Assert.Contains("(seed 1234567890123)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Against the sources</caption>", html, StringComparison.Ordinal);
        Assert.Contains("engine &amp; its results", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">combat.defender-lethality</th><td>-0.120</td><td>+0.090</td><td>+0.210</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_charts_do_not_share_element_ids()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(ReportWriter.Write(Manifest, Rows, Extras, dir.Path).IndexPath);
        var ids = IdPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (Match reference in UrlPattern().Matches(html))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void No_store_password_reaches_the_page()
    {
        using var dir = new TempDir();
        var manifest = Manifest with
        {
            ExperimentText = "id: synthetic\n# bosporos experiment run x.yaml --out postgres://bob:hunter2@db.example/runs\n# or Host=db;Username=bob;Password=hunter2;Database=runs\n",
        };
        var html = File.ReadAllText(ReportWriter.Write(manifest, Rows, [new TextSection("Store", ["postgres://bob:hunter2@db.example/runs?password=hunter2"])], dir.Path).IndexPath);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.Contains("postgres://bob:***@db.example/runs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unfinished_run_set_says_so()
    {
        using var dir = new TempDir();
        var half = Rows.Take(Rows.Count / 2).ToList();
        var html = File.ReadAllText(ReportWriter.Write(Manifest, half, [], dir.Path).IndexPath);
        Assert.Contains($"Unfinished: this run set holds {half.Count:N0} of the {Rows.Count:N0} runs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Unfinished", File.ReadAllText(ReportWriter.Write(Manifest, Rows, [], dir.File("whole")).IndexPath), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_run_set_still_gives_a_report()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(ReportWriter.Write(Manifest, [], null, dir.Path).IndexPath);
        Assert.Contains("holds no runs yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_directory_that_is_a_file_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("taken"), "x");
        var error = Assert.Throws<ExportException>(() => ReportWriter.Write(Manifest, Rows, [], dir.File("taken")));
        Assert.Contains("cannot create the report directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_type_is_refused()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ArgumentException>(() => ReportWriter.Write(Manifest, Rows, [new OddSection("odd")], dir.Path));
        Assert.Contains("unknown report section type OddSection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_svg_gets_a_view_box_and_loses_its_xml_declaration()
    {
        var svg = ReportWriter.InlineSvg(Charts.Survival(Rows));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 900 520\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Siege survival curve\"", svg, StringComparison.Ordinal);
    }

    private sealed record OddSection(string Title) : ReportSection(Title);

    [GeneratedRegex("\\sid=\"([^\"]+)\"")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlPattern();
}
