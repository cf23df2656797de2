using System.Text.RegularExpressions;

namespace Bosporos.Analysis.Stores;

/// <summary>
/// Removes passwords from text that may contain a store location: the password of a <c>postgres://user:password@host</c>
/// address, a <c>password=</c> query parameter, and <c>Password=…</c> / <c>Pwd=…</c> in a key=value connection string.
/// Every message, command line and file that names a store goes through here.
/// </summary>
public static partial class Credentials
{
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with every password replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        text = UserInfoPassword().Replace(text, "$1:" + Mask + "@");
        text = QueryPassword().Replace(text, "$1" + Mask);
        return KeyValuePassword().Replace(text, "$1" + Mask);
    }

    /// <summary>Each element redacted (a command line's arguments).</summary>
    public static IReadOnlyList<string> Redact(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Select(Redact).ToList();
    }

    // scheme://user:password@ - the password runs to the last '@' before the host (an unescaped '@' in it stays hidden).
    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://[^:/@\s'""]*):[^\s'""]*@", RegexOptions.IgnoreCase)]
    private static partial Regex UserInfoPassword();

    [GeneratedRegex(@"([?&](?:password|pwd)=)[^&\s'""]*", RegexOptions.IgnoreCase)]
    private static partial Regex QueryPassword();

    // Password=secret; Pwd = 'a;b'; password="x" - up to the next ';' (or the closing quote).
    [GeneratedRegex(@"((?<![?&])\b(?:password|pwd)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;\s'""]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
