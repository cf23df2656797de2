using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Bosporos.Cli.Tests;

/// <summary>
/// Runs the <c>bosporos</c> commands that README.md and docs/*.md show in their code blocks, page by page, in the
/// order they appear and in one scratch folder per page (holding a copy of <c>scenarios/</c>, as the repository root
/// would), so that later commands find the files earlier ones wrote. Each must end with exit code 0, or with the code
/// the page documents (an <c>echo $?</c> after it, or <see cref="DocumentedCodes"/>). The built program is started
/// for every command (<c>dotnet bosporos.dll</c>, never <c>dotnet run</c>). To keep the test quick, run counts are cut
/// fiftyfold: <c>--runs N</c> of 100 or more becomes N/50, and the copied experiment file's <c>runs</c> likewise, so
/// that counts which differ in the docs still differ here; the copy also replays fewer sample pairs.
/// </summary>
public partial class DocsCommandsTests(ITestOutputHelper output)
{
    private const int RunsDivisor = 50;

    /// <summary>Commands not run, with the reason.</summary>
    private static readonly Dictionary<(string Page, string Command), string> Exempt = new()
    {
        [("README.md", "dotnet run --project src/Bosporos.Cli -- serve")] = "starts a web server that runs until stopped (ServeCommandTests and the web tests cover it)",
        [("docs/web.md", "dotnet run --project src/Bosporos.Cli -- serve")] = "starts a web server that runs until stopped",
        [("docs/web.md", "bosporos serve [--urls http://127.0.0.1:5626] [--token T] [--allowed-hosts NAME[,NAME]] [--store STORE]... [--results DIR | --no-results]")] = "a synopsis of the serve command, not a command line",
        [("README.md", "bosporos serve --store cf.db")] = "starts a web server that runs until stopped (StoreTests in the web tests cover --store)",
        [("docs/web.md", "bosporos serve --store cf.db")] = "starts a web server that runs until stopped (StoreTests in the web tests cover --store)",
        [("README.md", "bosporos experiment merge shards/*.db --out merged.db")] = "needs the stores of all 16 shards, one per machine; the page runs one",
        [("docs/results.md", "bosporos experiment merge shards/shard-*-of-16.db --out merged.db")] = "needs the stores of all 16 shards, one per machine; the page runs one",
        [("docs/play.md", "bosporos play-strength constantinople-626 --side avar --games 500")] = "plays 500 paired games (minutes); PlayStrengthCommandTests runs a few",
        [("docs/play.md", "bosporos play-strength constantinople-626 --side roman --games 500")] = "plays 500 paired games (minutes); PlayStrengthCommandTests runs a few",
        [("docs/play.md", "bosporos play-strength constantinople-626 --side avar --games 500 --set flotillas.roman-light-craft.hulls=0")] = "plays 500 paired games (minutes); PlayStrengthCommandTests runs a few",
        [("docs/play.md", "bosporos play-strength constantinople-626 --side roman --games 500 --set flotillas.roman-light-craft.hulls=0")] = "plays 500 paired games (minutes); PlayStrengthCommandTests runs a few",
        [("README.md", "bosporos play-strength constantinople-626 --side avar --games 500")] = "plays 500 paired games (minutes); PlayStrengthCommandTests runs a few",
        [("docs/war.md", "bosporos experiment run scenarios/experiments/war-sensitivity.yaml --out war-sens.db --threads 2")] = "a Morris design of 7,250 whole wars (half a minute; the copy's design is not cut); WarExperimentTests runs a small one",
        [("docs/war.md", "bosporos experiment run scenarios/experiments/war-uncertainty.yaml --out war-unc.db --threads 2")] = "500 whole wars in a Latin hypercube design (the copy's design is not cut); WarExperimentTests runs a small one",
    };

    /// <summary>Exit codes that the pages give in words (the exit-code table) rather than with <c>echo $?</c>.</summary>
    private static readonly Dictionary<(string Page, string Command), int> DocumentedCodes = new()
    {
        [("docs/cli.md", "bosporos run constantinople-626 --set combat.defender-lethality")] = 2, // --set without '='
        [("docs/cli.md", "bosporos run constantinople-626 --set combat.defender-lethalty=0.01")] = 1, // a bad --set path (also shown with echo $?)
    };

    /// <summary>
    /// Commands that fail today because of a defect outside the docs. Each is still run and must fail with the named
    /// message; once the defect is fixed the test fails with "now succeeds", and the entry is to be deleted.
    /// </summary>
    private static readonly Dictionary<(string Page, string Command), (string Defect, string Message)> KnownDefects = new()
    {
    };

    /// <summary>
    /// Transcripts whose output the page shows whole: the program's output must have the same shape (the same labelled
    /// lines in the same order, or the same JSON properties), so that a line or field added to the program shows up
    /// as a stale page. Values are not compared: the runs are cut here.
    /// </summary>
    private static readonly Dictionary<(string Page, string Command), Shape> ShapeChecked = new()
    {
        [("docs/cli.md", "bosporos mc constantinople-626 --runs 10000 --seed 1")] = Shape.Labels,
        [("docs/cli.md", "bosporos mc constantinople-626 --runs 10000 --seed 1 --threads 1 --format json")] = Shape.JsonProperties,
        [("docs/cli.md", "bosporos validate constantinople-626")] = Shape.Labels,
        [("docs/battle-fits.md", "bosporos fit iwo-jima")] = Shape.Labels,
        [("docs/battle-fits.md", "bosporos fit cdb90 --before 1900")] = Shape.Labels,
    };

    internal enum Shape
    {
        Labels,
        JsonProperties,
    }

    public static TheoryData<string> Pages() => new(PageList());

    private static List<string> PageList()
    {
        var root = Root();
        var docs = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f));
        return ["README.md", .. docs.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_command_on_the_page_runs(string page)
    {
        var commands = Extract(File.ReadAllText(Path.Combine(Root(), page)));
        var dir = Scratch();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        try
        {
            foreach (var command in commands)
            {
                var key = (page, command.Text);
                if (Exempt.ContainsKey(key))
                {
                    continue;
                }

                Prepare(page, command.Text, dir);
                var started = watch.Elapsed;
                var result = Execute(command, dir);
                output.WriteLine($"{(watch.Elapsed - started).TotalSeconds,5:0.0} s  exit {result.Code}  {page}:{command.Line}: {command.Text}");
                var where = $"{page}:{command.Line}: {command.Text}";
                if (KnownDefects.TryGetValue(key, out var known))
                {
                    if (result.Code == 0)
                    {
                        failures.Add($"{where}\n    now succeeds: the defect \"{known.Defect}\" seems fixed; delete its entry from KnownDefects.");
                    }
                    else if (!result.Error.Contains(known.Message, StringComparison.Ordinal))
                    {
                        failures.Add($"{where}\n    fails, but not with the known defect (expected \"{known.Message}\"): exit {result.Code}\n{Indent(result.Error)}");
                    }

                    continue;
                }

                var expected = command.DocumentedExit ?? DocumentedCodes.GetValueOrDefault(key, 0);
                if (result.Code != expected)
                {
                    failures.Add($"{where}\n    exit {result.Code}, the page documents {expected}\n{Indent(result.Error)}");
                }
                else if (ShapeChecked.TryGetValue(key, out var shape) && ShapeDifference(shape, command.DocumentedOutput, result.Out) is { } difference)
                {
                    failures.Add($"{where}\n    the page's output is out of date: {difference}");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} command(s) of {page} fail ({watch.Elapsed.TotalSeconds:0.0} s):\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void Every_exemption_and_known_defect_names_a_command_that_is_on_its_page()
    {
        var found = PageList().SelectMany(p => Extract(File.ReadAllText(Path.Combine(Root(), p))).Select(c => (p, c.Text))).ToHashSet();
        var stale = Exempt.Keys.Concat(KnownDefects.Keys).Concat(DocumentedCodes.Keys).Concat(ShapeChecked.Keys).Where(k => !found.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "no longer on their pages:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_pages_show_the_commands_this_test_relies_on()
    {
        var readme = Extract(File.ReadAllText(Path.Combine(Root(), "README.md")));
        Assert.Contains(readme, c => c.Text == "dotnet run --project src/Bosporos.Cli -- run constantinople-626");
        Assert.Contains(readme, c => c.Text.StartsWith("bosporos experiment run $E --out cf.db", StringComparison.Ordinal));
        var cli = Extract(File.ReadAllText(Path.Combine(Root(), "docs", "cli.md")));
        Assert.True(cli.Count >= 15, $"only {cli.Count} commands found in docs/cli.md");
        Assert.Contains(cli, c => c.Text == "bosporos mc constantinople-626 --runs 0" && c.DocumentedExit == 2);
    }

    // The extraction itself, on a small page, so that a parser that finds nothing is caught.

    [Fact]
    public void Extraction_joins_continued_lines_drops_comments_and_reads_documented_exit_codes()
    {
        const string page = """
            Text with `bosporos run inline` that is no command.

            ```sh
            E=scenarios/experiments/x.yaml
            dotnet run --project src/Bosporos.Cli -- mc constantinople-626 --runs 10000 \
                --set a.b=0      # a comment
            bosporos experiment run $E --out cf.db
            dotnet test Bosporos.slnx
            ```

            ```
            $ bosporos validate broken.yaml
            broken.yaml: 3 errors
            $ echo $?
            1
            ```

            ```python
            print("bosporos")
            ```
            """;
        var commands = Extract(page);
        Assert.Equal(
            ["dotnet run --project src/Bosporos.Cli -- mc constantinople-626 --runs 10000 --set a.b=0", "bosporos experiment run $E --out cf.db", "bosporos validate broken.yaml"],
            commands.Select(c => c.Text));
        Assert.Equal([null, null, 1], commands.Select(c => c.DocumentedExit));
        Assert.Equal(["broken.yaml: 3 errors"], commands[2].DocumentedOutput);
        Assert.Empty(commands[1].DocumentedOutput);
        Assert.Equal("scenarios/experiments/x.yaml", commands[1].Variables["E"]);
        Assert.Equal(["experiment", "run", "scenarios/experiments/x.yaml", "--out", "cf.db"], Arguments(commands[1], "/tmp").Args);
        Assert.Equal(["mc", "constantinople-626", "--runs", "200", "--set", "a.b=0"], Arguments(commands[0], "/tmp").Args);
    }

    [Fact]
    public void A_page_missing_a_line_or_a_property_of_the_output_is_caught()
    {
        string[] page = ["close-siege days: median 10", "┌──┐", "│ a │", "digest: 1d26"];
        Assert.Null(ShapeDifference(Shape.Labels, page, "close-siege days: median 9\n┌─┐\ndigest: ffff\n"));
        Assert.NotNull(ShapeDifference(Shape.Labels, page, "close-siege days: median 9\ncanoes: most lost\ndigest: ffff\n"));
        string[] json = ["{ \"runs\": 5,", "  \"outcomes\": { \"lifted\": 1 } }"];
        Assert.Null(ShapeDifference(Shape.JsonProperties, json, "{\"runs\": 7, \"outcomes\": {\"lifted\": 2}}"));
        Assert.Contains(".canoes", ShapeDifference(Shape.JsonProperties, json, "{\"runs\": 7, \"outcomes\": {\"lifted\": 2}, \"canoes\": {}}"), StringComparison.Ordinal);
    }

    internal sealed record DocCommand(int Line, string Text, int? DocumentedExit, IReadOnlyDictionary<string, string> Variables)
    {
        public int? DocumentedExit { get; set; } = DocumentedExit;

        /// <summary>In a transcript ("$ command" then its output), the output lines shown under the command.</summary>
        public List<string> DocumentedOutput { get; } = [];
    }

    internal static string? ShapeDifference(Shape shape, IReadOnlyList<string> documented, string actual)
    {
        if (shape == Shape.JsonProperties)
        {
            var shown = Properties(JsonNode.Parse(string.Join('\n', documented)), string.Empty).ToList();
            var printed = Properties(JsonNode.Parse(actual), string.Empty).ToList();
            var missing = printed.Except(shown).ToList();
            var extra = shown.Except(printed).ToList();
            return missing.Count == 0 && extra.Count == 0
                ? null
                : $"properties printed but not shown: [{string.Join(", ", missing)}]; shown but not printed: [{string.Join(", ", extra)}]";
        }

        var want = Labels(documented);
        var got = Labels(actual.ReplaceLineEndings("\n").Split('\n'));
        return want.SequenceEqual(got)
            ? null
            : $"the program prints the lines [{string.Join(" | ", got)}], the page shows [{string.Join(" | ", want)}]";
    }

    // The label of each line outside tables: the text before the first ':' (or the first word).
    private static List<string> Labels(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Trim())
            .Where(l => l.Length > 0 && "┌│├└".IndexOf(l[0], StringComparison.Ordinal) < 0)
            .Select(l => l.Contains(": ", StringComparison.Ordinal) ? l[..l.IndexOf(": ", StringComparison.Ordinal)] : l.Split(' ')[0])];

    private static IEnumerable<string> Properties(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Properties(p.Value, $"{path}.{p.Key}").Prepend($"{path}.{p.Key}")),
        _ => [],
    };

    internal static List<DocCommand> Extract(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var commands = new List<DocCommand>();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var fence = false;
        var transcript = false; // the block shows "$ command" lines followed by their output
        DocCommand? receiving = null; // the bosporos command whose output the transcript is showing
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fence = !fence;
                transcript = false;
                receiving = null;
                continue;
            }

            if (!fence)
            {
                continue;
            }

            var line = lines[i].Trim();
            var start = i;
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            var prompt = line.StartsWith("$ ", StringComparison.Ordinal);
            if (!prompt && transcript)
            {
                receiving?.DocumentedOutput.Add(lines[i]);
                continue;
            }

            transcript |= prompt;
            receiving = null;
            line = StripComment(prompt ? line[2..] : line);
            if (Assignment().Match(line) is { Success: true } set)
            {
                variables[set.Groups[1].Value] = set.Groups[2].Value;
            }
            else if (line == "echo $?" && commands.Count > 0 && i + 1 < lines.Length && int.TryParse(lines[i + 1].Trim(), CultureInfo.InvariantCulture, out var code))
            {
                commands[^1].DocumentedExit = code;
            }
            else if (line.Split("&&").Any(segment => Program().IsMatch(segment.Trim())))
            {
                commands.Add(new DocCommand(start + 1, line, null, new Dictionary<string, string>(variables)));
                receiving = prompt ? commands[^1] : null;
            }
        }

        return commands;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i].TrimEnd();
            }
        }

        return line.TrimEnd();
    }

    private sealed record Invocation(List<string> Args, string? StdoutFile);

    private static Invocation Arguments(DocCommand command, string dir)
    {
        // Only the bosporos part of "dotnet build ... && bosporos ...": the test's own build stands for the first.
        var segment = command.Text.Split("&&").Select(s => s.Trim()).Last(s => Program().IsMatch(s));
        var text = Program().Replace(segment, string.Empty, 1);
        text = Variable().Replace(text, m => command.Variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        var words = Words(text);
        string? stdout = null;
        var redirect = words.IndexOf(">");
        if (redirect >= 0)
        {
            stdout = words[redirect + 1];
            words.RemoveRange(redirect, 2);
        }

        var args = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "--runs" && i + 1 < words.Count && int.TryParse(words[i + 1], CultureInfo.InvariantCulture, out var runs) && runs >= 100)
            {
                args.Add("--runs");
                args.Add((runs / RunsDivisor).ToString(CultureInfo.InvariantCulture));
                i++;
            }
            else if (words[i].Contains('*', StringComparison.Ordinal))
            {
                var folder = Path.Combine(dir, Path.GetDirectoryName(words[i]) ?? string.Empty);
                var matches = Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileName(words[i])).Order(StringComparer.Ordinal).ToList() : [];
                args.AddRange(matches.Count > 0 ? matches.Select(m => Path.GetRelativePath(dir, m)) : [words[i]]);
            }
            else
            {
                args.Add(words[i]);
            }
        }

        return new Invocation(args, stdout);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quote = '\0';
        var any = false;
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (word.Length > 0 || any)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0 || any)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private sealed record Result(int Code, string Out, string Error);

    private static Result Execute(DocCommand command, string dir)
    {
        var call = Arguments(command, dir);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bosporos.dll"));
        foreach (var a in call.Args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            return new Result(-1, string.Empty, $"did not finish within 60 s: bosporos {string.Join(' ', call.Args)}");
        }

        if (call.StdoutFile is { } file && file != "/dev/null")
        {
            File.WriteAllText(Path.Combine(dir, file), output.Result);
        }

        return new Result(p.ExitCode, output.Result, error.Result);
    }

    /// <summary>Files that a page's commands read but that the page makes by hand, made here the way it describes.</summary>
    private static void Prepare(string page, string command, string dir)
    {
        var scenario = Path.Combine(dir, "scenarios", "constantinople-626.yaml");
        switch (page, command)
        {
            case ("docs/cli.md", "bosporos validate broken.yaml"):
                // "the shipped scenario with three mistakes made on purpose: a share of 1.6, an uncited number and a
                // misspelt key"
                var text = File.ReadAllText(scenario);
                text = Once(text, "wounded-share: { value: 0.6,", "wounded-share: { value: 1.6,");
                text = Once(text, "hold-hours: { value: 2, source: calibration, reliability: C }", "hold-hours: 2");
                text = Once(text, "  breach-below: {", "  breach-belo: {");
                File.WriteAllText(Path.Combine(dir, "broken.yaml"), text);
                break;
            case ("docs/cli.md", "bosporos replay tampered.json --verify"):
                // "day 33's daily hash and naval hash were edited by hand"
                var replay = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "r.json")))!;
                replay["dailyHashes"]![33] = Tamper(replay["dailyHashes"]![33]!.GetValue<string>());
                replay["subsystemHashes"]!["naval"]![33] = Tamper(replay["subsystemHashes"]!["naval"]![33]!.GetValue<string>());
                File.WriteAllText(Path.Combine(dir, "tampered.json"), replay.ToJsonString());
                break;
            case ("docs/scenarios.md", "bosporos validate my-siege.yaml --warnings-as-errors"):
                File.Copy(scenario, Path.Combine(dir, "my-siege.yaml"));
                break;
            case ("docs/results.md", "bosporos experiment run exp.yaml --shard 3/16 --threads 4 --out shards/shard-3-of-16.db"):
                var experiment = File.ReadAllText(Path.Combine(dir, "scenarios", "experiments", "counterfactuals-626.yaml"));
                File.WriteAllText(Path.Combine(dir, "exp.yaml"), Once(experiment, "scenario: ../constantinople-626.yaml", "scenario: scenarios/constantinople-626.yaml"));
                break;
        }
    }

    private static string Tamper(string hash) => hash[..^1] + (hash[^1] == '0' ? '1' : '0');

    private static string Once(string text, string find, string replace)
    {
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"'{find}' is not in the file");
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>A scratch folder standing for the repository root: a copy of scenarios/, with the experiments' run
    /// counts cut like the command lines' and two sample pairs of each kind replayed instead of 20 and 5.</summary>
    private static string Scratch()
    {
        var dir = Cli.TempDir();
        var source = Path.Combine(Root(), "scenarios");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, "scenarios", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(dir, "scenarios", "experiments"), "*.yaml"))
        {
            var text = RunsLine().Replace(File.ReadAllText(file), m => $"runs: {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / RunsDivisor}");
            text = PairsLine().Replace(text, m => $"{m.Groups[1].Value}: 2");
            File.WriteAllText(file, text);
        }

        return dir;
    }

    private static string Indent(string text) =>
        string.Join("\n", text.Trim().Split('\n').Take(6).Select(l => "      " + l));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bosporos.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"^(?:bosporos|dotnet run(?: -c Release)? --project src/Bosporos\.Cli --|src/Bosporos\.Cli/bin/Release/net10\.0/bosporos)(?=\s|$)")]
    private static partial Regex Program();

    [GeneratedRegex(@"^([A-Z_][A-Z0-9_]*)=(\S+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\$\{?([A-Z_][A-Z0-9_]*)\}?")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^runs: (\d+)", RegexOptions.Multiline)]
    private static partial Regex RunsLine();

    [GeneratedRegex(@"\b(divergence-pairs|agreeing-pairs): \d+")]
    private static partial Regex PairsLine();
}
