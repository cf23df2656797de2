using System.Globalization;
using System.Text.RegularExpressions;
using Bosporos.Analysis.Stores;
using ScottPlot;
using ScottPlot.Plottables;

namespace Bosporos.Analysis.Plots;

/// <summary>One rendered chart: the SVG text (for inline HTML) and the PNG bytes (for files and slides).</summary>
public sealed record ChartImage(string Name, string Title, string Svg, byte[] Png)
{
    /// <summary>Writes <c>{Name}.png</c> and <c>{Name}.svg</c> into <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        File.WriteAllBytes(Path.Combine(directory, Name + ".png"), Png);
        File.WriteAllText(Path.Combine(directory, Name + ".svg"), Svg);
    }
}

/// <summary>The effect of one uncertain parameter at its low and high value, relative to the baseline (0).</summary>
public sealed record TornadoEffect(string Parameter, double LowEffect, double HighEffect)
{
    public double Swing => Math.Abs(HighEffect - LowEffect);
}

/// <summary>Static charts of a run set with ScottPlot 5 (PNG and SVG), in one consistent style.</summary>
public static partial class Charts
{
    public const int Width = 900;
    public const int Height = 520;
    public const string FontName = "DejaVu Sans";

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#9467bd"), Color.FromHex("#ff7f0e"), Color.FromHex("#17becf"), Color.FromHex("#8c564b"),
    ];

    private static readonly Dictionary<string, Color> OutcomeColours = new(StringComparer.Ordinal)
    {
        ["lifted"] = Color.FromHex("#2ca02c"),
        ["negotiated"] = Color.FromHex("#1f77b4"),
        ["fallen"] = Color.FromHex("#d62728"),
        ["undecided"] = Color.FromHex("#7f7f7f"),
    };

    /// <summary>Share of each outcome per variant, bars with 95 % Wilson interval whiskers.</summary>
    public static ChartImage OutcomeShares(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null) =>
        Render(OutcomeSharesPlot(rows, variants), "outcome-shares", "Outcome share per variant");

    internal static Plot OutcomeSharesPlot(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= RunSummaries.VariantsOf(rows);
        var estimates = RunSummaries.OutcomeShares(rows, variants);
        var outcomes = estimates.Select(e => e.Category).Distinct(StringComparer.Ordinal).ToList();
        var plot = NewPlot("Outcome share per variant (95 % Wilson intervals)", "", "share of runs");
        var groupWidth = outcomes.Count + 1;
        for (var o = 0; o < outcomes.Count; o++)
        {
            var outcome = outcomes[o];
            var colour = OutcomeColours.TryGetValue(outcome, out var c) ? c : Palette[o % Palette.Length];
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var up = new List<double>();
            var down = new List<double>();
            for (var v = 0; v < variants.Count; v++)
            {
                var e = estimates.First(x => x.Variant == variants[v] && x.Category == outcome);
                var x = (v * groupWidth) + o;
                var share = double.IsNaN(e.Share) ? 0 : e.Share;
                bars.Add(new Bar { Position = x, Value = share, FillColor = colour, LineWidth = 0, Size = 0.9 });
                xs.Add(x);
                ys.Add(share);
                up.Add(double.IsNaN(e.High) ? 0 : e.High - share);
                down.Add(double.IsNaN(e.Low) ? 0 : share - e.Low);
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = outcome;
            var errors = plot.Add.ErrorBar(xs, ys, up);
            errors.YErrorPositive = up;
            errors.YErrorNegative = down;
            errors.Color = Colors.Black;
            errors.LineWidth = 1.5f;
        }
        var centres = variants.Select((_, v) => (v * groupWidth) + ((outcomes.Count - 1) / 2.0)).ToArray();
        plot.Axes.Bottom.SetTicks(centres, [.. variants]);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Axes.SetLimitsX(-1, (variants.Count * groupWidth) - 1);
        LegendBeside(plot);
        return plot;
    }

    /// <summary>Distribution of close-siege days per variant (share of runs per day, one step line per variant).</summary>
    public static ChartImage CloseSiegeDays(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null) =>
        Render(CloseSiegeDaysPlot(rows, variants), "close-siege-days", "Days of close siege");

    internal static Plot CloseSiegeDaysPlot(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= RunSummaries.VariantsOf(rows);
        var plot = NewPlot("Days of close siege", "days of close siege", "share of runs");
        for (var v = 0; v < variants.Count; v++)
        {
            var points = RunSummaries.CloseSiegeDayShares(rows, variants[v]);
            if (points.Count == 0)
            {
                continue;
            }
            // Step outline of the histogram: each day's bin spans [day - 0.5, day + 0.5).
            var xs = points.Select(p => p.Day - 0.5).Append(points[^1].Day + 0.5).ToArray();
            var ys = points.Select(p => p.Value).Append(points[^1].Value).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, Palette[v % Palette.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            Distinguish(line, v, variants.Count);
            line.LegendText = variants[v];
        }
        var top = variants.SelectMany(v => RunSummaries.CloseSiegeDayShares(rows, v)).Select(p => p.Value).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.15);
        var lastDay = rows.Where(r => variants.Contains(r.Variant)).Select(r => r.CloseSiegeDays).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsX(-0.5, lastDay + 1.5);
        LegendBeside(plot);
        return plot;
    }

    /// <summary>Share of runs still under siege at the start of each day, one step curve per variant.</summary>
    public static ChartImage Survival(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null) =>
        Render(SurvivalPlot(rows, variants), "survival", "Siege survival curve");

    internal static Plot SurvivalPlot(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= RunSummaries.VariantsOf(rows);
        var plot = NewPlot("Siege survival: share of runs still under siege", "day of the siege", "share of runs still under siege");
        var lastDay = rows.Count == 0 ? 0 : (int)Math.Ceiling(rows.Max(r => r.EndHour) / 24.0);
        for (var v = 0; v < variants.Count; v++)
        {
            var points = RunSummaries.Survival(rows, variants[v], lastDay);
            if (points.Count == 0)
            {
                continue;
            }
            var line = plot.Add.ScatterLine(
                points.Select(p => (double)p.Day).ToArray(), points.Select(p => p.Value).ToArray(), Palette[v % Palette.Length]);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            Distinguish(line, v, variants.Count);
            line.LegendText = variants[v];
        }
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Axes.SetLimitsX(0, Math.Max(1, lastDay) + 0.5); // days count from 0: no empty negative days
        LegendBeside(plot);
        return plot;
    }

    /// <summary>Mean losses per variant and side, with 95 % intervals.</summary>
    public static ChartImage Losses(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null) =>
        Render(LossesPlot(rows, variants), "losses", "Losses per variant");

    internal static Plot LossesPlot(IReadOnlyList<RunRecord> rows, IReadOnlyList<string>? variants = null)
    {
        variants ??= RunSummaries.VariantsOf(rows);
        var estimates = RunSummaries.Losses(rows, variants);
        var sides = RunSummaries.LossColumns.Select(c => c.Name).ToList();
        var plot = NewPlot("Mean losses per variant (95 % intervals)", "", "men lost (mean per run)");
        var groupWidth = sides.Count + 1;
        for (var s = 0; s < sides.Count; s++)
        {
            var bars = new List<Bar>();
            var xs = new List<double>();
            var ys = new List<double>();
            var up = new List<double>();
            var down = new List<double>();
            for (var v = 0; v < variants.Count; v++)
            {
                var e = estimates.First(x => x.Variant == variants[v] && x.Quantity == sides[s]);
                var x = (v * groupWidth) + s;
                var mean = double.IsNaN(e.Mean) ? 0 : e.Mean;
                bars.Add(new Bar { Position = x, Value = mean, FillColor = Palette[s % Palette.Length], LineWidth = 0, Size = 0.9 });
                xs.Add(x);
                ys.Add(mean);
                up.Add(double.IsNaN(e.High) ? 0 : e.High - mean);
                down.Add(double.IsNaN(e.Low) ? 0 : mean - e.Low);
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = sides[s];
            var errors = plot.Add.ErrorBar(xs, ys, up);
            errors.YErrorPositive = up;
            errors.YErrorNegative = down;
            errors.Color = Colors.Black;
            errors.LineWidth = 1.5f;
        }
        var centres = variants.Select((_, v) => (v * groupWidth) + ((sides.Count - 1) / 2.0)).ToArray();
        plot.Axes.Bottom.SetTicks(centres, [.. variants]);
        plot.Axes.SetLimitsX(-1, (variants.Count * groupWidth) - 1);
        var top = estimates.Select(e => double.IsNaN(e.High) ? 0 : e.High).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.1);
        LegendBeside(plot);
        return plot;
    }

    /// <summary>
    /// Tornado chart: for each parameter a bar from 0 to its effect at the low value and one to its effect at the high
    /// value; the widest swing on top.
    /// </summary>
    public static ChartImage Tornado(IReadOnlyList<TornadoEffect> bars, string effectLabel = "change in share of runs where the city holds")
    {
        ArgumentNullException.ThrowIfNull(bars);
        var ordered = bars.OrderBy(b => b.Swing).ThenByDescending(b => b.Parameter, StringComparer.Ordinal).ToList();
        var plot = NewPlot("Sensitivity (tornado): effect of each parameter at its low and high value", effectLabel, "");
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (var i = 0; i < ordered.Count; i++)
        {
            low.Add(new Bar { Position = i, ValueBase = 0, Value = ordered[i].LowEffect, FillColor = Palette[0], LineWidth = 0, Size = 0.7 });
            high.Add(new Bar { Position = i, ValueBase = 0, Value = ordered[i].HighEffect, FillColor = Palette[5], LineWidth = 0, Size = 0.7 });
        }
        var lowPlot = plot.Add.Bars(low);
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "parameter at its low value";
        var highPlot = plot.Add.Bars(high);
        highPlot.Horizontal = true;
        highPlot.LegendText = "parameter at its high value";
        plot.Add.VerticalLine(0, 1.5f, Colors.Black);
        if (ordered.Count > 0)
        {
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, ordered.Count).Select(i => (double)i)], [.. ordered.Select(b => b.Parameter)]);
            plot.Axes.SetLimitsY(-0.75, ordered.Count - 0.25);
            var extent = Math.Max(1e-9, ordered.Max(b => Math.Max(Math.Abs(b.LowEffect), Math.Abs(b.HighEffect)))) * 1.15;
            plot.Axes.SetLimitsX(-extent, extent);
        }
        plot.ShowLegend(Edge.Bottom);
        var height = Math.Max(Height, 180 + (ordered.Count * 34));
        return Render(plot, "tornado", "Sensitivity tornado", height);
    }

    /// <summary>The legend in a panel to the right of the data area, where it cannot cover a bar or a line.</summary>
    private static void LegendBeside(Plot plot) => plot.ShowLegend(Edge.Right);

    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>
    /// Curves of several variants often coincide (two variants with the same outcome in every run): each gets its own
    /// dash pattern, and earlier ones are drawn wider, so that a curve lying under another still shows at its edges.
    /// </summary>
    private static void Distinguish(Scatter line, int index, int count)
    {
        line.LinePattern = Patterns[index % Patterns.Length];
        // Earlier lines are wider so that one drawn over another still shows; the step shrinks with the number of lines so
        // that the first of many is not a band.
        line.LineWidth = 1.5f + (count <= 1 ? 0f : 4f * (count - 1 - index) / (count - 1));
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 18);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    private static ChartImage Render(Plot plot, string name, string title, int height = Height)
    {
        var svg = NumberIds(plot.GetSvgXml(Width, height));
        var png = plot.GetImageBytes(Width, height, ImageFormat.Png);
        return new ChartImage(name, title, svg, png);
    }

    /// <summary>
    /// The SVG with its element ids renumbered in order of appearance (c1, c2, ...). The drawing library numbers its
    /// clip paths with a counter that runs on through the process, so without this the same chart drawn twice in one
    /// process (a test, the web server) would differ in its ids.
    /// </summary>
    internal static string NumberIds(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in SvgId().Matches(svg))
        {
            map.TryAdd(m.Groups[1].Value, "c" + (map.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (map.Count == 0)
        {
            return svg;
        }

        string Mapped(string id) => map.TryGetValue(id, out var n) ? n : id;
        svg = SvgId().Replace(svg, m => $"id=\"{Mapped(m.Groups[1].Value)}\"");
        svg = SvgUrl().Replace(svg, m => $"url(#{Mapped(m.Groups[1].Value)})");
        return SvgHref().Replace(svg, m => $"{m.Groups[1].Value}=\"#{Mapped(m.Groups[2].Value)}\"");
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex SvgId();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex SvgUrl();

    [GeneratedRegex("((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex SvgHref();

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
