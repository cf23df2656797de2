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

        var written = Canonical(text);
        if (written is null || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return NumberParse.Fail(DiagnosticCodes.NumberOutOfRange, $"{Shorten(text)} is far too large.",
                "Give a number of a sensible size for this value.");
        }

        // decimal.Parse rounds what it cannot hold (more than 28 significant digits or decimal places, or a tiny
        // exponent) without a word; the file's number must be exactly the one that is used.
        if (Canonical(value.ToString(CultureInfo.InvariantCulture)) != written)
        {
            return NumberParse.Fail(DiagnosticCodes.NumberTooPrecise,
                $"{Shorten(text)} has more digits than can be kept exactly; it would be rounded to {value.ToString(CultureInfo.InvariantCulture)}.",
                "Write at most 28 significant digits and 28 decimal places (scenario values need far fewer).");
        }

        return new NumberParse(value, null, null, null);
    }

    /// <summary>
    /// The exact value of a number written in the pattern's notation, as sign, significant digits (no leading or
    /// trailing zeros) and the power of ten of the last digit; zero is "0". Null when the exponent is absurdly long.
    /// </summary>
    internal static string? Canonical(string text)
    {
        var negative = text.StartsWith('-');
        text = text.TrimStart('+', '-');
        long exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            var power = text[(e + 1)..];
            if (power.TrimStart('+', '-').Length > 9 || !long.TryParse(power, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return null;
            }

            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
        }

        digits = digits.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{trimmed}e{exponent}");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[-+]?(\.?(nan|inf|infinity))$", RegexOptions.IgnoreCase)]
    private static partial Regex NotFinitePattern();
}
