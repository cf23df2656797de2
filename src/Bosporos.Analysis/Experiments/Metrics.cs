using Bosporos.Analysis.Stores;

namespace Bosporos.Analysis.Experiments;

/// <summary>A quantity read off one run: an outcome indicator (0 or 1, whose mean is a share) or a count.</summary>
public sealed record Metric(string Name, string Description, bool IsShare, Func<RunRecord, double> Read);

/// <summary>The outputs an experiment may analyse, by the names used in experiment files.</summary>
public static class Metrics
{
    public static readonly IReadOnlyList<string> OutcomeNames = ["lifted", "fallen", "negotiated", "undecided"];

    public static readonly IReadOnlyList<Metric> All =
    [
        new("lifted", "share of runs in which the siege is lifted", true, r => r.Outcome == "lifted" ? 1 : 0),
        new("fallen", "share of runs in which the city falls", true, r => r.Outcome == "fallen" ? 1 : 0),
        new("negotiated", "share of runs ending in a negotiated surrender", true, r => r.Outcome == "negotiated" ? 1 : 0),
        new("undecided", "share of runs undecided at the horizon", true, r => r.Outcome == "undecided" ? 1 : 0),
        new("persians-crossed", "share of runs in which Persians are ferried to Europe", true, r => r.PersiansFerried > 0 ? 1 : 0),
        new("envoys-caught", "share of runs in which envoys are caught", true, r => r.EnvoysCaught ? 1 : 0),
        new("signal-learned", "share of runs in which the Romans learn the fire signal", true, r => r.SignalLearned ? 1 : 0),
        new("close-siege-days", "days of close siege", false, r => r.CloseSiegeDays),
        new("end-day", "day the siege ended", false, r => r.EndHour / 24.0),
        new("persians-ferried", "Persians landed in Europe (men)", false, r => r.PersiansFerried),
        new("roman-losses", "Roman losses (men)", false, r => r.RomanLosses),
        new("host-losses", "Avar host losses (men)", false, r => r.HostLosses),
        new("persian-losses", "Persian losses (men)", false, r => r.PersianLosses),
        new("assault-attacker-losses", "attackers lost in assaults (men)", false, r => r.AssaultAttackerLosses),
        new("assault-defender-losses", "defenders lost in assaults (men)", false, r => r.AssaultDefenderLosses),
        new("canoes-lost", "canoes lost", false, r => r.CanoesLost),
        new("engines-lost", "engines lost", false, r => r.EnginesLost),
        new("towers-burned", "towers burned", false, r => r.TowersBurned),
        new("min-wall-integrity-permille", "lowest wall integrity (per mille)", false, r => r.MinWallIntegrityPermille),
    ];

    public static readonly IReadOnlyList<string> DefaultOutputs = ["fallen", "lifted", "close-siege-days"];

    /// <summary>The outputs of a siege scenario.</summary>
    public static readonly OutputCatalog Siege = new("siege", All, DefaultOutputs);

    public static Metric? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}

/// <summary>
/// The outputs one kind of scenario gives (a siege's or a war's), with the ones analysed when an experiment names none.
/// The same name may mean different things in two catalogs ("end-day" is the siege's last day in one, the war's in
/// the other): an experiment is checked against its scenario's catalog.
/// </summary>
public sealed record OutputCatalog(string Kind, IReadOnlyList<Metric> All, IReadOnlyList<string> Defaults)
{
    public Metric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The names, comma-separated, for hints.</summary>
    public string NameList => string.Join(", ", All.Select(m => m.Name));
}
