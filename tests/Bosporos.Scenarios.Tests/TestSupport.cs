using System.Text;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

internal static class Fixture
{
    private static readonly Lazy<string> ValidText = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid.yaml")));

    public static string Text => ValidText.Value;

    public static string RepoRoot()
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

    /// <summary>The fixture with <paramref name="find"/> (which must occur) replaced once.</summary>
    public static string Replace(string find, string replace)
    {
        var at = Text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{find}' is not in the fixture.", nameof(find));
        }

        return string.Concat(Text.AsSpan(0, at), replace, Text.AsSpan(at + find.Length));
    }

    /// <summary>1-based line and column of character <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                start = i + 1;
            }
        }

        return (line, index - start + 1);
    }

    public static (int Line, int Column) PositionOf(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"'{marker}' is not in the text.", nameof(marker));
        }

        return Position(text, at);
    }

    public static LoadResult Load(string text, params ScenarioOverride[] overrides) =>
        ScenarioLoader.LoadText(text, "test.yaml", overrides);

    public static string Describe(LoadResult result) =>
        string.Join(Environment.NewLine, result.Errors.Select(d => d.ToString()));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static Diagnostic SingleError(LoadResult result, string code)
    {
        var found = result.Errors.Where(d => d.Code == code).ToList();
        Assert.True(found.Count >= 1, $"Expected {code}, got:{Environment.NewLine}{Describe(result)}");
        return found[0];
    }
}
