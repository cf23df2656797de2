using System.Globalization;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Plots;
using Bosporos.Analysis.Reports;
using Bosporos.Analysis.Statistics;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.War;

/// <summary>
/// The HTML report of a war experiment, as report sections (written with <see cref="ReportBody.SectionsOnly"/>): the
/// war's outcomes, its events and the dates of Khosrow's fall and of the peace per variant, with charts; then, for a
/// paired experiment, the paired comparison of <see cref="WarComparison"/> (the same numbers as its text), and for an
/// uncertainty, Morris or Sobol design the engine's sections over the war's outputs (<see cref="WarMetrics"/>).
/// </summary>
public static class WarReportSections
{
    /// <summary>The events the report follows, with the chart's short labels.</summary>
    public static IReadOnlyList<(string Name, string Label, string Description)> Events { get; } =
    [
        ("capital-held", "capital holds", "the capital holds"),
        ("theodore-won", "Theodore wins", "Theodore beats Shahin"),
        ("decisive-victory-627", "win late 627", "Heraclius wins the decisive battle in September–December 627"),
        ("khosrow-fell-early-628", "fall early 628", "Khosrow falls in January–April 628"),
        ("shahrbaraz-turned", "Shahrbaraz", "Shahrbaraz turns"),
        ("peace", "peace", "the war ends in a peace"),
    ];

    /// <summary>Every section of the report of a war experiment's rows (only the baseline and <paramref name="onlyVariants"/> when given).</summary>
    public static IReadOnlyList<ReportSection> Build(RunPlan plan, WarModel model, IReadOnlyList<RunRecord> rows, IReadOnlyCollection<string>? onlyVariants = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var experiment = plan.Experiment;
        var only = onlyVariants is { Count: > 0 } ? onlyVariants : null;
        var selected = only is null ? rows : rows.Where(r => r.Variant == ExperimentDefinition.BaselineName || only.Contains(r.Variant)).ToList();
        var variants = plan.Variants.Where(v => v == ExperimentDefinition.BaselineName || only is null || only.Contains(v)).ToList();
        var sections = new List<ReportSection>(Summary(selected, variants, model.Start, model.HorizonDays, experiment.Mode != ExperimentMode.Paired));
        if (experiment.Mode == ExperimentMode.Paired)
        {
            var filtered = only is null ? experiment : experiment with { Variants = [.. experiment.Variants.Where(v => only.Contains(v.Name))] };
            sections.AddRange(Paired(WarComparison.Analyze(filtered, model.ScenarioId, selected), model.Start));
        }
        else
        {
            sections.AddRange(ExperimentSections.Of(ExperimentReport.Build(plan, model, rows, divergence: false, only)));
        }

        return sections;
    }

    /// <summary>The war's outcomes, events and dates per variant, each with its table and chart.</summary>
    public static IReadOnlyList<ReportSection> Summary(IReadOnlyList<RunRecord> rows, IReadOnlyList<string> variants, JulianDate start, int horizonDays, bool designed = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(variants);
        var byVariant = variants.ToDictionary(v => v, v => rows.Where(r => r.Variant == v).ToList(), StringComparer.Ordinal);
        var over = designed
            ? "Over every run of the design: the contested numbers take the values the design draws, so these shares mix the sources' uncertainty with the dice. "
            : "Run k of every variant used the same seed (common random numbers). ";

        Share ShareOf(string variant, Func<RunRecord, bool> test)
        {
            var mine = byVariant[variant];
            return ShareInterval.Wilson(mine.LongCount(test), mine.Count);
        }

        BarValue Bar(Share s) => new(s.Value, s.Low, s.High);

        // Outcomes
        var outcomes = WarMeasures.OutcomeNames;
        var outcomeTable = new TableSection(
            "War outcomes",
            ["variant", "runs", .. outcomes],
            variants.Select(v => (IReadOnlyList<string>)[v, N(byVariant[v].Count), .. outcomes.Select(o => ShareCell(ShareOf(v, r => r.Outcome == o)))]).ToList(),
            "Share of runs ending in each way, with 95% Wilson intervals: peace (Khosrow deposed), collapse (the capital lost), persian-terms (Rome sues for peace), undecided at the horizon.");
        var outcomeChart = Charts.GroupedBars("war-outcomes", "How the war ends (95 % Wilson intervals)", "share of runs", outcomes, variants,
            (g, s) => Bar(ShareOf(variants[s], r => r.Outcome == outcomes[g])), 0, 1.05);

        // Events
        bool Happened(RunRecord r, string name) => name == "peace" ? r.Outcome == "peace" : r.Measures.TryGetValue(name, out var x) && x > 0;
        var eventTable = new TableSection(
            "Events of the war",
            ["variant", "runs", .. Events.Select(e => e.Name)],
            variants.Select(v => (IReadOnlyList<string>)[v, N(byVariant[v].Count), .. Events.Select(e => ShareCell(ShareOf(v, r => Happened(r, e.Name))))]).ToList(),
            "Share of runs in which each event came, with 95% Wilson intervals.");
        var eventChart = Charts.GroupedBars("war-events", "Events of the war (95 % Wilson intervals)", "share of runs", [.. Events.Select(e => e.Label)], variants,
            (g, s) => Bar(ShareOf(variants[s], r => Happened(r, Events[g].Name))), 0, 1.05);

        // Dates
        IReadOnlyList<int> Days(string variant, string measure) =>
            [.. byVariant[variant].Select(r => r.Measures.TryGetValue(measure, out var d) ? d : -1).Where(d => d >= 0).Select(d => (int)d)];
        var dated = new[] { ("khosrow-fall-day", "Khosrow falls", "khosrow-fall-dates", "Khosrow has fallen"), ("peace-day", "peace", "peace-dates", "the peace is made") };
        var dateRows = new List<IReadOnlyList<string>>();
        foreach (var (measure, label, _, _) in dated)
        {
            foreach (var v in variants)
            {
                var days = Days(v, measure).Order().ToArray();
                string At(double q) => days.Length == 0 ? "never" : Date(start, days[(int)Math.Round(q * (days.Length - 1))]);
                dateRows.Add([v, label, F($"{days.Length:N0} of {byVariant[v].Count:N0}"), At(0.1), At(0.5), At(0.9)]);
            }
        }

        var dateTable = new TableSection(
            "When Khosrow falls and when the peace is made",
            ["variant", "event", "runs in which it came", "10%", "median", "90%"],
            dateRows,
            "Julian calendar dates, over the runs in which the event came (history: Khosrow deposed 25 February 628, Kavad's envoy 3 April 628).");
        var dateCharts = dated.Select(d => Charts.DateCurves(d.Item3, $"By which date {d.Item4}", $"share of runs in which {d.Item4}",
            [.. variants.Select(v => new DateSeries(v, Days(v, d.Item1), byVariant[v].Count))], start.DayNumber, horizonDays)).ToList();

        return
        [
            new ChartSection("War outcomes", [over + "Each run is a whole war with the siege of the capital inside it."], [outcomeTable], [outcomeChart]),
            new ChartSection("Events of the war", [ChartLabels], [eventTable], [eventChart]),
            new ChartSection("When Khosrow falls and when the peace is made",
                ["Each curve climbs at the dates on which the event came in that variant's runs, and ends at the share of runs in which it came at all."],
                [dateTable], dateCharts),
        ];
    }

    /// <summary>The paired comparison: a chart of the changes in the events' shares, then one table per variant.</summary>
    public static IReadOnlyList<ReportSection> Paired(WarReport report, JulianDate start)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sections = new List<ReportSection>();
        if (report.Comparisons.Count > 0)
        {
            WarShareChange Change(WarVariantComparison c, string name) => c.Outcomes.Concat(c.Shares).First(s => s.Name == name);
            var chart = Charts.GroupedBars("war-differences", "Paired change from the baseline (95 % intervals)", "change (percentage points)",
                [.. Events.Select(e => e.Label)], [.. report.Comparisons.Select(c => c.Variant)],
                (g, s) =>
                {
                    var d = Change(report.Comparisons[s], Events[g].Name).Difference;
                    return new BarValue(100 * d.Value, 100 * d.Low, 100 * d.High);
                }, firstColour: 1);
            sections.Add(new ChartSection("Paired changes from the baseline",
                ["Each variant against the baseline over the runs both have (the same seeds): the change in each event's share, in percentage points, " +
                 "with the 95% interval of the paired difference (mean ± 1.96·sd/√n over the pairs, cut to ±100 points).", ChartLabels],
                [], [chart]));
        }

        foreach (var c in report.Comparisons)
        {
            var rows = new List<IReadOnlyList<string>>();
            foreach (var s in c.Outcomes.Concat(c.Shares))
            {
                rows.Add([s.Name, s.Description, ShareCell(s.Baseline), ShareCell(s.Variant), WarComparison.Points(s.Difference)]);
            }

            foreach (var q in c.Quantities)
            {
                var isDay = WarMeasures.Find(q.Name) is { OnlyWhenSet: true } || q.Name == "end-day";
                rows.Add(["mean " + q.Name, q.Description, Mean(q.BaselineMean, isDay, start), Mean(q.VariantMean, isDay, start), WarComparison.Difference(q.Difference)]);
            }

            sections.Add(new TableSection(
                $"Paired comparison: {c.Variant} against the baseline",
                ["measure", "what", "baseline [95%]", c.Variant + " [95%]", "change [95% interval]"],
                rows,
                F($"{c.Description ?? c.Variant}. {c.Pairs:N0} pairs with the same seeds; the war ends otherwise in {c.DiscordantPairs:N0}. ") +
                "Share changes are in percentage points; a mean day is counted from the scenario's first day (its Julian date beside it), and a day that never came (-1) leaves its pair out of that mean."));
        }

        return sections;
    }

    /// <summary>What the charts' short labels stand for.</summary>
    private static string ChartLabels => "In the chart: " + string.Join("; ", Events.Select(e => $"\u201c{e.Label}\u201d, {e.Description} ({e.Name})")) + ".";

    private static string ShareCell(Share s) => s.Total == 0 ? "n/a" : Percent.WithInterval(s.Value, s.Low, s.High);

    private static string Mean(double value, bool isDay, JulianDate start) =>
        isDay && !double.IsNaN(value) ? WarComparison.Number(value) + " (" + Date(start, (int)Math.Round(value)) + ")" : WarComparison.Number(value);

    /// <summary>Day <paramref name="day"/> of the scenario as a Julian date: "25 Feb 628".</summary>
    public static string Date(JulianDate start, int day)
    {
        var d = JulianDate.FromDayNumber(start.DayNumber + day);
        return F($"{d.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)} {d.Year}");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
