using System.CommandLine;
using System.Text.RegularExpressions;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Cli;

/// <summary>
/// Turns the parser's errors into the command line's own words: an unknown command or option gets a "did you mean",
/// a value of the wrong kind names the option and what it expects (not a .NET type), and the value that followed an
/// unknown option is not reported a second time.
/// </summary>
internal static partial class UsageErrors
{
    public static IEnumerable<string> Explain(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var messages = parse.Errors.Select(e => e.Message).ToList();
        var anyUnknown = messages.Any(m => Unrecognized().IsMatch(m));
        var afterUnknownOption = false;
        foreach (var message in messages)
        {
            var unknown = Unrecognized().Match(message);
            if (unknown.Success)
            {
                var token = unknown.Groups[1].Value;
                if (afterUnknownOption && !token.StartsWith('-'))
                {
                    afterUnknownOption = false; // the value of the unknown option just reported
                    continue;
                }

                afterUnknownOption = false;
                if (token.StartsWith('-'))
                {
                    afterUnknownOption = true;
                    var names = Options(command);
                    yield return $"error: unknown option '{token}' for '{CommandPath(command)}'.";
                    yield return "    hint: " + Hint(token, names, $"'{CommandPath(command)} --help' lists its options.");
                }
                else if (command.Subcommands.Count > 0)
                {
                    var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                    yield return $"error: unknown command '{token}'.";
                    yield return "    hint: " + Hint(token, names, $"The commands are: {string.Join(", ", names)}.");
                }
                else
                {
                    yield return $"error: unexpected argument '{token}' for '{CommandPath(command)}'.";
                }

                continue;
            }

            afterUnknownOption = false;
            if (anyUnknown && message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                continue; // the unknown command above says it better
            }

            var cannot = CannotParse().Match(message);
            if (cannot.Success)
            {
                var what = cannot.Groups[3].Value switch
                {
                    var t when t.Contains("UInt64", StringComparison.Ordinal) => "a whole number from 0 to 18446744073709551615",
                    var t when t.Contains("Int", StringComparison.Ordinal) => "a whole number",
                    var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.Ordinal) => "a number",
                    _ => "a value of the expected kind",
                };
                yield return $"error: {cannot.Groups[2].Value}: '{cannot.Groups[1].Value}' is not {what}.";
                continue;
            }

            yield return "error: " + message;
        }
    }

    private static string Hint(string written, IReadOnlyCollection<string> names, string otherwise)
    {
        var close = Suggestions.Closest(written, names);
        return close.Count > 0 ? $"Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?" : otherwise;
    }

    private static List<string> Options(Command command)
    {
        var names = new List<string> { "--help", "--verbose" };
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.AddRange(option.Aliases);
        }

        return names.Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string CommandPath(Command command)
    {
        var parts = new List<string>();
        for (Symbol? s = command; s is Command c && s is not RootCommand; s = c.Parents.FirstOrDefault())
        {
            parts.Insert(0, c.Name);
        }

        return string.Join(' ', ["bosporos", .. parts]);
    }

    [GeneratedRegex("^Unrecognized command or argument '(.*)'\\.?$")]
    private static partial Regex Unrecognized();

    [GeneratedRegex("^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\\.?$")]
    private static partial Regex CannotParse();
}
