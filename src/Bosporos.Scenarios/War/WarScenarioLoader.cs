using System.Text;
using Bosporos.Kernel;
using Bosporos.Kernel.War;
using Bosporos.Scenarios.Binding;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.War;

/// <summary>What loading a war scenario gave: the campaign and the siege inside it (when there are no errors), every diagnostic of both files.</summary>
public sealed record WarLoadResult(
    WarDefinition? Definition,
    SiegeDefinition? Siege,
    ScenarioDocument? Document,
    IReadOnlyList<Diagnostic> Diagnostics,
    string ScenarioHash)
{
    public bool Succeeded => Definition is not null && Siege is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Reads war scenarios (<c>kind: war</c>) with the siege loader's gates, binder and diagnostics: the same size and
/// structure limits, cited numbers, unknown keys with suggestions and --set overrides; then the war's own meaning
/// checks, and the siege scenario it names, loaded by the siege loader (from beside the file, else the shipped one).
/// </summary>
public static class WarScenarioLoader
{
    private static readonly string[] TopLevelKeys = ["format", "sources", "$schema", "kind"];

    /// <summary>Whether a parsed scenario says <c>kind: war</c>.</summary>
    internal static bool IsWar(YMapping root) => root.Find("kind")?.Value is YScalar { Value: "war" };

    /// <summary>Whether the file at <paramref name="path"/> is a war scenario (read under the usual limits; false when unreadable).</summary>
    public static bool IsWarFile(string path)
    {
        var file = ScenarioLoader.ReadFile(path);
        if (file.Bytes is null)
        {
            return false;
        }

        var bag = new DiagnosticBag(path, 10);
        var text = TextGate.Decode(file.Bytes, LoaderLimits.Default, bag);
        return text is not null && YamlTreeReader.ReadDocument(text, LoaderLimits.Default, bag) is YMapping root && IsWar(root);
    }

    public static WarLoadResult LoadFile(string path, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        var file = ScenarioLoader.ReadFile(path);
        return file.Bytes is null
            ? new WarLoadResult(null, null, null, file.Diagnostics, string.Empty)
            : Load(file.Bytes, path, Path.GetDirectoryName(Path.GetFullPath(path)), overrides ?? [], LoaderLimits.Default);
    }

    /// <summary>Loads war scenario text; the siege it names is looked up beside <paramref name="folder"/> (when given), then among the shipped scenarios.</summary>
    public static WarLoadResult LoadText(string text, string fileName, string? folder = null, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(Encoding.UTF8.GetBytes(text), fileName, folder, overrides ?? [], LoaderLimits.Default);
    }

    private static WarLoadResult Load(byte[] bytes, string fileName, string? folder, IReadOnlyList<ScenarioOverride> overrides, LoaderLimits limits)
    {
        var bag = new DiagnosticBag(fileName, limits.MaxDiagnostics);
        var hash = ScenarioLoader.Hash(bytes, overrides);
        if (bytes.Length > limits.MaxFileBytes)
        {
            TextGate.ReportTooLarge(bytes.Length, limits, bag);
            return new WarLoadResult(null, null, null, bag.Sorted(), hash);
        }

        var text = TextGate.Decode(bytes, limits, bag);
        var tree = text is null ? null : YamlTreeReader.ReadDocument(text, limits, bag);
        if (tree is null)
        {
            return new WarLoadResult(null, null, null, bag.Sorted(), hash);
        }

        if (tree is not YMapping root)
        {
            bag.Error(DiagnosticCodes.NotAMapping, tree, string.Empty, $"A scenario is a mapping of sections, but this file is {tree.Describe()}.",
                "Start the file with 'format: 1', 'kind: war' and the sections as 'key: value' lines.");
            return new WarLoadResult(null, null, null, bag.Sorted(), hash);
        }

        if (!IsWar(root))
        {
            var kind = root.Find("kind");
            bag.Error(DiagnosticCodes.WrongType, kind is null ? root : kind.Value, "kind", "A war scenario says 'kind: war'.",
                "Add 'kind: war' at the top, or load a siege scenario with the siege commands.");
            return new WarLoadResult(null, null, null, bag.Sorted(), hash);
        }

        var format = ScenarioLoader.CheckFormat(root, bag);
        var sources = ScenarioLoader.ReadSources(root, bag);
        OverrideApplier.Apply(root, overrides, limits, bag, typeof(WarDefinition));
        var binder = new DefinitionBinder(bag, sources);
        var war = (WarDefinition?)binder.BindRecord(root, RecordModel.For(typeof(WarDefinition)), string.Empty, TopLevelKeys);
        SiegeDefinition? siege = null;
        var diagnostics = new List<Diagnostic>();
        if (war is not null)
        {
            var semantic = new SemanticValidator(bag, binder.Locator);
            var horizon = war.Calendar is { HorizonDays: > 0 } cal ? cal.HorizonDays : (int)NumericRules.MaxDays;
            semantic.CheckNumbers(binder.Numbers, horizon);
            semantic.CheckCalendar(war.Calendar);
            var checker = new WarValidator(bag, binder.Locator);
            checker.Validate(war);
            siege = LoadSiege(war, folder, bag, binder.Locator, diagnostics);
            if (siege is not null)
            {
                checker.CheckLinks(war, siege);
            }
        }

        var document = new ScenarioDocument(war?.Id ?? string.Empty, war?.Name ?? string.Empty, bag.File, format ?? 0, binder.Numbers.Select(n => n.Cited).ToList());
        var all = bag.Sorted().Concat(diagnostics).ToList();
        var failed = bag.HasErrors || diagnostics.Any(d => d.Severity == Severity.Error);
        return new WarLoadResult(failed ? null : war, failed ? null : siege, document, all, hash);
    }

    private static SiegeDefinition? LoadSiege(WarDefinition war, string? folder, DiagnosticBag bag, Locator locator, List<Diagnostic> diagnostics)
    {
        if (war.Siege?.Scenario is not { } name || locator.Failed(war.Siege, nameof(SiegeLinkDefinition.Scenario)))
        {
            return null;
        }

        string? path = null;
        if (folder is not null && SemanticValidator.ScenarioIdPattern().IsMatch(name) && File.Exists(Path.Combine(folder, name + ".yaml")))
        {
            path = Path.Combine(folder, name + ".yaml");
        }
        else if (ScenarioCatalog.Find(name) is { } entry)
        {
            path = entry.Path;
        }

        if (path is null)
        {
            var (node, p) = locator.Find(war.Siege, nameof(SiegeLinkDefinition.Scenario), "scenario");
            bag.Error(DiagnosticCodes.UnknownReference, node, p, $"No siege scenario '{name}' beside this file or among the shipped scenarios.",
                "Name a shipped siege scenario (see 'bosporos scenarios'), e.g. constantinople-626.");
            return null;
        }

        var result = ScenarioLoader.LoadFile(path);
        diagnostics.AddRange(result.Diagnostics);
        return result.Succeeded ? result.Definition : null;
    }
}
