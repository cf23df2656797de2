using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.War;

/// <summary>
/// The outputs an uncertainty, Morris or Sobol experiment on a war scenario may analyse, read off the war's run
/// records (the outcome and <see cref="WarMeasures"/>). Shares are indicators whose mean is the share of runs. A day
/// that may never come (Khosrow's fall, the peace, the decisive battle, Shahrbaraz's turn) is censored at the
/// scenario's horizon: a run without it counts as the horizon day, so every run has a value and its mean is the
/// restricted mean day (the earlier and the more often it comes, the lower); the share beside it says how often.
/// </summary>
public static class WarMetrics
{
    /// <summary>Analysed when a war experiment names no outputs.</summary>
    public static readonly IReadOnlyList<string> DefaultOutputs =
    [
        "capital-held", "theodore-won", "decisive-victory", "khosrow-fell", "peace", "all-provinces-returned", "khosrow-fall-day", "roman-losses", "persian-losses",
    ];

    /// <summary>Every war output name, in report order (the catalog of any war has these names).</summary>
    /// <remarks>Declared after <see cref="DefaultOutputs"/>, which the catalog reads: static fields start in this order.</remarks>
    public static readonly IReadOnlyList<string> Names = [.. For(1).All.Select(m => m.Name)];

    /// <summary>The catalog of a war whose calendar ends after <paramref name="horizonDays"/> days (the censoring day).</summary>
    public static OutputCatalog For(int horizonDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        Metric Share(string name, string description, Func<RunRecord, bool> test) => new(name, "share of runs in which " + description, true, r => test(r) ? 1 : 0);
        Metric Indicator(string measure, string description) => Share(measure, description, r => Measure(r, measure) > 0);
        Metric Number(string measure, string description) => new(measure, description, false, r => Measure(r, measure));
        Metric Day(string name, string measure, string description) =>
            new(name, $"{description} (day from the scenario's first; a run without it counts as day {horizonDays}, the horizon)", false, r => Censored(Measure(r, measure), horizonDays));
        return new OutputCatalog("war",
        [
            Indicator("capital-held", "the capital holds (the empire does not collapse)"),
            Indicator("theodore-won", "Theodore beats Shahin"),
            Indicator("invaded", "Heraclius invades Persia"),
            Indicator("decisive-victory", "Heraclius wins the decisive battle of the invasion (in Assyria)"),
            Indicator("decisive-victory-627", "Heraclius wins it in September–December 627 (Nineveh: 12 December 627)"),
            Indicator("shahrbaraz-turned", "Shahrbaraz turns"),
            Indicator("turks-allied", "the Turks ally with Heraclius"),
            Indicator("khosrow-fell", "Khosrow falls"),
            Indicator("khosrow-fell-early-628", "Khosrow falls in January–April 628 (history: 25 February 628)"),
            Share("peace", "the war ends in a peace (Khosrow deposed)", r => r.Outcome == "peace"),
            Indicator("all-provinces-returned", "the peace returns every occupied province"),
            Indicator("frontier-euphrates", "the peace sets the frontier on the Euphrates line"),
            Indicator("frontier-591", "the peace sets the frontier of 591"),
            Share("persian-terms", "Rome sues for peace (the emperor's army broken)", r => r.Outcome == "persian-terms"),
            Share("undecided", "the war is undecided at the horizon", r => r.Outcome == "undecided"),
            Number("roman-losses", "Roman losses over the war, the siege included (men)"),
            Number("persian-losses", "Persian losses over the war, the siege included (men)"),
            Number("provinces-returned", "provinces returned by the peace (0 without a peace)"),
            Number("legitimacy-permille", "Khosrow's legitimacy at the end (per mille)"),
            Number("capital-reinforcements", "men of Heraclius' army who reached the capital"),
            Number("end-day", "day the war ended (from the scenario's first)"),
            Day("khosrow-fall-day", "khosrow-fall-day", "day Khosrow falls"),
            Day("peace-day", "peace-day", "day the peace is made"),
            Day("decisive-battle-day", "decisive-battle-day", "day of the invasion's decisive battle"),
            Day("shahrbaraz-turned-day", "shahrbaraz-turned-day", "day Shahrbaraz turns"),
        ], DefaultOutputs);
    }

    /// <summary>The measure, or NaN when the record has none (a siege's record).</summary>
    private static double Measure(RunRecord r, string name) => r.Measures.TryGetValue(name, out var v) ? v : double.NaN;

    /// <summary>A day, or the horizon when it never came (-1).</summary>
    internal static double Censored(double day, int horizonDays) => day < 0 ? horizonDays : day;
}
