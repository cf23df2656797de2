using System.Globalization;
using System.Text.RegularExpressions;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Analysis.Experiments;

/// <summary>What reading an experiment file gave: a definition when there are no errors, and every diagnostic.</summary>
public sealed record ExperimentLoadResult(ExperimentDefinition? Experiment, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Experiment is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Reads experiment files (YAML). Never throws on bad input: every problem is a located diagnostic (codes BOSX…),
/// all of them collected in one pass.
/// </summary>
public static partial class ExperimentLoader
{
    public const int Format = 1;

    /// <summary>The most runs per variant an experiment may ask for.</summary>
    public const long MaxRuns = 100_000_000;

    private static readonly string[] TopKeys =
    [
        "format", "id", "name", "description", "scenario", "master-seed", "runs", "mode", "baseline", "readings", "variants",
        "record", "until-ci", "batch", "uncertainty", "morris", "sobol", "parameters", "outputs", "branch",
    ];


    private static readonly string[] ModeNames = ["paired", "uncertainty", "morris", "sobol"];

    public static ExperimentLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return Fail(path, "BOSX010", $"'{path}' is a folder, not an experiment file.", "Give the path of the experiment's .yaml file.");
            }

            if (!File.Exists(path))
            {
                return Fail(path, "BOSX010", $"The experiment file '{path}' does not exist.", "Check the path (it is relative to the working directory).");
            }

            // Read like a scenario file: never more than the cap, whatever the file claims to be.
            bytes = BoundedFile.Read(path, YamlTree.MaxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Fail(path, "BOSX010", $"The experiment file '{path}' cannot be read: {ex.Message}", "Check that it exists and is readable.");
        }

        return LoadBytes(bytes, path);
    }

    /// <summary>Reads an experiment from its bytes: the size cap, strict UTF-8 (an optional BOM is skipped), then the text.</summary>
    public static ExperimentLoadResult LoadBytes(ReadOnlySpan<byte> bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (bytes.Length > YamlTree.MaxBytes)
        {
            return Fail(fileName, "BOSX001", $"The experiment file is larger than {YamlTree.MaxBytes / 1024} KiB.", "Experiment files are short: list variants and settings, not data.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = BoundedFile.StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            return Fail(fileName, "BOSX010", $"The experiment file '{fileName}' is not valid UTF-8 text (byte offset {ex.Index}).", "Save it as UTF-8 (most editors offer it under 'Save with encoding').");
        }

        return LoadText(text, fileName);
    }

    public static ExperimentLoadResult LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new List<Diagnostic>();
        var root = YamlTree.Read(text, fileName, diagnostics);
        if (root is null)
        {
            return new ExperimentLoadResult(null, diagnostics);
        }

        var reader = new Reader(fileName, diagnostics);
        var experiment = reader.Read(root, text);
        var sorted = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new ExperimentLoadResult(sorted.Any(d => d.Severity == Severity.Error) ? null : experiment, sorted);
    }

    private static ExperimentLoadResult Fail(string file, string code, string message, string hint) =>
        new(null, [YamlTree.Error(file, 0, 0, code, message, hint)]);

    /// <summary>The closest known name within a small edit distance, for "did you mean" hints.</summary>
    internal static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            var d = Distance(name, k);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,255}$")]
    private static partial Regex PathPattern();

    private sealed class Reader(string file, List<Diagnostic> diagnostics)
    {
        public ExperimentDefinition? Read(YamlNode root, string text)
        {
            if (root.Kind != YamlNodeKind.Mapping)
            {
                Error(root, "BOSX020", $"An experiment file must be a mapping of settings, not {root.KindName}.", "Start from scenarios/experiments/counterfactuals-626.yaml.");
                return null;
            }

            var map = Entries(root, TopKeys, string.Empty);
            var format = Int(map, "format", string.Empty, 1, 1, Format);
            _ = format;
            var id = Name(map, "id", string.Empty, required: true) ?? "experiment";
            var name = Text(map, "name");
            _ = Text(map, "description");
            var scenarioNode = Required(root, map, "scenario", string.Empty);
            var scenario = scenarioNode is null ? string.Empty : ScalarText(scenarioNode, "scenario") ?? string.Empty;
            if (scenarioNode is not null && scenario.Length == 0)
            {
                Error(scenarioNode, "BOSX021", "The scenario is empty.", "Give a shipped scenario id (constantinople-626) or a path relative to this file.", "scenario");
            }

            var seed = MasterSeed(root, map);
            var mode = Mode(map);
            long? runs = null;
            if (map.TryGetValue("runs", out var runsNode))
            {
                runs = LongValue(runsNode, "runs", 1, MaxRuns);
                if (mode != ExperimentMode.Paired)
                {
                    Error(runsNode, "BOSX022", $"'runs' is set by the design in {mode.ToString().ToLowerInvariant()} mode.", "Remove it and size the design in the mode's own section.", "runs");
                }
            }
            else if (mode == ExperimentMode.Paired)
            {
                Error(root, "BOSX023", "A paired experiment needs 'runs' (how many seeds each variant is run with).", "Add for example 'runs: 1000'.", "runs");
            }

            var baseline = map.TryGetValue("baseline", out var b) ? Overrides(b, "baseline") : [];
            var readings = Readings(map);
            var variants = Variants(map, readings);
            var record = Record(map);
            double? untilCi = null;
            if (map.TryGetValue("until-ci", out var ci))
            {
                untilCi = DoubleValue(ci, "until-ci", 0, 0.5, exclusiveLow: true);
                if (mode != ExperimentMode.Paired)
                {
                    Error(ci, "BOSX022", "'until-ci' applies to paired experiments only.", "Remove it, or set 'mode: paired'.", "until-ci");
                }
            }

            var batch = Int(map, "batch", string.Empty, 256, 1, 1_000_000);
            var uncertainty = Section(map, "uncertainty", mode, ExperimentMode.Uncertainty, ["draws", "seeds-per-draw"], (m, p) =>
                new UncertaintySettings(Int(m, "draws", p, 50, 2, 1_000_000), Int(m, "seeds-per-draw", p, 20, 2, 1_000_000))) ?? new UncertaintySettings(50, 20);
            var morris = Section(map, "morris", mode, ExperimentMode.Morris, ["trajectories", "levels", "seeds-per-point"], (m, p) =>
            {
                var levels = Int(m, "levels", p, 4, 2, 64);
                if (levels % 2 != 0 && m.TryGetValue("levels", out var ln))
                {
                    Error(ln, "BOSX024", "Morris 'levels' must be even.", "Use 4 (the usual choice) or 6, 8.", p + ".levels");
                }

                return new MorrisSettings(Int(m, "trajectories", p, 10, 2, 10_000), levels, Int(m, "seeds-per-point", p, 20, 1, 1_000_000));
            }) ?? new MorrisSettings(10, 4, 20);
            var sobol = Section(map, "sobol", mode, ExperimentMode.Sobol, ["base-samples", "seeds-per-point", "bootstrap"], (m, p) =>
                new SobolSettings(Int(m, "base-samples", p, 128, 2, 1_000_000), Int(m, "seeds-per-point", p, 10, 1, 1_000_000), Int(m, "bootstrap", p, 500, 0, 100_000))) ?? new SobolSettings(128, 10, 500);
            var parameters = Parameters(map);
            var outputs = Outputs(map);
            if (mode == ExperimentMode.Paired && parameters is not null && map.TryGetValue("parameters", out var pn))
            {
                Warning(pn, "BOSX025", "'parameters' has no effect in paired mode.", "Use variants to change numbers in a paired experiment.", "parameters");
            }

            return new ExperimentDefinition(
                id, name, file, text, scenario, scenarioNode?.Line ?? 0, scenarioNode?.Column ?? 0, seed, runs, mode, baseline, readings,
                variants, record, untilCi, batch, uncertainty, morris, sobol, parameters, outputs is null ? [.. Metrics.DefaultOutputs] : [.. outputs.Select(o => o.Name)])
            {
                Branch = Branch(map, mode),
                OutputSpecs = outputs,
            };
        }

        private BranchSpec? Branch(Dictionary<string, YamlNode> map, ExperimentMode mode)
        {
            if (!map.TryGetValue("branch", out var node))
            {
                return null;
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(node, "BOSX038", $"'branch' must be a mapping, not {node.KindName}.", "branch: { replay: siege.replay.json, at: 626-08-03T06:00 }", "branch");
                return null;
            }

            if (mode != ExperimentMode.Paired)
            {
                Error(node, "BOSX090", $"A branch experiment compares variants pair by pair, so it must be paired, not {mode.ToString().ToLowerInvariant()}.", "Set 'mode: paired' (or leave 'mode' out).", "branch");
            }

            var m = Entries(node, ["replay", "at", "replay-hash"], "branch");
            var replay = Required(node, m, "replay", "branch") is { } r ? ScalarText(r, "branch.replay") : null;
            var at = Required(node, m, "at", "branch") is { } a ? ScalarText(a, "branch.at") : null;
            var hash = m.TryGetValue("replay-hash", out var h) ? ScalarText(h, "branch.replay-hash") : null;
            if (at is not null && !Scenarios.Narrative.JulianDates.TryParseDate(at, out _, out _, out var problem))
            {
                Error(m["at"], "BOSX091", problem, "Write the moment as the chronicle dates it, in the Julian calendar: 626-08-03T06:00.", "branch.at");
                return null;
            }

            return replay is null || at is null ? null : new BranchSpec(replay, at, hash, node.Line, node.Column);
        }

        private ulong MasterSeed(YamlNode root, Dictionary<string, YamlNode> map)
        {
            var node = Required(root, map, "master-seed", string.Empty);
            if (node is null)
            {
                return 0;
            }

            if (node.Kind == YamlNodeKind.Scalar && node.Plain && ulong.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            {
                return seed;
            }

            Error(node, "BOSX030", $"'master-seed' must be a whole number from 0 to {ulong.MaxValue}, not '{Show(node)}'.", "For example 'master-seed: 626'.", "master-seed");
            return 0;
        }

        private ExperimentMode Mode(Dictionary<string, YamlNode> map)
        {
            if (!map.TryGetValue("mode", out var node))
            {
                return ExperimentMode.Paired;
            }

            var value = ScalarText(node, "mode");
            var i = value is null ? -1 : Array.IndexOf(ModeNames, value);
            if (i < 0)
            {
                if (value is not null)
                {
                    Error(node, "BOSX031", $"Unknown mode '{value}'.", "Use one of: " + string.Join(", ", ModeNames) + ".", "mode");
                }

                return ExperimentMode.Paired;
            }

            return (ExperimentMode)i;
        }

        private Dictionary<string, IReadOnlyList<ScenarioOverride>> Readings(Dictionary<string, YamlNode> map)
        {
            var result = new Dictionary<string, IReadOnlyList<ScenarioOverride>>(StringComparer.Ordinal);
            if (!map.TryGetValue("readings", out var node))
            {
                return result;
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(node, "BOSX032", $"'readings' must be a mapping of reading names to overrides, not {node.KindName}.", "readings: { theophanes: { contingents.avars.strength: 80000 } }", "readings");
                return result;
            }

            foreach (var (k, v) in node.Entries)
            {
                if (!NamePattern().IsMatch(k.Value))
                {
                    Error(k, "BOSX033", $"'{k.Value}' is not a valid reading name.", "Use lower-case letters, digits and '-'.", "readings");
                    continue;
                }

                result[k.Value] = Overrides(v, "readings." + k.Value);
            }

            return result;
        }

        private List<VariantDefinition> Variants(Dictionary<string, YamlNode> map, Dictionary<string, IReadOnlyList<ScenarioOverride>> readings)
        {
            var result = new List<VariantDefinition>();
            if (!map.TryGetValue("variants", out var node))
            {
                return result;
            }

            if (node.Kind != YamlNodeKind.Sequence)
            {
                Error(node, "BOSX034", $"'variants' must be a list, not {node.KindName}.", "variants:\n  - name: no-fleet\n    set: { path: value }", "variants");
                return result;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var path = $"variants.{i}";
                if (item.Kind != YamlNodeKind.Mapping)
                {
                    Error(item, "BOSX034", $"Each variant must be a mapping with a name, not {item.KindName}.", "- name: no-fleet\n  set: { path: value }", path);
                    continue;
                }

                var m = Entries(item, ["name", "description", "reading", "set"], path);
                var name = Name(m, "name", path, required: true, owner: item);
                if (name is null)
                {
                    continue;
                }

                if (name == ExperimentDefinition.BaselineName)
                {
                    Error(m["name"], "BOSX035", "A variant cannot be called 'baseline': that name is the unchanged scenario.", "Pick another name; put shared changes under 'baseline:'.", path + ".name");
                    continue;
                }

                if (!names.Add(name))
                {
                    Error(m["name"], "BOSX035", $"Two variants are called '{name}'.", "Variant names must be unique.", path + ".name");
                    continue;
                }

                string? reading = null;
                var overrides = new List<ScenarioOverride>();
                if (m.TryGetValue("reading", out var rn))
                {
                    reading = ScalarText(rn, path + ".reading");
                    if (reading is not null)
                    {
                        if (readings.TryGetValue(reading, out var set))
                        {
                            overrides.AddRange(set);
                        }
                        else
                        {
                            var known = readings.Count == 0 ? "none is defined (add a 'readings:' section)" : "known readings: " + string.Join(", ", readings.Keys);
                            Error(rn, "BOSX036", $"Unknown reading '{reading}'.", known + ".", path + ".reading");
                        }
                    }
                }

                if (m.TryGetValue("set", out var sn))
                {
                    overrides.AddRange(Overrides(sn, path + ".set"));
                }

                if (reading is null && !m.ContainsKey("set"))
                {
                    Error(item, "BOSX037", $"The variant '{name}' changes nothing.", "Give it 'set:' (path: value) or 'reading:' (a named set of values).", path);
                }

                result.Add(new VariantDefinition(name, Text(m, "description"), reading, overrides, item.Line, item.Column));
            }

            return result;
        }

        private RecordOptions Record(Dictionary<string, YamlNode> map)
        {
            if (!map.TryGetValue("record", out var node))
            {
                return new RecordOptions(20, 5);
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(node, "BOSX038", $"'record' must be a mapping, not {node.KindName}.", "record: { divergence-pairs: 20, agreeing-pairs: 5 }", "record");
                return new RecordOptions(20, 5);
            }

            var m = Entries(node, ["divergence-pairs", "agreeing-pairs"], "record");
            return new RecordOptions(Int(m, "divergence-pairs", "record", 20, 0, 1000), Int(m, "agreeing-pairs", "record", 5, 0, 1000));
        }

        private T? Section<T>(Dictionary<string, YamlNode> map, string key, ExperimentMode mode, ExperimentMode owner, string[] keys, Func<Dictionary<string, YamlNode>, string, T> read)
            where T : class
        {
            if (!map.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(node, "BOSX038", $"'{key}' must be a mapping, not {node.KindName}.", $"{key}: {{ {keys[0]}: … }}", key);
                return null;
            }

            if (mode != owner)
            {
                Warning(node, "BOSX025", $"The '{key}' section has no effect in {mode.ToString().ToLowerInvariant()} mode.", $"Set 'mode: {key}' or remove the section.", key);
            }

            return read(Entries(node, keys, key), key);
        }

        private List<ParameterSpec>? Parameters(Dictionary<string, YamlNode> map)
        {
            if (!map.TryGetValue("parameters", out var node))
            {
                return null;
            }

            if (node.Kind != YamlNodeKind.Sequence)
            {
                Error(node, "BOSX040", $"'parameters' must be a list of scenario paths, not {node.KindName}.", "parameters: [contingents.field-troops.strength]", "parameters");
                return null;
            }

            var result = new List<ParameterSpec>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var at = $"parameters.{i}";
                string? path;
                decimal? low = null, high = null;
                bool? integer = null;
                if (item.Kind == YamlNodeKind.Scalar)
                {
                    path = item.Value;
                }
                else if (item.Kind == YamlNodeKind.Mapping)
                {
                    var m = Entries(item, ["path", "range", "integer"], at);
                    var pn = Required(item, m, "path", at);
                    path = pn is null ? null : ScalarText(pn, at + ".path");
                    if (m.TryGetValue("range", out var rn))
                    {
                        (low, high) = Range(rn, at + ".range");
                    }

                    if (m.TryGetValue("integer", out var inn))
                    {
                        integer = Bool(inn, at + ".integer");
                    }
                }
                else
                {
                    Error(item, "BOSX040", "Each parameter must be a scenario path or a mapping with 'path' and 'range'.", null, at);
                    continue;
                }

                if (path is null)
                {
                    continue;
                }

                if (!PathPattern().IsMatch(path))
                {
                    Error(item, "BOSX041", $"'{path}' is not a scenario path.", "Paths look like contingents.field-troops.strength.", at);
                    continue;
                }

                if (!seen.Add(path))
                {
                    Error(item, "BOSX042", $"The parameter '{path}' is listed twice.", null, at);
                    continue;
                }

                result.Add(new ParameterSpec(path, low, high, integer, item.Line, item.Column));
            }

            if (result.Count == 0 && node.Items.Count == 0)
            {
                Error(node, "BOSX040", "'parameters' is empty.", "Remove it to sample every ranged number, or list some paths.", "parameters");
            }

            return result;
        }

        private (decimal? Low, decimal? High) Range(YamlNode node, string path)
        {
            if (node.Kind != YamlNodeKind.Sequence || node.Items.Count != 2)
            {
                Error(node, "BOSX043", "A range must be a list of two numbers: [low, high].", "range: [10000, 15000]", path);
                return (null, null);
            }

            var lo = DecimalValue(node.Items[0], path);
            var hi = DecimalValue(node.Items[1], path);
            if (lo is not null && hi is not null && lo >= hi)
            {
                Error(node, "BOSX043", $"The range [{lo}, {hi}] is empty: low must be below high.", null, path);
                return (null, null);
            }

            return (lo, hi);
        }

        /// <summary>
        /// The outputs named, each known to siege or war scenarios (which kind the scenario is, the plan checks); null
        /// when the file names none.
        /// </summary>
        private List<OutputSpec>? Outputs(Dictionary<string, YamlNode> map)
        {
            if (!map.TryGetValue("outputs", out var node))
            {
                return null;
            }

            if (node.Kind != YamlNodeKind.Sequence || node.Items.Count == 0)
            {
                Error(node, "BOSX044", "'outputs' must be a non-empty list of output names.", KnownOutputs(), "outputs");
                return null;
            }

            var result = new List<OutputSpec>();
            foreach (var item in node.Items)
            {
                var name = ScalarText(item, "outputs");
                if (name is null)
                {
                    continue;
                }

                if (Metrics.Find(name) is null && !War.WarMetrics.Names.Contains(name))
                {
                    var close = Closest(name, Metrics.All.Select(m => m.Name).Concat(War.WarMetrics.Names).Distinct());
                    Error(item, "BOSX044", $"Unknown output '{name}'.", (close is null ? string.Empty : $"Did you mean '{close}'? ") + KnownOutputs(), "outputs");
                    continue;
                }

                if (!result.Any(o => o.Name == name))
                {
                    result.Add(new OutputSpec(name, item.Line, item.Column));
                }
            }

            return result;
        }

        private static string KnownOutputs() =>
            "Outputs of a siege scenario: " + Metrics.Siege.NameList + ". Outputs of a war scenario: " + string.Join(", ", War.WarMetrics.Names) + ".";

        private List<ScenarioOverride> Overrides(YamlNode node, string path)
        {
            var result = new List<ScenarioOverride>();
            if (node.Kind != YamlNodeKind.Mapping)
            {
                Error(node, "BOSX045", $"Overrides must be a mapping of scenario paths to values, not {node.KindName}.", "set: { contingents.field-troops.strength: 0 }", path);
                return result;
            }

            foreach (var (k, v) in node.Entries)
            {
                if (!PathPattern().IsMatch(k.Value))
                {
                    Error(k, "BOSX041", $"'{k.Value}' is not a scenario path.", "Paths look like contingents.field-troops.strength.", path);
                    continue;
                }

                if (v.Kind != YamlNodeKind.Scalar || (v.Plain && v.Value is "" or "~" or "null"))
                {
                    Error(v, "BOSX046", $"The value for '{k.Value}' must be a single number, word or true/false.", "Lists and mappings cannot be overridden as a whole; set their fields one by one.", path + "." + k.Value);
                    continue;
                }

                result.Add(new ScenarioOverride(k.Value, v.Value));
            }

            return result;
        }

        private Dictionary<string, YamlNode> Entries(YamlNode node, IReadOnlyList<string> known, string path)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (k, v) in node.Entries)
            {
                if (!known.Contains(k.Value))
                {
                    var close = Closest(k.Value, known);
                    var hint = (close is null ? string.Empty : $"Did you mean '{close}'? ") + "Known keys here: " + string.Join(", ", known) + ".";
                    Error(k, "BOSX011", $"Unknown key '{k.Value}'.", hint, Join(path, k.Value));
                    continue;
                }

                result[k.Value] = v;
            }

            return result;
        }

        private YamlNode? Required(YamlNode owner, Dictionary<string, YamlNode> map, string key, string path)
        {
            if (map.TryGetValue(key, out var node))
            {
                return node;
            }

            Error(owner, "BOSX012", $"Missing required key '{key}'.", null, Join(path, key));
            return null;
        }

        private string? Name(Dictionary<string, YamlNode> map, string key, string path, bool required, YamlNode? owner = null)
        {
            if (!map.TryGetValue(key, out var node))
            {
                if (required)
                {
                    diagnostics.Add(YamlTree.Error(file, owner?.Line ?? 1, owner?.Column ?? 1, "BOSX012", $"Missing required key '{key}'.", null, Join(path, key)));
                }

                return null;
            }

            var value = ScalarText(node, Join(path, key));
            if (value is not null && !NamePattern().IsMatch(value))
            {
                Error(node, "BOSX013", $"'{value}' is not a valid {key}.", "Use 1 to 64 lower-case letters, digits and '-', starting with a letter or digit.", Join(path, key));
                return null;
            }

            return value;
        }

        private string? Text(Dictionary<string, YamlNode> map, string key) =>
            map.TryGetValue(key, out var node) ? ScalarText(node, key) : null;

        private string? ScalarText(YamlNode node, string path)
        {
            if (node.Kind != YamlNodeKind.Scalar)
            {
                Error(node, "BOSX014", $"Expected a single value here, not {node.KindName}.", null, path);
                return null;
            }

            return node.Value;
        }

        private int Int(Dictionary<string, YamlNode> map, string key, string path, int fallback, int min, int max)
        {
            if (!map.TryGetValue(key, out var node))
            {
                return fallback;
            }

            var value = LongValue(node, Join(path, key), min, max);
            return value is null ? fallback : (int)value.Value;
        }

        private long? LongValue(YamlNode node, string path, long min, long max)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Plain && long.TryParse(node.Value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            {
                if (v >= min && v <= max)
                {
                    return v;
                }

                Error(node, "BOSX015", $"'{path}' must be between {min} and {max}, not {v}.", null, path);
                return null;
            }

            Error(node, "BOSX015", $"'{path}' must be a whole number, not '{Show(node)}'.", null, path);
            return null;
        }

        private double? DoubleValue(YamlNode node, string path, double min, double max, bool exclusiveLow)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Plain && double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                if ((exclusiveLow ? v > min : v >= min) && v <= max)
                {
                    return v;
                }

                Error(node, "BOSX015", $"'{path}' must be {(exclusiveLow ? "above" : "at least")} {min.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}, not {node.Value}.", "A target half-width of 0.01 means shares known to ±1 percentage point.", path);
                return null;
            }

            Error(node, "BOSX015", $"'{path}' must be a number, not '{Show(node)}'.", null, path);
            return null;
        }

        private decimal? DecimalValue(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Plain && decimal.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            Error(node, "BOSX015", $"Expected a number here, not '{Show(node)}'.", null, path);
            return null;
        }

        private bool? Bool(YamlNode node, string path)
        {
            if (node.Kind == YamlNodeKind.Scalar && node.Plain && node.Value is "true" or "false")
            {
                return node.Value == "true";
            }

            Error(node, "BOSX015", $"Expected true or false, not '{Show(node)}'.", null, path);
            return null;
        }

        private static string Show(YamlNode node) => node.Kind == YamlNodeKind.Scalar ? node.Value : node.KindName;

        private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        private void Error(YamlNode at, string code, string message, string? hint, string path = "") =>
            diagnostics.Add(YamlTree.Error(file, at.Line, at.Column, code, message, hint, path));

        private void Warning(YamlNode at, string code, string message, string? hint, string path = "") =>
            diagnostics.Add(new Diagnostic(Severity.Warning, code, file, at.Line, at.Column, path, message, hint));
    }
}
