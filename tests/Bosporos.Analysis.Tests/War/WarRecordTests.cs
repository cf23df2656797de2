using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.War;

/// <summary>A war run's measures go through the stores, the digest and the exports like the siege columns.</summary>
public class WarRecordTests
{
    private static readonly Dictionary<string, long> Measured = new(StringComparer.Ordinal)
    {
        ["capital-held"] = 1,
        ["roman-losses"] = 16_386,
        ["khosrow-fall-day"] = -1,
    };

    private static RunRecord WarRow(string variant, long k) =>
        SyntheticRuns.Row(variant, k, withParameters: k % 2 == 0) with { Measures = new Dictionary<string, long>(Measured) { ["end-day"] = 700 + k } };

    [Theory]
    [MemberData(nameof(StoreHarness.Sqlite), MemberType = typeof(StoreHarness))]
    [PostgresKind]
    public void Measures_come_back_from_the_store_apart_from_the_parameter_draws(string kind)
    {
        using var h = StoreHarness.Create(kind);
        var manifest = SyntheticRuns.Manifest(4, ["baseline", "no-split"]);
        var rows = manifest.Variants.SelectMany(v => Enumerable.Range(0, 4).Select(k => WarRow(v, k))).ToList();
        using (var store = h.Open())
        {
            store.WriteManifest(manifest);
            store.Append(rows);
        }

        using var reopened = h.Open();
        var back = reopened.ReadAll().ToList();
        Assert.Equal(rows, back);
        Assert.All(back, r => Assert.DoesNotContain(r.Parameters.Keys, p => p.StartsWith(RunRecord.MeasurePrefix, StringComparison.Ordinal)));
        Assert.Equal(-1, back[0].Measures["khosrow-fall-day"]);
        Assert.Equal(ExperimentDigest.Compute(rows), ExperimentDigest.Compute(back));
    }

    [Fact]
    public void A_measure_changes_the_digest_and_the_row()
    {
        var row = WarRow("baseline", 3);
        Assert.NotEqual(ExperimentDigest.Compute([row]), ExperimentDigest.Compute([row with { Measures = new Dictionary<string, long>(row.Measures) { ["roman-losses"] = 16_387 } }]));
        Assert.NotEqual(ExperimentDigest.Compute([row]), ExperimentDigest.Compute([row with { Measures = new Dictionary<string, long>(row.Measures) { ["x"] = 0 } }]));
        Assert.NotEqual(row, row with { Measures = new Dictionary<string, long>() });
    }

    [Fact]
    public void Csv_export_has_a_war_column_per_measure()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "war.csv");
        CsvExporter.Write(path, [WarRow("baseline", 0), WarRow("baseline", 1)]);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        Assert.Contains("war_capital_held", header);
        Assert.Contains("war_khosrow_fall_day", header);
        var second = lines[2].Split(',');
        Assert.Equal("701", second[Array.IndexOf(header, "war_end_day")]);
        Assert.Equal("16386", second[Array.IndexOf(header, "war_roman_losses")]);
        Assert.Equal(header.Length, second.Length);
    }
}
