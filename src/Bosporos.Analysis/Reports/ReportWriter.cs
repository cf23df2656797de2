using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Plots;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Reports;

/// <summary>What a report wrote.</summary>
public sealed record ReportResult(string IndexPath, IReadOnlyList<string> ImagePaths);

/// <summary>
/// Writes a self-contained HTML report of a run set: one index.html with inline CSS and inline SVG charts (no scripts,
/// no external assets, so it opens offline years later), plus each chart as PNG and SVG beside it.
/// </summary>
public static partial class ReportWriter
{
    public static ReportResult Write(
        ExperimentManifest manifest,
        IReadOnlyList<RunRecord> rows,
        IEnumerable<ReportSection>? extraSections,
        string outDir,
        TimeProvider? clock = null) => Write(manifest, rows, extraSections, outDir, ReportBody.Siege, clock);

    /// <summary>
    /// Writes the report with the given <paramref name="body"/>: the siege's summaries before the sections, or the
    /// sections alone after the run set's identity. Apart from the "Report written" time (fixed by
    /// <paramref name="clock"/>), the same run set and sections give the same bytes.
    /// </summary>
    public static ReportResult Write(
        ExperimentManifest manifest,
        IReadOnlyList<RunRecord> rows,
        IEnumerable<ReportSection>? extraSections,
        string outDir,
        ReportBody body,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var sections = extraSections?.ToList() ?? [];
        var drawn = sections.OfType<ChartSection>().SelectMany(c => c.Charts).ToList();
        var clash = drawn.Select(c => c.Name).Concat(body == ReportBody.Siege ? SiegeChartNames : []).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"two charts of the report are named '{clash.Key}'", nameof(extraSections));
        }

        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExportException($"{outDir}: cannot create the report directory: {e.Message}", e);
        }

        var variants = manifest.Variants.Where(v => rows.Any(r => r.Variant == v)).ToList();
        variants.AddRange(RunSummaries.VariantsOf(rows).Except(variants, StringComparer.Ordinal));
        var charts = body == ReportBody.Siege
            ? new List<ChartImage>
            {
                Charts.OutcomeShares(rows, variants),
                Charts.CloseSiegeDays(rows, variants),
                Charts.Survival(rows, variants),
                Charts.Losses(rows, variants),
            }
            : [];
        var tornadoCharts = sections.OfType<TornadoSection>()
            .Select((t, i) => Charts.Tornado(t.Bars, t.EffectLabel) with { Name = i == 0 ? "tornado" : $"tornado-{i + 1}" })
            .ToList();

        var images = new List<string>();
        foreach (var chart in charts.Concat(drawn).Concat(tornadoCharts))
        {
            var png = Path.Combine(outDir, chart.Name + ".png");
            var svg = Path.Combine(outDir, chart.Name + ".svg");
            AtomicFile.Write(png, s => s.Write(chart.Png));
            AtomicFile.Write(svg, s => s.Write(Encoding.UTF8.GetBytes(chart.Svg)));
            images.Add(png);
            images.Add(svg);
        }

        var html = Render(manifest, rows, variants, body, sections, charts, tornadoCharts, (clock ?? TimeProvider.System).GetUtcNow());
        var index = Path.Combine(outDir, "index.html");
        AtomicFile.Write(index, s => s.Write(new UTF8Encoding(false).GetBytes(html)));
        return new ReportResult(index, images);
    }

    private static readonly string[] SiegeChartNames = ["outcome-shares", "close-siege-days", "survival", "losses"];

    /// <summary>Writes the report of everything in the store at <paramref name="storeLocation"/> (opened read-only).</summary>
    public static ReportResult WriteFromStore(string storeLocation, IEnumerable<ReportSection>? extraSections, string outDir)
    {
        var (manifest, rows) = ResultExport.ReadStore(storeLocation);
        return Write(manifest, rows, extraSections, outDir);
    }

    private static string Render(
        ExperimentManifest manifest,
        IReadOnlyList<RunRecord> rows,
        List<string> variants,
        ReportBody body,
        List<ReportSection> sections,
        List<ChartImage> charts,
        List<ChartImage> tornadoCharts,
        DateTimeOffset now)
    {
        var h = new StringBuilder();
        var title = $"Bosporos report: {manifest.ExperimentId} ({manifest.ScenarioId})";
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        h.Append("<h1>").Append(E(title)).Append("</h1>\n");

        // Provenance
        h.Append("<section id=\"provenance\">\n<h2>Run set</h2>\n<dl class=\"facts\">\n");
        Fact(h, "Experiment", manifest.ExperimentId);
        Fact(h, "Scenario", manifest.ScenarioId);
        Fact(h, "Mode", manifest.Mode);
        Fact(h, "Engine version", manifest.EngineVersion);
        Fact(h, "Scenario hash", manifest.ScenarioHash);
        Fact(h, "Experiment hash", manifest.ExperimentHash);
        Fact(h, "Master seed", manifest.MasterSeed.ToString(CultureInfo.InvariantCulture));
        Fact(h, "Runs", $"{N(manifest.FirstRun)} to {N(manifest.EndRun - 1)} of {N(manifest.RunCount)} ({N(rows.Count)} rows, {variants.Count} variants)");
        Fact(h, "Result digest (SHA-256)", ExperimentDigest.Compute(rows));
        Fact(h, "Experiment started", manifest.CreatedUtc.ToString("u", CultureInfo.InvariantCulture) + " on " + manifest.Machine);
        Fact(h, "Report written", now.ToString("u", CultureInfo.InvariantCulture));
        h.Append("</dl>\n");
        if (!string.IsNullOrWhiteSpace(manifest.ExperimentText))
        {
            h.Append("<details><summary>Experiment definition</summary><pre>").Append(E(manifest.ExperimentText)).Append("</pre></details>\n");
        }
        h.Append("</section>\n");

        if (rows.Count == 0)
        {
            h.Append("<p class=\"empty\">This run set holds no runs yet.</p>\n");
        }
        else if (rows.Count < Expected(manifest))
        {
            h.Append("<p class=\"empty\">Unfinished: this run set holds ").Append(N(rows.Count)).Append(" of the ").Append(N(Expected(manifest)))
                .Append(" runs of its range; what follows covers the runs stored so far ('bosporos experiment resume' finishes it).</p>\n");
        }

        if (body == ReportBody.Siege)
        {
            Summaries(h, rows, variants, charts);
        }

        // Extra sections in the order given
        var tornadoIndex = 0;
        var sectionIndex = 0;
        foreach (var section in sections)
        {
            sectionIndex++;
            h.Append("<section id=\"extra-").Append(sectionIndex).Append("\">\n<h2>").Append(E(section.Title)).Append("</h2>\n");
            switch (section)
            {
                case TornadoSection tornado:
                    h.Append("<table>\n<thead><tr><th>Parameter</th><th>Effect at low value</th><th>Effect at high value</th><th>Swing</th></tr></thead>\n<tbody>\n");
                    foreach (var bar in tornado.Bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Parameter, StringComparer.Ordinal))
                    {
                        h.Append("<tr><th scope=\"row\">").Append(E(bar.Parameter)).Append("</th><td>").Append(Signed(bar.LowEffect))
                            .Append("</td><td>").Append(Signed(bar.HighEffect)).Append("</td><td>").Append(Signed(bar.Swing)).Append("</td></tr>\n");
                    }
                    h.Append("</tbody>\n</table>\n");
                    Figure(h, tornadoCharts[tornadoIndex++]);
                    break;
                case NarrativeSection narratives:
                    foreach (var n in narratives.Narratives)
                    {
                        h.Append("<article class=\"narrative\">\n<h3>").Append(E(n.Variant)).Append(", run ").Append(N(n.RunIndex))
                            .Append(" <span class=\"ci\">(seed ").Append(n.Seed.ToString(CultureInfo.InvariantCulture)).Append(")</span></h3>\n<p class=\"divergence\">")
                            .Append(E(n.FirstDivergence)).Append("</p>\n");
                        if (n.Events.Count > 0)
                        {
                            h.Append("<ol>\n");
                            foreach (var line in n.Events)
                            {
                                h.Append("<li>").Append(E(line)).Append("</li>\n");
                            }
                            h.Append("</ol>\n");
                        }
                        h.Append("</article>\n");
                    }
                    break;
                case TableSection table:
                    Table(h, table);
                    break;
                case ChartSection drawn:
                    Paragraphs(h, drawn.Paragraphs);
                    foreach (var table in drawn.Tables)
                    {
                        Table(h, table);
                    }
                    if (drawn.Charts.Count > 1)
                    {
                        h.Append("<div class=\"pair\">\n");
                    }
                    foreach (var chart in drawn.Charts)
                    {
                        Figure(h, chart);
                    }
                    if (drawn.Charts.Count > 1)
                    {
                        h.Append("</div>\n");
                    }
                    break;
                case TextSection text:
                    Paragraphs(h, text.Paragraphs);
                    break;
                default:
                    throw new ArgumentException($"unknown report section type {section.GetType().Name}", nameof(sections));
            }
            h.Append("</section>\n");
        }

        h.Append("<footer><p>Written by Bosporos ").Append(E(manifest.EngineVersion))
            .Append(". Every run can be regenerated from the scenario hash, the engine version and its seed. ")
            .Append("Charts are also saved beside this file as PNG and SVG.</p></footer>\n</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The siege's outcome shares, durations and losses per variant, with their four charts.</summary>
    private static void Summaries(StringBuilder h, IReadOnlyList<RunRecord> rows, List<string> variants, List<ChartImage> charts)
    {
        // Outcomes
        h.Append("<section id=\"outcomes\">\n<h2>Outcomes</h2>\n");
        h.Append("<p>Share of runs ending in each outcome, with 95 % Wilson score intervals. Variants share the seeds of the baseline ")
            .Append("(common random numbers), so differences between them are paired comparisons.</p>\n");
        var shares = RunSummaries.OutcomeShares(rows, variants);
        var outcomes = shares.Select(s => s.Category).Distinct(StringComparer.Ordinal).ToList();
        h.Append("<table>\n<thead><tr><th>Variant</th><th>Runs</th>");
        foreach (var outcome in outcomes)
        {
            h.Append("<th>").Append(E(outcome)).Append("</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var variant in variants)
        {
            var mine = shares.Where(s => s.Variant == variant).ToList();
            h.Append("<tr><th scope=\"row\">").Append(E(variant)).Append("</th><td>").Append(N(mine.FirstOrDefault()?.Runs ?? 0)).Append("</td>");
            foreach (var outcome in outcomes)
            {
                var s = mine.First(x => x.Category == outcome);
                var (low, high) = Statistics.Percent.Bounds(s.Low, s.High);
                h.Append("<td>").Append(Percent(s.Share)).Append(" <span class=\"ci\">[").Append(E(low)).Append(", ")
                    .Append(E(high)).Append("]</span></td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        Figure(h, charts[0]);
        h.Append("</section>\n");

        // Durations
        h.Append("<section id=\"durations\">\n<h2>How long the siege lasted</h2>\n");
        h.Append("<p>Left: how many days of close siege the runs saw. Right: the share of runs in which the city was still under siege ")
            .Append("at the start of each day (a run leaves the curve when it ends, whatever the outcome).</p>\n");
        h.Append("<table>\n<thead><tr><th>Variant</th><th>Median close-siege days</th><th>Median end (day)</th><th>Still under siege on day 30</th></tr></thead>\n<tbody>\n");
        foreach (var variant in variants)
        {
            var mine = rows.Where(r => r.Variant == variant).ToList();
            var survival = RunSummaries.Survival(rows, variant, 30);
            h.Append("<tr><th scope=\"row\">").Append(E(variant)).Append("</th><td>").Append(Median(mine.Select(r => (double)r.CloseSiegeDays)))
                .Append("</td><td>").Append(Median(mine.Select(r => r.EndHour / 24.0))).Append("</td><td>")
                .Append(survival.Count > 30 ? Percent(survival[30].Value) : "–").Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n<div class=\"pair\">\n");
        Figure(h, charts[1]);
        Figure(h, charts[2]);
        h.Append("</div>\n</section>\n");

        // Losses
        h.Append("<section id=\"losses\">\n<h2>Losses</h2>\n<table>\n<thead><tr><th>Variant</th>");
        var losses = RunSummaries.Losses(rows, variants);
        foreach (var (name, _) in RunSummaries.LossColumns)
        {
            h.Append("<th>").Append(E(name)).Append(" (mean, 95 % interval)</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var variant in variants)
        {
            h.Append("<tr><th scope=\"row\">").Append(E(variant)).Append("</th>");
            foreach (var e in losses.Where(l => l.Variant == variant))
            {
                h.Append("<td>").Append(Number(e.Mean)).Append(" <span class=\"ci\">[").Append(Number(e.Low)).Append(", ")
                    .Append(Number(e.High)).Append("]</span></td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        Figure(h, charts[3]);
        h.Append("</section>\n");
    }

    private static void Paragraphs(StringBuilder h, IEnumerable<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            h.Append("<p>").Append(E(paragraph)).Append("</p>\n");
        }
    }

    private static void Table(StringBuilder h, TableSection table)
    {
        h.Append("<table>\n");
        if (table.Caption is not null)
        {
            h.Append("<caption>").Append(E(table.Caption)).Append("</caption>\n");
        }
        h.Append("<thead><tr>");
        foreach (var cell in table.Header)
        {
            h.Append("<th>").Append(E(cell)).Append("</th>");
        }
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            h.Append("<tr>");
            foreach (var cell in row)
            {
                h.Append("<td>").Append(E(cell)).Append("</td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
    }

    /// <summary>The rows the manifest's range holds when finished: every variant's runs of [FirstRun, EndRun).</summary>
    private static long Expected(ExperimentManifest manifest) => (manifest.EndRun - manifest.FirstRun) * Math.Max(1, manifest.Variants.Count);

    private static void Figure(StringBuilder h, ChartImage chart)
    {
        h.Append("<figure id=\"chart-").Append(E(chart.Name)).Append("\">\n").Append(InlineSvg(chart)).Append('\n')
            .Append("<figcaption>").Append(E(chart.Title)).Append(" — <a href=\"").Append(E(chart.Name)).Append(".png\">PNG</a> · <a href=\"")
            .Append(E(chart.Name)).Append(".svg\">SVG</a></figcaption>\n</figure>\n");
    }

    /// <summary>The chart's SVG without its XML declaration, its ids prefixed so several charts can share one page.</summary>
    internal static string InlineSvg(ChartImage chart)
    {
        var svg = XmlDeclaration().Replace(chart.Svg, "");
        var prefix = chart.Name + "-";
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = UrlReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        svg = HrefReference().Replace(svg, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
        // Scale with the page: keep the drawing's aspect through a viewBox.
        svg = SvgSize().Replace(svg, m => $"<svg{m.Groups[1].Value} viewBox=\"0 0 {m.Groups[2].Value} {m.Groups[3].Value}\" role=\"img\" aria-label=\"{E(chart.Title)}\"", 1);
        return svg.Trim();
    }

    private static void Fact(StringBuilder h, string name, string value) =>
        h.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    /// <summary>HTML-escaped, and without the password of any store address the text holds (in an experiment file's comment, say).</summary>
    private static string E(string text) => WebUtility.HtmlEncode(Credentials.Redact(text));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double share) => double.IsNaN(share) ? "–" : Statistics.Percent.Of(share);

    private static string Number(double value) => double.IsNaN(value) ? "–" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "–";
        }
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return median.ToString("0.#", CultureInfo.InvariantCulture);
    }

    private const string Css = """
        :root { color-scheme: light; --ink: #1d232a; --muted: #5b6673; --rule: #d9dee3; --accent: #7a1f2b; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fbfaf7; }
        main { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1 { font-size: 1.7rem; color: var(--accent); border-bottom: 3px double var(--rule); padding-bottom: .4rem; }
        h2 { font-size: 1.3rem; margin-top: 2.4rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; font-family: "DejaVu Sans Mono", monospace; word-break: break-all; }
        table { border-collapse: collapse; margin: 1rem 0; width: 100%; font-size: .93rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: right; }
        th:first-child, td:first-child, thead th:first-child { text-align: left; }
        thead th { background: #f0ede6; }
        .ci { color: var(--muted); font-size: .85em; white-space: nowrap; }
        figure { margin: 1rem 0; }
        figure svg { width: 100%; height: auto; background: white; border: 1px solid var(--rule); }
        figcaption { color: var(--muted); font-size: .9rem; }
        .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(540px, 1fr)); gap: 1rem; }
        .narrative { border-left: 4px solid var(--accent); padding: .2rem 1rem; margin: 1rem 0; background: white; }
        .divergence { font-weight: bold; }
        pre { background: white; border: 1px solid var(--rule); padding: .8rem; overflow-x: auto; }
        footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
        .empty { font-style: italic; color: var(--muted); }
        @media print { main { max-width: none; } figure { break-inside: avoid; } }

        """;

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex HrefReference();

    [GeneratedRegex("<svg([^>]*?) width=\"(\\d+)\" height=\"(\\d+)\"")]
    private static partial Regex SvgSize();
}
