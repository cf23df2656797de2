using System.Xml.Linq;
using Bosporos.Analysis.Plots;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Plots;

public class ChartTests
{
    private static readonly IReadOnlyList<RunRecord> Rows =
        SyntheticRuns.Rows(SyntheticRuns.Manifest(400, ["baseline", "no-signal", "early-fleet"])).ToList();

    public static TheoryData<string> ChartNames => new() { "outcome-shares", "close-siege-days", "survival", "losses", "tornado" };

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Each_chart_renders_valid_svg_and_a_png(string name)
    {
        var chart = Render(name);
        Assert.Equal(name, chart.Name);
        var svg = XDocument.Parse(chart.Svg);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png.Take(4));
        var keep = Environment.GetEnvironmentVariable("BOSPOROS_PLOT_DIR");
        if (!string.IsNullOrEmpty(keep))
        {
            Directory.CreateDirectory(keep);
            chart.Save(keep);
        }
    }

    [Fact]
    public void Outcome_chart_labels_variants_outcomes_and_title()
    {
        var text = SvgText(Charts.OutcomeShares(Rows));
        Assert.Contains("Outcome share per variant (95 % Wilson intervals)", text);
        foreach (var label in new[] { "baseline", "no-signal", "early-fleet", "lifted", "fallen", "negotiated", "undecided", "share of runs" })
        {
            Assert.Contains(label, text);
        }
    }

    [Fact]
    public void Survival_and_histogram_charts_name_their_axes_and_variants()
    {
        var survival = SvgText(Charts.Survival(Rows));
        Assert.Contains("day of the siege", survival);
        Assert.Contains("share of runs still under siege", survival);
        Assert.Contains("early-fleet", survival);
        var days = SvgText(Charts.CloseSiegeDays(Rows));
        Assert.Contains("days of close siege", days);
        Assert.Contains("no-signal", days);
    }

    [Fact]
    public void Losses_chart_names_the_sides()
    {
        var text = SvgText(Charts.Losses(Rows));
        Assert.Contains("Roman losses", text);
        Assert.Contains("Avar host losses", text);
        Assert.Contains("Persian losses", text);
    }

    [Fact]
    public void Tornado_lists_parameters_widest_swing_first()
    {
        var chart = Charts.Tornado(Tornado());
        var text = SvgText(chart);
        var order = new[] { "combat.defender-lethality", "naval.signal-risk", "supply.host-daily-need" }
            .Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        // ScottPlot draws tick labels bottom-up; the widest swing sits at the top, so it is drawn last.
        Assert.True(order[0] > order[1] && order[1] > order[2], string.Join(",", order));
    }

    [Fact]
    public void Tornado_of_nothing_still_renders()
    {
        var chart = Charts.Tornado([]);
        Assert.NotEmpty(chart.Png);
    }

    [Fact]
    public void Charts_of_an_empty_run_set_render()
    {
        Assert.NotEmpty(Charts.OutcomeShares([]).Png);
        Assert.NotEmpty(Charts.Survival([]).Png);
        Assert.NotEmpty(Charts.CloseSiegeDays([]).Png);
        Assert.NotEmpty(Charts.Losses([]).Png);
    }

    [Fact]
    public void Wilson_interval_matches_published_values()
    {
        // Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 -> 0.2553 to 0.3662.
        var (share, low, high) = RunSummaries.Wilson(81, 263);
        Assert.Equal(81 / 263.0, share, 12);
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
        var (_, zeroLow, zeroHigh) = RunSummaries.Wilson(0, 10);
        Assert.Equal(0, zeroLow);
        Assert.Equal(0.2775, zeroHigh, 4);
        Assert.True(double.IsNaN(RunSummaries.Wilson(0, 0).Share));
    }

    [Fact]
    public void Outcome_shares_count_runs_per_variant()
    {
        var shares = RunSummaries.OutcomeShares(Rows);
        foreach (var variant in new[] { "baseline", "no-signal", "early-fleet" })
        {
            var mine = shares.Where(s => s.Variant == variant).ToList();
            Assert.Equal(400, mine.Sum(s => s.Count));
            Assert.Equal(1.0, mine.Sum(s => s.Share), 12);
            foreach (var s in mine)
            {
                Assert.Equal(Rows.Count(r => r.Variant == variant && r.Outcome == s.Category), s.Count);
                Assert.InRange(s.Share, s.Low, s.High);
            }
        }
    }

    [Fact]
    public void Survival_is_the_share_of_runs_ending_after_each_day()
    {
        var rows = new[] { 10, 24, 25, 100 }.Select((end, i) => SyntheticRuns.Row("v", i) with { Variant = "v", EndHour = end }).ToList();
        var curve = RunSummaries.Survival(rows, "v");
        Assert.Equal([1.0, 0.5, 0.25, 0.25, 0.25, 0.0], curve.Select(p => p.Value));
        Assert.Equal(Enumerable.Range(0, 6), curve.Select(p => p.Day));
    }

    [Fact]
    public void Close_siege_histogram_sums_to_one()
    {
        var points = RunSummaries.CloseSiegeDayShares(Rows, "baseline");
        Assert.Equal(1.0, points.Sum(p => p.Value), 12);
        var most = Rows.Where(r => r.Variant == "baseline").Max(r => r.CloseSiegeDays);
        Assert.Equal(most, points[^1].Day);
    }

    [Fact]
    public void Loss_means_are_exact_and_intervals_cover_them()
    {
        var rows = new[] { 100, 200, 300 }.Select((loss, i) => SyntheticRuns.Row("v", i) with { Variant = "v", RomanLosses = loss }).ToList();
        var roman = RunSummaries.Losses(rows).Single(e => e.Quantity == "Roman losses");
        Assert.Equal(200, roman.Mean);
        Assert.Equal(200 - (1.959963984540054 * 100 / Math.Sqrt(3)), roman.Low, 9);
    }

    internal static IReadOnlyList<TornadoEffect> Tornado() =>
    [
        new("supply.host-daily-need", -0.02, 0.03),
        new("combat.defender-lethality", -0.12, 0.09),
        new("naval.signal-risk", 0.08, -0.05),
    ];

    private static ChartImage Render(string name) => name switch
    {
        "outcome-shares" => Charts.OutcomeShares(Rows),
        "close-siege-days" => Charts.CloseSiegeDays(Rows),
        "survival" => Charts.Survival(Rows),
        "losses" => Charts.Losses(Rows),
        "tornado" => Charts.Tornado(Tornado()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>All text drawn in an SVG (text elements' content), joined by newlines.</summary>
    internal static string SvgText(ChartImage chart)
    {
        var svg = XDocument.Parse(chart.Svg);
        return string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }

    public static TheoryData<string> LegendCharts => new() { "outcome-shares", "close-siege-days", "survival", "losses" };

    [Theory]
    [MemberData(nameof(LegendCharts))]
    public void Legends_sit_beside_the_data_not_on_it(string name)
    {
        var plot = name switch
        {
            "outcome-shares" => Charts.OutcomeSharesPlot(Rows),
            "close-siege-days" => Charts.CloseSiegeDaysPlot(Rows),
            "survival" => Charts.SurvivalPlot(Rows),
            _ => Charts.LossesPlot(Rows),
        };
        plot.GetImageBytes(Charts.Width, Charts.Height, ScottPlot.ImageFormat.Png);
        Assert.False(plot.Legend.IsVisible, "a legend inside the data area");
        Assert.Contains(plot.Axes.GetPanels(), p => p is ScottPlot.Panels.LegendPanel);
    }

    [Fact]
    public void Survival_days_start_at_day_0()
    {
        var plot = Charts.SurvivalPlot(Rows);
        plot.GetImageBytes(Charts.Width, Charts.Height, ScottPlot.ImageFormat.Png);
        Assert.Equal(0, plot.Axes.GetLimits().Left);
    }

    [Fact]
    public void Coinciding_curves_stay_visible()
    {
        // Two variants with identical rows draw identical curves: the one underneath must still show.
        var twins = Rows.Where(r => r.Variant == "baseline").SelectMany(r => new[] { r, r with { Variant = "twin" } }).ToList();
        foreach (var plot in new[] { Charts.SurvivalPlot(twins, ["baseline", "twin"]), Charts.CloseSiegeDaysPlot(twins, ["baseline", "twin"]) })
        {
            var lines = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
            Assert.Equal(2, lines.Count);
            Assert.True(lines[0].LineWidth > lines[1].LineWidth, "the curve drawn first must be wider than the one over it");
            Assert.NotEqual(lines[0].LinePattern, lines[1].LinePattern);
        }
    }
}
