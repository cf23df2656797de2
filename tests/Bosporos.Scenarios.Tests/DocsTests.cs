using System.Reflection;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

public class DocsTests
{
    private const string Begin = "<!-- fields:begin -->\n";
    private const string End = "<!-- fields:end -->";

    private static string DocPath => Path.Combine(Fixture.RepoRoot(), "docs", "scenario-format.md");

    [Fact]
    public void The_field_reference_in_the_docs_is_up_to_date()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/scenario-format.md lacks the fields:begin/end markers.");
        var generated = FieldReference.Markdown();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1")
        {
            var updated = string.Concat(doc.AsSpan(0, start + Begin.Length), generated, doc.AsSpan(end));
            File.WriteAllText(DocPath, updated);
            Assert.True(updated == doc, "docs/scenario-format.md's field reference was out of date and has been rewritten; review and commit it, then run the tests without UPDATE_SCHEMA.");
            return;
        }

        var committed = doc[(start + Begin.Length)..end];
        Assert.True(
            committed == generated,
            "The field reference in docs/scenario-format.md is out of date. Regenerate it with: "
            + "UPDATE_SCHEMA=1 dotnet test tests/Bosporos.Scenarios.Tests --filter DocsTests, then commit it.");
    }

    [Fact]
    public void Every_diagnostic_code_is_documented()
    {
        var doc = File.ReadAllText(DocPath);
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.True(codes.Count > 40);
        Assert.All(codes, c => Assert.Contains($"| {c} |", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void The_field_reference_describes_every_section()
    {
        var text = FieldReference.Markdown();
        Assert.Contains("### contingents", text, StringComparison.Ordinal);
        Assert.Contains("| `strength` | whole number | yes | 0 to 1,000,000 | Men at arrival. |", text, StringComparison.Ordinal);
        Assert.Contains("### khagan (intention)", text, StringComparison.Ordinal);
    }
}
