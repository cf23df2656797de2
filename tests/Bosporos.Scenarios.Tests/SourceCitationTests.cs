using System.Text.RegularExpressions;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Tests;

/// <summary>
/// A reader must be able to follow every citation of a shipped scenario: each <c>source:</c> key is listed in the
/// file's <c>sources:</c> block and has an entry in docs/sources.md, and no source or note sends the reader to a file
/// that is not in the repository.
/// </summary>
public partial class SourceCitationTests
{
    private static string Root => Fixture.RepoRoot();

    private static string SourcesDoc => File.ReadAllText(Path.Combine(Root, "docs", "sources.md"));

    private static List<string> ScenarioFiles() =>
        [.. Directory.GetFiles(Path.Combine(Fixture.RepoRoot(), "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> ShippedScenarios() => new(ScenarioFiles());

    [Fact]
    public void The_shipped_scenarios_are_found()
    {
        Assert.Contains("constantinople-626.yaml", ScenarioFiles());
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Every_source_key_used_is_listed_in_the_sources_block(string file)
    {
        var citations = Citations.Read(File.ReadAllText(Path.Combine(Root, "scenarios", file)));
        Assert.NotEmpty(citations.Used);
        var missing = citations.Used.Where(u => !citations.Declared.ContainsKey(u.Key)).Select(u => $"{u.Path}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, $"{file}: source keys not listed under 'sources:':\n{string.Join('\n', missing)}");
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Every_source_key_has_an_entry_in_docs_sources_md(string file)
    {
        var citations = Citations.Read(File.ReadAllText(Path.Combine(Root, "scenarios", file)));
        var documented = Citations.DocumentedKeys(SourcesDoc);
        var keys = citations.Used.Select(u => u.Key).Concat(citations.Declared.Keys).Distinct(StringComparer.Ordinal);
        var missing = keys.Where(k => !documented.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{file}: no heading \"### `key`: ...\" in docs/sources.md for: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void No_source_or_note_points_at_a_file_outside_the_repository(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, "scenarios", file));
        var citations = Citations.Read(text);
        var texts = citations.Declared.Select(d => ($"sources.{d.Key}", d.Value)).Concat(citations.Notes);
        var folder = Path.Combine(Root, "scenarios");
        var problems = texts.SelectMany(t => Citations.OutsideReferences(t.Item2, Root, folder).Select(p => $"{t.Item1}: {p}")).ToList();
        Assert.True(problems.Count == 0, $"{file}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public void The_experiments_and_docs_sources_md_point_at_no_file_outside_the_repository()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "scenarios", "experiments"), "*.yaml").Append(Path.Combine(Root, "docs", "sources.md"));
        var problems = files.SelectMany(f => Citations.OutsideReferences(File.ReadAllText(f), Root, Path.GetDirectoryName(f)).Select(p => $"{Path.GetFileName(f)}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // The checks themselves, on small inputs, so that a check that could never fail is caught too.

    private const string Small = """
        format: 1
        sources:
          cp: Chronicon Paschale
          facts: fact sheet, shared/history/facts-626.md
        zones:
          - id: city
            latitude: { value: 41, source: cp, note: "see docs/calibration.md" }
            longitude: { value: 29, source: nowhere, note: "section 3.1 of facts-626.md" }
        """;

    [Fact]
    public void The_reader_finds_used_and_declared_keys_with_their_paths()
    {
        var c = Citations.Read(Small);
        Assert.Equal(["cp", "facts"], c.Declared.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([("zones.0.latitude", "cp"), ("zones.0.longitude", "nowhere")], c.Used.Select(u => (u.Path, u.Key)));
        Assert.Equal(2, c.Notes.Count);
    }

    [Fact]
    public void A_reference_to_the_fact_sheet_or_a_missing_file_is_reported_and_a_repository_file_is_not()
    {
        Assert.NotEmpty(Citations.OutsideReferences("fact sheet, shared/history/facts-626.md", Root));
        Assert.NotEmpty(Citations.OutsideReferences("section 3.1 of facts-626.md", Root));
        Assert.NotEmpty(Citations.OutsideReferences("see docs/nowhere.md", Root));
        Assert.NotEmpty(Citations.OutsideReferences("battle data in ../data/cdb90", Root));
        Assert.Empty(Citations.OutsideReferences("Bosporos calibration, docs/calibration.md", Root));
        Assert.Empty(Citations.OutsideReferences("scenario: ../constantinople-626.yaml", Root, Path.Combine(Root, "scenarios", "experiments")));
        Assert.NotEmpty(Citations.OutsideReferences("scenario: ../../../elsewhere/x.yaml", Root, Path.Combine(Root, "scenarios", "experiments")));
        Assert.Empty(Citations.OutsideReferences("www.istanbul-city-guide.com, Acta Militaria Mediaevalia 11 (2015), pp. 7-25", Root));
    }

    [Fact]
    public void Documented_keys_are_the_code_spans_that_open_a_heading()
    {
        var keys = Citations.DocumentedKeys("# Sources\n\n### `cp`: Chronicon Paschale\n\ntext with `facts` inline\n## `osm`: OpenStreetMap\n");
        Assert.Equal(["cp", "osm"], keys.Order(StringComparer.Ordinal));
    }

    internal sealed record UsedKey(string Path, string Key);

    internal sealed partial record Citations(IReadOnlyDictionary<string, string> Declared, IReadOnlyList<UsedKey> Used, IReadOnlyList<(string Path, string Text)> Notes)
    {
        public static Citations Read(string text)
        {
            var bag = new DiagnosticBag("scenario.yaml", 100);
            var root = YamlTreeReader.ReadDocument(text, LoaderLimits.Default, bag) as YMapping;
            Assert.True(root is not null && !bag.HasErrors, "the scenario does not parse as a YAML mapping");
            var declared = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.Find("sources")?.Value is YMapping sources)
            {
                foreach (var e in sources.Entries)
                {
                    declared[e.Key.Value] = e.Value is YScalar s ? s.Value : string.Empty;
                }
            }

            var used = new List<UsedKey>();
            var notes = new List<(string, string)>();
            Walk(root, string.Empty, used, notes);
            return new Citations(declared, used, notes);
        }

        private static void Walk(YNode node, string path, List<UsedKey> used, List<(string, string)> notes)
        {
            switch (node)
            {
                case YMapping map:
                    foreach (var e in map.Entries)
                    {
                        if (path.Length == 0 && e.Key.Value == "sources")
                        {
                            continue;
                        }

                        if (e.Key.Value == "source" && e.Value is YScalar { IsNull: false } key)
                        {
                            used.Add(new UsedKey(path, key.Value));
                        }
                        else if (e.Key.Value == "note" && e.Value is YScalar note)
                        {
                            notes.Add((path, note.Value));
                        }

                        Walk(e.Value, path.Length == 0 ? e.Key.Value : $"{path}.{e.Key.Value}", used, notes);
                    }

                    break;
                case YSequence seq:
                    for (var i = 0; i < seq.Items.Count; i++)
                    {
                        Walk(seq.Items[i], $"{path}.{i}", used, notes);
                    }

                    break;
            }
        }

        /// <summary>Keys of docs/sources.md: a heading that starts with the key as a code span, "### `cp`: ...".</summary>
        public static HashSet<string> DocumentedKeys(string markdown) =>
            HeadingKey().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        /// <summary>
        /// What in <paramref name="text"/> sends the reader outside the repository: the research fact sheet or the
        /// shared folder it lives in, a path that climbs out of the repository, or a file path that does not exist.
        /// </summary>
        public static IEnumerable<string> OutsideReferences(string text, string root, string? folder = null)
        {
            if (text.Contains("shared/", StringComparison.OrdinalIgnoreCase))
            {
                yield return "names the folder shared/, which is not part of the repository";
            }

            if (text.Contains("facts-626", StringComparison.OrdinalIgnoreCase) || text.Contains("fact sheet", StringComparison.OrdinalIgnoreCase))
            {
                yield return "cites the research fact sheet instead of the work it names";
            }

            foreach (Match m in FilePath().Matches(text))
            {
                // A path is read from the repository root (docs/calibration.md) or from the file's own folder
                // (../constantinople-626.yaml in an experiment); either way it must stay inside and exist.
                var candidates = new[] { root, folder ?? root }.Select(b => Path.GetFullPath(Path.Combine(b, m.Value))).ToList();
                var inside = candidates.Where(c => c.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
                if (inside.Count == 0)
                {
                    yield return $"'{m.Value}' leads out of the repository";
                }
                else if (!inside.Any(c => File.Exists(c) || Directory.Exists(c)))
                {
                    yield return $"'{m.Value}' is not a file of the repository";
                }
            }
        }

        [GeneratedRegex(@"^#{2,4} `([a-z0-9-]+)`", RegexOptions.Multiline)]
        private static partial Regex HeadingKey();

        // A relative path: words joined by '/', ending in a file name with an extension or climbing with '../'.
        [GeneratedRegex(@"(?<![\w/.:-])(?:\.\./)+[\w.-]+(?:/[\w.-]+)*|(?<![\w/.:-])[\w-]+(?:/[\w.-]+)+\.[a-z]{2,5}\b")]
        private static partial Regex FilePath();
    }
}
