using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests;

public class MalformedCorpusTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in MalformedCorpus.Cases.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Corpus_has_at_least_120_cases() => Assert.True(MalformedCorpus.Cases.Value.Count >= 120);

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_rejected_with_a_located_diagnostic(string name)
    {
        var bad = MalformedCorpus.Cases.Value[name];
        var result = ScenarioLoader.LoadBytes(bad.Bytes, "bad.yaml", bad.Overrides);

        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        var errors = result.Errors.ToList();
        Assert.NotEmpty(errors);
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        var matching = errors.Where(d => d.Code == bad.Code).ToList();
        Assert.True(matching.Count > 0, $"{name}: expected {bad.Code}, got:{Environment.NewLine}{Fixture.Describe(result)}");
        if (bad.Line == 0)
        {
            Assert.Contains(matching, d => d.File == DiagnosticBag.OverrideFile && d.Line == 0 && d.Column == 0);
        }
        else
        {
            Assert.True(
                matching.Any(d => d.File == "bad.yaml" && d.Line == bad.Line && d.Column == bad.Column),
                $"{name}: expected {bad.Code} at {bad.Line}:{bad.Column}, got:{Environment.NewLine}{Fixture.Describe(result)}");
        }
    }
}
