using System.Text;
using Bosporos.Scenarios.Validation;
using Bosporos.Scenarios.War;

namespace Bosporos.Scenarios.Tests.War;

/// <summary>Mutations of the shipped war scenario: the loader never throws, and every refusal is located.</summary>
public sealed class WarLoaderRobustnessTests
{
    private static readonly string Folder = Path.Combine(Fixture.RepoRoot(), "scenarios");
    private static readonly string Text = File.ReadAllText(Path.Combine(Folder, "war-622-628.yaml"));

    private static void Check(string text, string what)
    {
        WarLoadResult result;
        try
        {
            result = WarScenarioLoader.LoadText(text, "war.yaml", Folder);
        }
        catch (Exception e)
        {
            Assert.Fail($"{what}: the loader threw {e}");
            return;
        }

        if (!result.Succeeded)
        {
            Assert.True(result.Errors.Any(), what);
            Assert.All(result.Errors, d => Assert.True(d.Line > 0 || d.File == DiagnosticBag.OverrideFile || d.Path.Length > 0, $"{what}: {d}"));
        }
    }

    [Fact]
    public void Deleting_any_one_line_never_crashes_the_loader()
    {
        var lines = Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            Check(string.Join('\n', lines.Where((_, k) => k != i)), $"without line {i + 1}");
        }
    }

    [Fact]
    public void Truncating_the_file_anywhere_never_crashes_the_loader()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        for (var n = 0; n < bytes.Length; n += 211)
        {
            Check(Encoding.UTF8.GetString(bytes, 0, n), $"first {n} bytes");
        }
    }

    [Fact]
    public void Garbage_in_place_of_any_value_never_crashes_the_loader()
    {
        var lines = Text.Split('\n');
        var garbage = new[] { "[]", "{}", "-1", "x", "\"\"", "1e400" };
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            var mutated = lines.ToArray();
            mutated[i] = lines[i][..(colon + 2)] + garbage[i % garbage.Length];
            Check(string.Join('\n', mutated), $"garbage on line {i + 1}");
        }
    }
}
