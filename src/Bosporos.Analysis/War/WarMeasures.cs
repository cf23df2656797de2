using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Stores;
using Bosporos.Kernel;
using Bosporos.Kernel.War;

namespace Bosporos.Analysis.War;

/// <summary>A quantity read off one war run: an indicator (0 or 1, whose mean is a share) or a number of men or days.</summary>
/// <param name="Name">Kebab-case name: the measure's key in <see cref="RunRecord.Measures"/>.</param>
/// <param name="Description">What it is, for reports and export provenance.</param>
/// <param name="IsShare">True for an indicator.</param>
/// <param name="OnlyWhenSet">For a day: -1 means "never", and averages and paired differences skip such runs.</param>
public sealed record WarMeasure(string Name, string Description, bool IsShare, bool OnlyWhenSet = false);

/// <summary>
/// The war's results as measures of a run record: what the experiment, compare and export commands read for a war.
/// Days count from the scenario's first day; dates are read from the campaign's own calendar, so they hold wherever
/// the scenario starts.
/// </summary>
public static class WarMeasures
{
    /// <summary>The war's outcomes, as the run table's 'outcome' column spells them.</summary>
    public static readonly IReadOnlyList<string> OutcomeNames = ["peace", "collapse", "persian-terms", "undecided"];

    public static readonly IReadOnlyList<WarMeasure> All =
    [
        new("capital-held", "the capital holds (the empire does not collapse)", true),
        new("theodore-won", "Theodore beats Shahin", true),
        new("invaded", "Heraclius invades Persia", true),
        new("decisive-victory", "Heraclius wins the decisive battle of the invasion", true),
        new("decisive-victory-627", "... and wins it in September–December 627 (Nineveh: 12 December 627)", true),
        new("shahrbaraz-turned", "Shahrbaraz turns", true),
        new("turks-allied", "the Turks ally with Heraclius", true),
        new("khosrow-fell", "Khosrow falls", true),
        new("khosrow-fell-early-628", "Khosrow falls in January–April 628 (history: 25 February 628)", true),
        new("all-provinces-returned", "peace with every occupied province returned", true),
        new("frontier-euphrates", "peace on the Euphrates line", true),
        new("frontier-591", "peace on the frontier of 591", true),
        new("provinces-returned", "provinces returned by the peace", false),
        new("provinces-occupied", "occupied Roman provinces the peace dealt with (0 without a peace)", false),
        new("frontier", "frontier code: 0 none, 1 line of 591, 2 Euphrates line, 3 as held", false),
        new("roman-losses", "Roman losses over the war, the siege included (killed, wounded, deserted, captured)", false),
        new("persian-losses", "Persian losses over the war, the siege included (killed, wounded, deserted, captured)", false),
        new("legitimacy-permille", "Khosrow's legitimacy at the end (per mille)", false),
        new("capital-reinforcements", "men of Heraclius' army who reached the capital", false),
        new("end-day", "day the war ended", false),
        new("siege-end-day", "day the siege of the capital ended (-1: no siege)", false, true),
        new("decisive-battle-day", "day of the invasion's decisive battle (-1: none)", false, true),
        new("khosrow-fall-day", "day Khosrow fell (-1: never)", false, true),
        new("shahrbaraz-turned-day", "day Shahrbaraz turned (-1: never)", false, true),
        new("peace-day", "day the peace was made (-1: none)", false, true),
    ];

    public static WarMeasure? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The outcome's name in the run table ("persian-terms").</summary>
    public static string OutcomeName(WarOutcome outcome) => Scenarios.Naming.Kebab(outcome.ToString());

    /// <summary>Why the war ended, for the run table's 'cause' column.</summary>
    public static string Cause(WarOutcome outcome) => outcome switch
    {
        WarOutcome.Peace => "king-deposed",
        WarOutcome.Collapse => "capital-lost",
        WarOutcome.PersianTerms => "emperor-army-broken",
        _ => "horizon",
    };

    /// <summary>
    /// The run record of a finished war: outcome, cause, end (in hours) and state hash are the war's; the siege columns
    /// describe the siege inside it (zero when it never began); the war's results are the measures.
    /// </summary>
    public static RunRecord Record(WarSimulation sim, string variant, long runIndex, ulong seed, IReadOnlyDictionary<string, decimal> parameters)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var s = sim.Summary;
        var siege = sim.Siege is { } inside ? inside.Summary : default;
        var siegeRecord = Experiments.RunExecutor.ToRecord(variant, runIndex, seed, siege, parameters);
        return siegeRecord with
        {
            Outcome = OutcomeName(s.Outcome),
            Cause = Cause(s.Outcome),
            EndHour = checked(s.EndDay * 24),
            StateHash = s.StateHash,
            Measures = Measure(sim),
        };
    }

    /// <summary>Every measure of <see cref="All"/> for a finished war.</summary>
    public static Dictionary<string, long> Measure(WarSimulation sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        var s = sim.Summary;
        long romanLosses = 0, persianLosses = 0;
        for (var a = 0; a < sim.Definition.Armies.Length; a++)
        {
            var l = sim.Ledger(a);
            var lost = (long)l.Killed + l.Wounded + l.Deserted + l.Captured;
            switch (sim.Definition.Armies[a].Side)
            {
                case Power.Rome:
                    romanLosses += lost;
                    break;
                case Power.Persia:
                    persianLosses += lost;
                    break;
            }
        }

        var peace = s.Outcome == WarOutcome.Peace;
        static long B(bool b) => b ? 1 : 0;
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["capital-held"] = B(s.Outcome != WarOutcome.Collapse),
            ["theodore-won"] = B(s.TheodoreBeatShahin),
            ["invaded"] = B(s.InvasionDay >= 0),
            ["decisive-victory"] = B(s.DecisiveBattleWon),
            ["decisive-victory-627"] = B(WarWindows.DecisiveLate627(s)),
            ["shahrbaraz-turned"] = B(s.ShahrbarazTurnedDay >= 0),
            ["turks-allied"] = B(s.TurksAllied),
            ["khosrow-fell"] = B(s.KhosrowFallDay >= 0),
            ["khosrow-fell-early-628"] = B(WarWindows.FellEarly628(s)),
            ["all-provinces-returned"] = B(peace && s.ProvincesReturned == s.ProvincesOccupied),
            ["frontier-euphrates"] = B(peace && s.Frontier == Frontier.Euphrates),
            ["frontier-591"] = B(peace && s.Frontier == Frontier.Line591),
            ["provinces-returned"] = s.ProvincesReturned,
            ["provinces-occupied"] = s.ProvincesOccupied,
            ["frontier"] = (long)s.Frontier,
            ["roman-losses"] = romanLosses,
            ["persian-losses"] = persianLosses,
            ["legitimacy-permille"] = s.LegitimacyPermille,
            ["capital-reinforcements"] = s.CapitalReinforcements,
            ["end-day"] = s.EndDay,
            ["siege-end-day"] = s.SiegeEndDay,
            ["decisive-battle-day"] = s.DecisiveBattleDay,
            ["khosrow-fall-day"] = s.KhosrowFallDay,
            ["shahrbaraz-turned-day"] = s.ShahrbarazTurnedDay,
            ["peace-day"] = s.PeaceDay,
        };
    }
}
