using System.Globalization;
using Bosporos.Scenarios.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bosporos.Analysis.Experiments;

internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>A located YAML node: the experiment reader walks these and reports every problem with its place.</summary>
internal sealed class YamlNode
{
    public required YamlNodeKind Kind { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public string Value { get; init; } = string.Empty;

    /// <summary>True for a plain (unquoted) scalar: only these may mean null, numbers or booleans.</summary>
    public bool Plain { get; init; }

    public List<(YamlNode Key, YamlNode Value)> Entries { get; } = [];

    public List<YamlNode> Items { get; } = [];

    public string KindName => Kind switch
    {
        YamlNodeKind.Mapping => "a mapping",
        YamlNodeKind.Sequence => "a list",
        _ => "a scalar",
    };
}

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s with the same safety rules as scenario files: a size cap, no NUL
/// bytes, no anchors, aliases or tags, a depth cap, a node cap and a scalar length cap, and duplicate keys refused.
/// Any exception from the YAML library becomes a located diagnostic.
/// </summary>
internal static class YamlTree
{
    public const int MaxBytes = 256 * 1024;
    public const int MaxDepth = 32;
    public const int MaxNodes = 20_000;
    public const int MaxScalarLength = 16 * 1024;

    public static YamlNode? Read(string text, string file, List<Diagnostic> diagnostics)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            diagnostics.Add(Error(file, 0, 0, "BOSX001", $"The experiment file is larger than {MaxBytes / 1024} KiB.", "Experiment files are short: list variants and settings, not data."));
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(Error(file, 0, 0, "BOSX001", "The experiment file contains a NUL character.", "Save it as plain UTF-8 text."));
            return null;
        }

        var state = new State();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(Error(file, 1, 1, "BOSX002", "The experiment file is empty.", "Start from scenarios/experiments/counterfactuals-626.yaml."));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, diagnostics, 1, state);
            if (root is null)
            {
                return null;
            }

            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var at = parser.Current!.Start;
                diagnostics.Add(Error(file, Line(at), Col(at), "BOSX003", "The experiment file holds more than one YAML document.", "Remove the '---' separator and everything after it, or split it into two files."));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            diagnostics.Add(Error(file, Line(ex.Start), Col(ex.Start), "BOSX004", $"This is not valid YAML: {Trim(message)}", "Check indentation, colons and brackets around this place."));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // The library sometimes fails without a place: report where reading stopped.
            diagnostics.Add(Error(file, state.Line, state.Column, "BOSX004", $"This is not valid YAML (reading stopped after this place): {ex.Message}", "Check indentation, colons and brackets around this place."));
            return null;
        }
    }

    private static YamlNode? ReadNode(IParser parser, string file, List<Diagnostic> diagnostics, int depth, State state)
    {
        var ev = parser.Current!;
        var line = Line(ev.Start);
        var col = Col(ev.Start);
        state.Line = line;
        state.Column = col;
        if (++state.Nodes > MaxNodes)
        {
            diagnostics.Add(Error(file, line, col, "BOSX005", $"The experiment file has more than {MaxNodes} nodes.", "Experiment files are short; this one looks generated or corrupted."));
            return null;
        }

        if (depth > MaxDepth)
        {
            diagnostics.Add(Error(file, line, col, "BOSX005", $"The experiment file nests deeper than {MaxDepth} levels.", "Flatten the structure."));
            return null;
        }

        if (ev is AnchorAlias)
        {
            diagnostics.Add(Error(file, line, col, "BOSX006", "YAML aliases (*name) are not allowed in experiment files.", "Write the value out in full."));
            return null;
        }

        if (ev is NodeEvent ne)
        {
            if (!ne.Anchor.IsEmpty)
            {
                diagnostics.Add(Error(file, line, col, "BOSX006", "YAML anchors (&name) are not allowed in experiment files.", "Write the value out in full."));
                return null;
            }

            if (!ne.Tag.IsEmpty)
            {
                diagnostics.Add(Error(file, line, col, "BOSX006", $"YAML tags ({ne.Tag}) are not allowed in experiment files.", "Remove the tag; values are read by their place in the file."));
                return null;
            }
        }

        switch (ev)
        {
            case Scalar s:
                parser.MoveNext();
                if (s.Value.Length > MaxScalarLength)
                {
                    diagnostics.Add(Error(file, line, col, "BOSX005", $"A value is longer than {MaxScalarLength} characters.", "Shorten it."));
                    return null;
                }

                return new YamlNode { Kind = YamlNodeKind.Scalar, Line = line, Column = col, Value = s.Value, Plain = s.Style == ScalarStyle.Plain };
            case MappingStart:
                {
                    parser.MoveNext();
                    var node = new YamlNode { Kind = YamlNodeKind.Mapping, Line = line, Column = col };
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (!parser.Accept<MappingEnd>(out _))
                    {
                        var key = ReadNode(parser, file, diagnostics, depth + 1, state);
                        if (key is null)
                        {
                            return null;
                        }

                        var value = ReadNode(parser, file, diagnostics, depth + 1, state);
                        if (value is null)
                        {
                            return null;
                        }

                        if (key.Kind != YamlNodeKind.Scalar)
                        {
                            diagnostics.Add(Error(file, key.Line, key.Column, "BOSX007", "A key must be a plain name, not " + key.KindName + ".", null));
                            continue;
                        }

                        if (!seen.Add(key.Value))
                        {
                            diagnostics.Add(Error(file, key.Line, key.Column, "BOSX007", $"The key '{key.Value}' appears twice in this mapping.", "Keep one of them."));
                            continue;
                        }

                        node.Entries.Add((key, value));
                    }

                    parser.MoveNext();
                    return node;
                }

            case SequenceStart:
                {
                    parser.MoveNext();
                    var node = new YamlNode { Kind = YamlNodeKind.Sequence, Line = line, Column = col };
                    while (!parser.Accept<SequenceEnd>(out _))
                    {
                        var item = ReadNode(parser, file, diagnostics, depth + 1, state);
                        if (item is null)
                        {
                            return null;
                        }

                        node.Items.Add(item);
                    }

                    parser.MoveNext();
                    return node;
                }

            default:
                diagnostics.Add(Error(file, line, col, "BOSX004", $"Unexpected YAML element {ev.GetType().Name}.", null));
                return null;
        }
    }

    private sealed class State
    {
        public int Nodes { get; set; }

        public int Line { get; set; } = 1;

        public int Column { get; set; } = 1;
    }

    internal static Diagnostic Error(string file, int line, int col, string code, string message, string? hint, string path = "") =>
        new(Severity.Error, code, file, line, col, path, message, hint);

    private static int Line(Mark m) => (int)Math.Min(int.MaxValue, m.Line);

    private static int Col(Mark m) => (int)Math.Min(int.MaxValue, m.Column);

    private static string Trim(string message)
    {
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (…): "; the place is already in the diagnostic.
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
