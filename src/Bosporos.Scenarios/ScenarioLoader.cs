using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bosporos.Kernel;
using Bosporos.Scenarios.Binding;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios;

/// <summary>A value given on the command line as <c>--set path=value</c>.</summary>
public sealed record ScenarioOverride(string Path, string Value)
{
    /// <summary>Splits <c>path=value</c> at the first '='; null when there is none.</summary>
    public static ScenarioOverride? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('=', StringComparison.Ordinal);
        return at <= 0 ? null : new ScenarioOverride(text[..at].Trim(), text[(at + 1)..]);
    }

    public override string ToString() => $"{Path}={Value}";
}

/// <summary>A scenario file's bytes as read under the size limit, or (when <see cref="Bytes"/> is null) why not.</summary>
public sealed record ScenarioFile(string Path, byte[]? Bytes, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What loading a scenario gave: a definition (when there are no errors) and every diagnostic at once.</summary>
public sealed record LoadResult(
    SiegeDefinition? Definition,
    ScenarioDocument? Document,
    IReadOnlyList<Diagnostic> Diagnostics,
    string ScenarioHash)
{
    public bool Succeeded => Definition is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Reads scenario files (YAML or JSON) into validated definitions. Never throws on bad input: every problem is a
/// diagnostic with file, line, column, code, message and hint. Pipeline: size gate (bytes) -> event pre-scan into a
/// node tree (limits) -> --set overrides -> binding onto the kernel records -> meaning checks.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The only format version this loader reads.</summary>
    public const int Format = 1;

    private static readonly string[] TopLevelKeys = ["format", "sources", "$schema"];

    /// <summary>Loads a file from disk, applying overrides after parsing and before validation.</summary>
    public static LoadResult LoadFile(string path, IReadOnlyList<ScenarioOverride>? overrides = null) =>
        LoadFile(path, overrides, LoaderLimits.Default);

    /// <summary>Loads a file from disk with explicit limits. A file over the size limit is refused without reading it.</summary>
    public static LoadResult LoadFile(string path, IReadOnlyList<ScenarioOverride>? overrides, LoaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var file = ReadFile(path, limits);
        return file.Bytes is null
            ? new LoadResult(null, null, file.Diagnostics, string.Empty)
            : LoadBytes(file.Bytes, path, overrides, limits);
    }

    /// <summary>
    /// Reads a scenario file's bytes under the size limit (never more than the limit plus one byte, whatever the
    /// file is), or gives the diagnostics that say why it cannot be read. Every way of loading a file from disk
    /// (the command line, experiments, the web site) goes through here and then <see cref="LoadBytes"/>, so they
    /// share one set of limits, one decoder and one hash: the SHA-256 of these bytes.
    /// </summary>
    public static ScenarioFile ReadFile(string path, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= LoaderLimits.Default;
        var bag = new DiagnosticBag(path, limits.MaxDiagnostics);
        try
        {
            if (Directory.Exists(path))
            {
                bag.ErrorAt(DiagnosticCodes.FileUnreadable, 0, 0, string.Empty, "This is a folder, not a scenario file.", "Give the path of a .yaml file.");
                return new ScenarioFile(path, null, bag.Sorted());
            }

            if (!File.Exists(path))
            {
                bag.ErrorAt(DiagnosticCodes.FileUnreadable, 0, 0, string.Empty, "The file does not exist.",
                    "Check the path; shipped scenarios can also be named by id (see 'bosporos scenarios').");
                return new ScenarioFile(path, null, bag.Sorted());
            }

            var bytes = BoundedFile.Read(path, limits.MaxFileBytes);
            if (bytes.Length > limits.MaxFileBytes)
            {
                var length = new FileInfo(path).Length;
                TextGate.ReportTooLarge(length > limits.MaxFileBytes ? length : bytes.Length, limits, bag);
                return new ScenarioFile(path, null, bag.Sorted());
            }

            return new ScenarioFile(path, bytes, []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            bag.ErrorAt(DiagnosticCodes.FileUnreadable, 0, 0, string.Empty, $"The file cannot be read: {e.Message}",
                "Check the path and the file's permissions.");
            return new ScenarioFile(path, null, bag.Sorted());
        }
    }

    /// <summary>Loads scenario text; <paramref name="fileName"/> is used in diagnostics.</summary>
    public static LoadResult LoadText(string text, string fileName, IReadOnlyList<ScenarioOverride>? overrides = null) =>
        LoadText(text, fileName, overrides, LoaderLimits.Default);

    /// <summary>Loads scenario text with explicit limits.</summary>
    public static LoadResult LoadText(string text, string fileName, IReadOnlyList<ScenarioOverride>? overrides, LoaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        var bag = new DiagnosticBag(fileName ?? "<text>", limits.MaxDiagnostics);
        if ((long)text.Length > limits.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > limits.MaxFileBytes)
        {
            TextGate.ReportTooLarge(Encoding.UTF8.GetByteCount(text), limits, bag);
            return Failed(bag);
        }

        byte[] bytes;
        try
        {
            bytes = BoundedFile.StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            var (line, column) = TextGate.Position(text.AsSpan(0, Math.Clamp(e.Index, 0, text.Length)));
            bag.ErrorAt(DiagnosticCodes.InvalidUtf8, line, column, string.Empty, "The text holds a lone surrogate, which is not valid Unicode.",
                "Remove the broken character.");
            return Failed(bag);
        }

        return Load(bytes, bag, overrides ?? [], limits);
    }

    /// <summary>Loads scenario bytes (e.g. an uploaded file); <paramref name="fileName"/> is used in diagnostics.</summary>
    public static LoadResult LoadBytes(ReadOnlySpan<byte> bytes, string fileName, IReadOnlyList<ScenarioOverride>? overrides = null, LoaderLimits? limits = null)
    {
        limits ??= LoaderLimits.Default;
        var bag = new DiagnosticBag(fileName ?? "<bytes>", limits.MaxDiagnostics);
        if (bytes.Length > limits.MaxFileBytes)
        {
            TextGate.ReportTooLarge(bytes.Length, limits, bag);
            return Failed(bag);
        }

        return Load(bytes.ToArray(), bag, overrides ?? [], limits);
    }

    /// <summary>Lowercase hex SHA-256 over the file bytes, then (when there are overrides) one "path=value" line each.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes, IReadOnlyList<ScenarioOverride>? overrides)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        if (overrides is { Count: > 0 })
        {
            var lines = new StringBuilder("\n--set\n");
            foreach (var o in overrides)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{(o.Path ?? string.Empty).Trim()}={o.Value}\n");
            }

            hash.AppendData(Encoding.UTF8.GetBytes(lines.ToString()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static LoadResult Load(byte[] bytes, DiagnosticBag bag, IReadOnlyList<ScenarioOverride> overrides, LoaderLimits limits)
    {
        var hash = Hash(bytes, overrides);
        var text = TextGate.Decode(bytes, limits, bag);
        if (text is null)
        {
            return new LoadResult(null, null, bag.Sorted(), hash);
        }

        var tree = YamlTreeReader.ReadDocument(text, limits, bag);
        if (tree is null)
        {
            return new LoadResult(null, null, bag.Sorted(), hash);
        }

        if (tree is not YMapping root)
        {
            bag.Error(DiagnosticCodes.NotAMapping, tree, string.Empty, $"A scenario is a mapping of sections, but this file is {tree.Describe()}.",
                "Start the file with 'format: 1' and the sections as 'key: value' lines, not with '- '.");
            return new LoadResult(null, null, bag.Sorted(), hash);
        }

        if (LooksLikeExperiment(root))
        {
            bag.Error(DiagnosticCodes.ExperimentFile, root, string.Empty,
                "This is an experiment file, not a scenario: it names a scenario ('scenario:') and says what to run on it.",
                $"Run it with 'bosporos experiment run {bag.File} --out STORE' (or check it with 'bosporos experiment check {bag.File}').");
            return new LoadResult(null, null, bag.Sorted(), hash);
        }

        if (War.WarScenarioLoader.IsWar(root))
        {
            bag.Error(DiagnosticCodes.WarFile, root.Find("kind")!.Value, "kind",
                "This is a war scenario (kind: war), not a siege: it is loaded with its siege inside by the war loader.",
                "Run it with 'bosporos run' or 'bosporos mc', which read the kind and route it; or remove 'kind: war' if it is a siege.");
            return new LoadResult(null, null, bag.Sorted(), hash);
        }

        var format = CheckFormat(root, bag);
        var sources = ReadSources(root, bag);
        OverrideApplier.Apply(root, overrides, limits, bag);

        var binder = new DefinitionBinder(bag, sources);
        var definition = (SiegeDefinition?)binder.BindRecord(root, RecordModel.For(typeof(SiegeDefinition)), string.Empty, TopLevelKeys);
        if (definition is not null)
        {
            new SemanticValidator(bag, binder.Locator).Validate(definition, binder.Numbers);
        }

        var document = new ScenarioDocument(
            definition?.Id ?? string.Empty,
            definition?.Name ?? string.Empty,
            bag.File,
            format ?? 0,
            binder.Numbers.Select(n => n.Cited).ToList());
        return new LoadResult(bag.HasErrors ? null : definition, document, bag.Sorted(), hash);
    }

    /// <summary>An experiment file has 'scenario:' and a seed, mode or variants, and none of a scenario's sections.</summary>
    private static bool LooksLikeExperiment(YMapping root) =>
        root.Find("scenario") is not null
        && (root.Find("master-seed") ?? root.Find("mode") ?? root.Find("variants")) is not null
        && root.Find("calendar") is null && root.Find("zones") is null && root.Find("contingents") is null;

    internal static int? CheckFormat(YMapping root, DiagnosticBag bag)
    {
        var entry = root.Find("format");
        if (entry is null)
        {
            bag.Error(DiagnosticCodes.MissingKey, root, "format", "Missing required key 'format'.",
                "Add 'format: 1' at the top of the file.");
            return null;
        }

        if (entry.Value is YScalar { Plain: true, Value: "1" })
        {
            return Format;
        }

        bag.Error(DiagnosticCodes.UnsupportedFormat, entry.Value, "format",
            $"Unsupported format {entry.Value.Describe()}; this version of Bosporos reads format {Format}.",
            "Write 'format: 1', or use the Bosporos release that matches the file.");
        return null;
    }

    internal static Dictionary<string, string> ReadSources(YMapping root, DiagnosticBag bag)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var entry = root.Find("sources");
        if (entry is null)
        {
            return sources;
        }

        if (entry.Value is not YMapping map)
        {
            bag.Error(DiagnosticCodes.WrongType, entry.Value, "sources", $"'sources' is a mapping of short keys to references, found {entry.Value.Describe()}.",
                "Write e.g. 'sources:' then '  hurbanic-2019: Hurbanič, The Avar Siege of Constantinople in 626 (2019)'.");
            return sources;
        }

        foreach (var item in map.Entries)
        {
            if (item.Value is YScalar { IsNull: false } reference)
            {
                sources[item.Key.Value] = reference.Value;
            }
            else
            {
                bag.Error(DiagnosticCodes.WrongType, item.Value, $"sources.{item.Key.Value}", $"A source is a line of text, found {item.Value.Describe()}.",
                    "Write the full reference after the key.");
            }
        }

        return sources;
    }

    private static LoadResult Failed(DiagnosticBag bag) => new(null, null, bag.Sorted(), string.Empty);
}
