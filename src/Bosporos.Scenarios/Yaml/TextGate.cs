using System.Buffers;
using System.Text.Unicode;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Yaml;

/// <summary>The size gate: checks the raw bytes before any parser sees them.</summary>
internal static class TextGate
{
    /// <summary>Decodes strict UTF-8 (an optional BOM is skipped); reports size, bad bytes and NUL with their place.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, LoaderLimits limits, DiagnosticBag bag)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            ReportTooLarge(bytes.Length, limits, bag);
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(chars.AsSpan(0, written));
            bag.ErrorAt(
                DiagnosticCodes.InvalidUtf8, line, column, string.Empty,
                $"The file is not valid UTF-8 (byte 0x{bytes[read]:X2} at offset {read}).",
                "Save the file as UTF-8 (most editors offer it under 'Save with encoding').");
            return null;
        }

        var text = new string(chars, 0, written);
        return CheckNul(text, bag) ? text : null;
    }

    /// <summary>Checks text that is already decoded (LoadText): NUL characters only.</summary>
    public static bool CheckNul(string text, DiagnosticBag bag)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul < 0)
        {
            return true;
        }

        var (line, column) = Position(text.AsSpan(0, nul));
        bag.ErrorAt(
            DiagnosticCodes.NulByte, line, column, string.Empty,
            "The file contains a NUL byte, so it is not a text file.",
            "Check that the right file was given; scenario files are plain UTF-8 text.");
        return false;
    }

    public static void ReportTooLarge(long length, LoaderLimits limits, DiagnosticBag bag) =>
        bag.ErrorAt(
            DiagnosticCodes.FileTooLarge, 1, 1, string.Empty,
            $"The file is {length:N0} bytes; the limit is {limits.MaxFileBytes:N0} bytes.",
            "Scenario files are small text files; check that this is the right file.");

    /// <summary>1-based line and column of the character just after <paramref name="before"/>.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<char> before)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, before.Length - lineStart + 1);
    }
}
