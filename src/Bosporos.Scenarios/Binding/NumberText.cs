using System.Globalization;
using System.Text.RegularExpressions;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.Yaml;

namespace Bosporos.Scenarios.Binding;

/// <summary>What a scalar read as a number gave: a value, or the code, message and hint of why not.</summary>
internal readonly record struct NumberParse(decimal Value, string? Code, string? Message, string? Hint)
{
    public bool Ok => Code is null;

    public static NumberParse Fail(string code, string message, string hint) => new(0, code, message, hint);
}

/// <summary>Reads decimal numbers the way scenario files write them: plain, finite, in invariant notation.</summary>
internal static partial class NumberText
{
    public static NumberParse Parse(YScalar scalar)
    {
        var text = scalar.Value.Trim();
        if (scalar.IsNull)
        {
            return NumberParse.Fail(DiagnosticCodes.NotANumber, "Expected a number, found nothing.", "Give a value, e.g. 'strength: 12000'.");
        }

        if (NotFinitePattern().IsMatch(text))
        {
            return NumberParse.Fail(DiagnosticCodes.NotFinite, $"'{text}' is not a finite number.",
                "Give an ordinary number; NaN and infinities mean nothing here.");
        }

        if (!scalar.Plain)
        {
            return NumberParse.Fail(DiagnosticCodes.NotANumber, $"Expected a number, found the quoted text \"{scalar.Value}\".",
                "Remove the quotes around the number.");
        }

        if (!NumberPattern().IsMatch(text))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) || text.Contains('_', StringComparison.Ordinal)
                ? "Write digits only, without thousands separators (12000, not 12,000)."
                : "Write a decimal number such as 12000 or 0.35.";
            return NumberParse.Fail(DiagnosticCodes.NotANumber, $"Expected a number, found '{Shorten(text)}'.", hint);
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return NumberParse.Fail(DiagnosticCodes.NumberOutOfRange, $"{Shorten(text)} is far too large.",
                "Give a number of a sensible size for this value.");
        }

        return new NumberParse(value, null, null, null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?(\.?(nan|inf|infinity))$", RegexOptions.IgnoreCase)]
    private static partial Regex NotFinitePattern();
}
