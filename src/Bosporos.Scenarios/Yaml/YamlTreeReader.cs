using System.Text.RegularExpressions;
using Bosporos.Scenarios.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bosporos.Scenarios.Yaml;

/// <summary>
/// Reads YAML (or JSON) text into a small node tree with positions, through YamlDotNet's event parser. This is the
/// security boundary: anchors, aliases, tags, deep nesting, too many nodes, long scalars, duplicate keys and several
/// documents are refused here, before anything is built from them, and every exception of the YAML layer becomes a
/// located diagnostic.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private readonly Parser parser;
    private readonly LoaderLimits limits;
    private readonly DiagnosticBag bag;
    private readonly bool forOverride;
    private readonly string path;
    private readonly string text;
    private int nodes;
    private TextMark last = new(1, 1);

    private YamlTreeReader(string text, LoaderLimits limits, DiagnosticBag bag, bool forOverride, string path)
    {
        parser = new Parser(new StringReader(text));
        this.text = text;
        this.limits = limits;
        this.bag = bag;
        this.forOverride = forOverride;
        this.path = path;
    }

    /// <summary>Reads a whole file. Returns null (with diagnostics) when it cannot be read.</summary>
    public static YNode? ReadDocument(string text, LoaderLimits limits, DiagnosticBag bag) =>
        new YamlTreeReader(text, limits, bag, forOverride: false, string.Empty).Read();

    /// <summary>Reads the value of a --set override; its diagnostics are placed at "&lt;--set&gt;".</summary>
    public static YNode? ReadOverrideValue(string text, LoaderLimits limits, DiagnosticBag bag, string path)
    {
        var node = new YamlTreeReader(text, limits, bag, forOverride: true, path).Read();
        node?.MarkOverride();
        return node;
    }

    private YNode? Read()
    {
        try
        {
            Next();
            Next();
            if (parser.Current is StreamEnd)
            {
                if (forOverride)
                {
                    return new YScalar(new TextMark(0, 0), string.Empty, plain: true);
                }

                bag.ErrorAt(
                    DiagnosticCodes.EmptyFile, 1, 1, string.Empty, "The file is empty (or holds only comments).",
                    "A scenario starts with 'format: 1' and then its sections; see docs/scenario-format.md.");
                return null;
            }

            Next();
            var root = ReadNode(0);
            Next();
            if (parser.Current is DocumentStart second)
            {
                Fail(DiagnosticCodes.MultipleDocuments, second.Start, "The file holds more than one YAML document ('---').",
                    "Keep one scenario per file and remove the extra '---' separator.");
            }

            return root;
        }
        catch (StopReading)
        {
            return null;
        }
        catch (YamlException e)
        {
            var mark = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? IndentationTab() ?? ToMark(e.Start) : ToMark(e.Start);
            Report(DiagnosticCodes.YamlSyntax, mark, $"YAML syntax error: {Clean(e.Message)}", SyntaxHint(e.Message));
            return null;
        }
#pragma warning disable CA1031 // the YAML layer throws many exception types on malformed input; all become diagnostics
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Report(DiagnosticCodes.YamlSyntax, last, $"YAML syntax error: the structure breaks off after this place ({e.GetType().Name}).",
                "Check that every '[' and '{' is closed, that items are separated by commas, and the quoting here.");
            return null;
        }
    }

    private YNode ReadNode(int depth)
    {
        var ev = parser.Current ?? throw new InvalidOperationException("The YAML stream ended inside a node.");
        if (ev is AnchorAlias alias)
        {
            Fail(DiagnosticCodes.AnchorOrAlias, alias.Start, $"Aliases (*{alias.Value}) are not allowed in scenario files.",
                "Write the value out in full; anchors and aliases are refused because they can blow up the file's size.");
        }

        if (ev is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                Fail(DiagnosticCodes.AnchorOrAlias, node.Start, $"Anchors (&{node.Anchor.Value}) are not allowed in scenario files.",
                    "Remove the anchor and write each value out in full.");
            }

            if (!node.Tag.IsEmpty)
            {
                Fail(DiagnosticCodes.Tag, node.Start, $"Tags ({node.Tag.Value}) are not allowed in scenario files.",
                    "Remove the '!' tag; the loader knows each field's type.");
            }

            if (++nodes > limits.MaxNodes)
            {
                Fail(DiagnosticCodes.TooManyNodes, node.Start, $"The file has more than {limits.MaxNodes:N0} values.",
                    "Scenario files are small; check that this is the right file.");
            }
        }

        var start = ToMark(ev.Start);
        switch (ev)
        {
            case Scalar scalar:
                if (scalar.Value.Length > limits.MaxScalarChars)
                {
                    Fail(DiagnosticCodes.ScalarTooLong, scalar.Start,
                        $"A value is {scalar.Value.Length:N0} characters long; the limit is {limits.MaxScalarChars:N0}.",
                        "Shorten the text (notes belong in the documentation, not in one huge value).");
                }

                Next();
                return new YScalar(start, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);

            case SequenceStart:
                CheckDepth(depth, ev);
                var sequence = new YSequence(start);
                Next();
                while (parser.Current is not SequenceEnd)
                {
                    sequence.Items.Add(ReadNode(depth + 1));
                }

                Next();
                return sequence;

            case MappingStart:
                CheckDepth(depth, ev);
                return ReadMapping(depth, start);

            default:
                throw new InvalidOperationException($"Unexpected YAML event {ev.GetType().Name}.");
        }
    }

    private YMapping ReadMapping(int depth, TextMark start)
    {
        var mapping = new YMapping(start);
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        Next();
        while (parser.Current is not MappingEnd)
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not YScalar key)
            {
                Report(DiagnosticCodes.WrongType, keyNode.Start, $"A key must be plain text, not {keyNode.Describe()}.",
                    "Write keys as simple words such as 'strength'.");
                continue;
            }

            if (seen.TryGetValue(key.Value, out var first))
            {
                Report(DiagnosticCodes.DuplicateKey, key.Start,
                    $"Duplicate key '{key.Value}' (first given at line {first.Start.Line}).",
                    "Remove one of them; YAML does not allow the same key twice in a mapping.");
                continue;
            }

            seen[key.Value] = key;
            mapping.Entries.Add(new YEntry(key, value));
        }

        Next();
        return mapping;
    }

    private void CheckDepth(int depth, ParsingEvent ev)
    {
        if (depth + 1 > limits.MaxDepth)
        {
            Fail(DiagnosticCodes.TooDeep, ev.Start, $"Mappings and lists are nested more than {limits.MaxDepth} deep.",
                "Scenario files nest a few levels only; check the brackets and indentation.");
        }
    }

    private void Next()
    {
        if (!parser.MoveNext())
        {
            throw new InvalidOperationException("The YAML stream ended early.");
        }

        if (parser.Current is { } current)
        {
            last = ToMark(current.Start);
        }
    }

    private void Report(string code, TextMark mark, string message, string? hint)
    {
        if (forOverride)
        {
            bag.OverrideError(code, path, $"The value of --set {path}: {message}", hint);
        }
        else
        {
            bag.ErrorAt(code, mark.Line, mark.Column, string.Empty, message, hint);
        }
    }

    private void Fail(string code, Mark mark, string message, string hint)
    {
        Report(code, ToMark(mark), message, hint);
        throw new StopReading();
    }

    /// <summary>YamlDotNet places some tab errors at the start of the file; find the first tab used as indentation.</summary>
    private TextMark? IndentationTab()
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t')
            {
                return new TextMark(line, column);
            }

            atLineStart = atLineStart && c == ' ';
            column++;
        }

        return null;
    }

    private static TextMark ToMark(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Clean(string message)
    {
        var text = MarkPrefix().Replace(message, string.Empty).Trim();
        return text.Length == 0 ? "malformed text" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string SyntaxHint(string message) =>
        message.Contains("tab", StringComparison.OrdinalIgnoreCase) || message.Contains("cannot start any token", StringComparison.Ordinal)
            ? "Indent with spaces, never tabs, and check the characters at this place."
            : message.Contains("flow", StringComparison.OrdinalIgnoreCase) || message.Contains("']'", StringComparison.Ordinal) || message.Contains("'}'", StringComparison.Ordinal)
                ? "Check that every '[' and '{' is closed and that items are separated by commas."
                : "Check the indentation (spaces only, children indented under their key) and the quoting here.";

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex MarkPrefix();

    private sealed class StopReading : Exception
    {
    }
}
