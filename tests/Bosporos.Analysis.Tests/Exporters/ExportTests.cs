using System.Globalization;
using System.Text.Json;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;
using CsvHelper;
using Parquet;
using Parquet.Schema;

namespace Bosporos.Analysis.Tests.Exporters;

public class ExportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Csv_round_trips_every_column_and_parameter()
    {
        using var dir = new TempDir();
        var rows = SampleRows();
        var path = dir.File("runs.csv");
        CsvExporter.Write(path, rows);
        var (header, back) = ReadCsv(path);
        Assert.Equal(ExpectedColumns(rows), header);
        Assert.Equal(rows, back);
        Assert.Equal(ExperimentDigest.Compute(rows), ExperimentDigest.Compute(back));
    }

    [Fact]
    public void Csv_is_invariant_rfc4180()
    {
        using var dir = new TempDir();
        var row = SyntheticRuns.Row("baseline", 0) with
        {
            Outcome = "a, \"b\"",
            Parameters = new Dictionary<string, decimal> { ["x"] = -1234.5m },
        };
        var path = dir.File("runs.csv");
        CsvExporter.Write(path, [row]);
        var text = File.ReadAllText(path);
        Assert.Contains("\"a, \"\"b\"\"\"", text, StringComparison.Ordinal);
        Assert.Contains(",-1234.5\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1.234,5", text, StringComparison.Ordinal);
        Assert.StartsWith("variant,run_index,seed,outcome,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@cmd")]
    public void Csv_text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string variant)
    {
        using var dir = new TempDir();
        var path = dir.File("runs.csv");
        CsvExporter.Write(path, [SyntheticRuns.Row("baseline", 0) with { Variant = variant }]);
        var (_, back) = ReadCsv(path);
        Assert.Equal("'" + variant, Assert.Single(back).Variant);
    }

    [Fact]
    public void Csv_leaves_negative_numbers_and_plain_text_alone()
    {
        using var dir = new TempDir();
        var path = dir.File("runs.csv");
        var row = SyntheticRuns.Row("no-fleet", 0) with { Parameters = new Dictionary<string, decimal> { ["x"] = -3m } };
        CsvExporter.Write(path, [row]);
        var (_, back) = ReadCsv(path);
        Assert.Equal("no-fleet", Assert.Single(back).Variant);
        Assert.Equal(-3m, back[0].Parameters["x"]);
    }

    [Fact]
    public async Task Parquet_round_trips_with_the_same_columns_as_csv()
    {
        using var dir = new TempDir();
        var rows = SampleRows();
        var path = dir.File("runs.parquet");
        ParquetExporter.Write(path, rows, "{\"hello\":1}");
        var (columns, back, metadata) = await ReadParquet(path);
        Assert.Equal(ExpectedColumns(rows), columns);
        Assert.Equal(rows, back);
        Assert.Equal("{\"hello\":1}", metadata[ParquetExporter.ProvenanceKey]);

        CsvExporter.Write(dir.File("runs.csv"), rows);
        Assert.Equal(ReadCsv(dir.File("runs.csv")).Header, columns);
    }

    [Fact]
    public async Task An_empty_run_set_exports_headers_only()
    {
        using var dir = new TempDir();
        ParquetExporter.Write(dir.File("empty.parquet"), []);
        var (columns, back, _) = await ReadParquet(dir.File("empty.parquet"));
        Assert.Equal(RunColumns.All.Select(c => c.Name), columns);
        Assert.Empty(back);
        CsvExporter.Write(dir.File("empty.csv"), []);
        Assert.Equal(string.Join(",", RunColumns.All.Select(c => c.Name)) + "\r\n", File.ReadAllText(dir.File("empty.csv")));
    }

    [Fact]
    public void Export_writes_data_files_and_a_sidecar_that_names_the_run_set()
    {
        using var dir = new TempDir();
        var manifest = SyntheticRuns.Manifest(12);
        var rows = SyntheticRuns.Rows(manifest, withParameters: true).ToList();
        var result = ResultExport.Write(manifest, rows, dir.File("sweep"), commandLine: ["bosporos", "sweep", "export"],
            clock: new FixedClock(Now));

        Assert.True(File.Exists(dir.File("sweep.csv")));
        Assert.True(File.Exists(dir.File("sweep.parquet")));
        using var json = JsonDocument.Parse(File.ReadAllText(result.SidecarPath));
        var root = json.RootElement;
        Assert.Equal("bosporos-run-set/1", root.GetProperty("format").GetString());
        Assert.Equal(manifest.EngineVersion, root.GetProperty("engine_version").GetString());
        Assert.Equal(manifest.ScenarioHash, root.GetProperty("scenario_hash").GetString());
        Assert.Equal(manifest.ExperimentHash, root.GetProperty("experiment_hash").GetString());
        Assert.Equal(manifest.MasterSeed, root.GetProperty("master_seed").GetUInt64());
        Assert.Equal(0, root.GetProperty("first_run").GetInt64());
        Assert.Equal(12, root.GetProperty("end_run").GetInt64());
        Assert.Equal(ExperimentDigest.Compute(rows), root.GetProperty("digest").GetString());
        Assert.Equal(["bosporos", "sweep", "export"], root.GetProperty("command_line").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Now, root.GetProperty("created_utc").GetDateTimeOffset());
        Assert.Equal(Environment.MachineName, root.GetProperty("machine").GetString());
        Assert.Equal(rows.Count, root.GetProperty("rows").GetInt64());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["sweep.csv", "sweep.parquet"], files.Select(f => f.GetProperty("name").GetString()));
        Assert.All(files, f => Assert.Equal(
            Provenance.FileSha256(dir.File(f.GetProperty("name").GetString()!)), f.GetProperty("sha256").GetString()));
        Assert.Contains(root.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "param_combat.defender-lethality");
        Assert.Equal(result.Provenance, Provenance.FromJson(File.ReadAllText(result.SidecarPath)) with
        {
            Variants = result.Provenance.Variants,
            CommandLine = result.Provenance.CommandLine,
            Columns = result.Provenance.Columns,
            Files = result.Provenance.Files,
        });
    }

    [Fact]
    public void Export_of_nothing_is_refused()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<ExportException>(() =>
            ResultExport.Write(SyntheticRuns.Manifest(1), [], dir.File("x"), csv: false, parquet: false));
        Assert.Contains("Nothing to export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_and_directory_targets_are_refused()
    {
        using var dir = new TempDir();
        var missing = Assert.Throws<ExportException>(() => CsvExporter.Write(dir.File("no/such/x.csv"), SampleRows()));
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        var isDir = Assert.Throws<ExportException>(() => ParquetExporter.Write(dir.Path, SampleRows()));
        Assert.Contains("is a directory", isDir.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_export_leaves_the_old_file_intact()
    {
        using var dir = new TempDir();
        foreach (var name in new[] { "runs.csv", "runs.parquet" })
        {
            var path = dir.File(name);
            File.WriteAllText(path, "old complete file");
            Action write = name.EndsWith(".csv", StringComparison.Ordinal)
                ? () => CsvExporter.Write(path, FailingRows())
                : () => ParquetExporter.Write(path, FailingRows());
            Assert.Throws<InvalidOperationException>(write);
            Assert.Equal("old complete file", File.ReadAllText(path));
        }
        Assert.Equal(["runs.csv", "runs.parquet"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_writer_failing_half_way_leaves_the_old_file_and_no_temporary()
    {
        using var dir = new TempDir();
        var path = dir.File("data.bin");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new InvalidOperationException("killed half way");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));

        AtomicFile.Write(path, stream => stream.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [RootFact]
    public void A_full_disk_during_export_gives_a_clear_error_and_keeps_the_old_file()
    {
        using var dir = new TempDir();
        var mount = dir.File("small");
        Directory.CreateDirectory(mount);
        Tool("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount);
        try
        {
            var path = Path.Combine(mount, "runs.csv");
            File.WriteAllText(path, "old complete file");
            var manifest = SyntheticRuns.Manifest(3000);
            var error = Assert.Throws<ExportException>(() => CsvExporter.Write(path, SyntheticRuns.Rows(manifest)));
            Assert.Contains("Any previous file at this path is unchanged", error.Message, StringComparison.Ordinal);
            Assert.Equal("old complete file", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(mount));
        }
        finally
        {
            Tool("umount", "-l", mount);
        }
    }

    private static IEnumerable<RunRecord> FailingRows()
    {
        yield return SyntheticRuns.Row("baseline", 0);
        throw new InvalidOperationException("the store went away");
    }

    private static List<RunRecord> SampleRows()
    {
        var manifest = SyntheticRuns.Manifest(25, ["baseline", "no-signal"]);
        var rows = SyntheticRuns.Rows(manifest, withParameters: true).Where(r => r.RunIndex % 2 == 0 || r.Variant == "baseline").ToList();
        rows[1] = rows[1] with { Seed = ulong.MaxValue, StateHash = 1UL << 63, Outcome = "odd, \"quoted\"\nline" };
        rows[2] = rows[2] with { Parameters = new Dictionary<string, decimal> { ["only.here"] = -0.125m } };
        return rows;
    }

    private static List<string> ExpectedColumns(IEnumerable<RunRecord> rows) =>
        [.. RunColumns.All.Select(c => c.Name), .. RunColumns.ParameterPaths(rows).Select(p => "param_" + p)];

    internal static (List<string> Header, List<RunRecord> Rows) ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions());
        var rows = new List<RunRecord>();
        List<string>? header = null;
        while (csv.Read())
        {
            header ??= [.. csv.Headers];
            var values = header.ToDictionary(h => h, h => csv.GetString(h));
            rows.Add(FromFields(values, v => string.IsNullOrEmpty(v) ? null : decimal.Parse(v, CultureInfo.InvariantCulture)));
        }
        header ??= [.. csv.Headers];
        return (header, rows);
    }

    internal static async Task<(List<string> Columns, List<RunRecord> Rows, IReadOnlyDictionary<string, string> Metadata)> ReadParquet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<RunRecord>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var columns = new Dictionary<string, object?[]>();
            foreach (var field in fields)
            {
                columns[field.Name] = await ReadColumn(group, field, n);
            }
            for (var i = 0; i < n; i++)
            {
                var values = columns.ToDictionary(c => c.Key, c => c.Value[i] switch
                {
                    null => "",
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var o => o.ToString()!,
                });
                rows.Add(FromFields(values, v => string.IsNullOrEmpty(v) ? null : (decimal)double.Parse(v, CultureInfo.InvariantCulture)));
            }
        }
        return (fields.Select(f => f.Name).ToList(), rows, reader.CustomMetadata);
    }

    private static async Task<object?[]> ReadColumn(ParquetRowGroupReader group, DataField field, int n)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var s = new string?[n];
            await group.ReadAsync(field, s.AsMemory());
            return [.. s];
        }
        if (field.ClrType == typeof(int))
        {
            var v = new int[n];
            await group.ReadAsync<int>(field, v.AsMemory());
            return [.. v.Cast<object>()];
        }
        if (field.ClrType == typeof(long))
        {
            var v = new long[n];
            await group.ReadAsync<long>(field, v.AsMemory());
            return [.. v.Cast<object>()];
        }
        if (field.ClrType == typeof(ulong))
        {
            var v = new ulong[n];
            await group.ReadAsync<ulong>(field, v.AsMemory());
            return [.. v.Cast<object>()];
        }
        if (field.ClrType == typeof(bool))
        {
            var v = new bool[n];
            await group.ReadAsync<bool>(field, v.AsMemory());
            return [.. v.Cast<object>()];
        }
        if (field.ClrType == typeof(double))
        {
            var v = new double?[n];
            await group.ReadAsync<double>(field, v.AsMemory());
            return [.. v.Select(x => x.HasValue ? (object?)x.Value.ToString("R", CultureInfo.InvariantCulture) : null)];
        }
        throw new InvalidOperationException($"unexpected column type {field.ClrType} for {field.Name}");
    }

    private static RunRecord FromFields(Dictionary<string, string> f, Func<string, decimal?> parameter)
    {
        int I(string name) => int.Parse(f[name], CultureInfo.InvariantCulture);
        var draws = f.Where(kv => kv.Key.StartsWith("param_", StringComparison.Ordinal))
            .Select(kv => (Path: kv.Key["param_".Length..], Value: parameter(kv.Value)))
            .Where(p => p.Value.HasValue)
            .ToDictionary(p => p.Path, p => p.Value!.Value);
        return new RunRecord(
            f["variant"], long.Parse(f["run_index"], CultureInfo.InvariantCulture), ulong.Parse(f["seed"], CultureInfo.InvariantCulture),
            f["outcome"], f["cause"], I("end_hour"), I("close_siege_days"), I("persians_ferried"), I("assault_attacker_losses"),
            I("assault_defender_losses"), I("canoes_launched"), I("canoes_lost"), I("engines_lost"), I("towers_burned"),
            I("roman_losses"), I("host_losses"), I("persian_losses"), I("min_wall_integrity_permille"),
            bool.Parse(f["envoys_caught"]), bool.Parse(f["signal_learned"]), ulong.Parse(f["state_hash"], CultureInfo.InvariantCulture),
            draws);
    }

    private static void Tool(string tool, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public class StoreExportTests
{
    [Fact]
    public void A_store_exports_and_reports_through_its_location()
    {
        using var dir = new TempDir();
        var manifest = SyntheticRuns.Manifest(30);
        var rows = SyntheticRuns.Rows(manifest).ToList();
        var location = dir.File("s.db");
        using (var store = ResultStores.Open(location))
        {
            store.WriteManifest(manifest);
            store.Append(rows);
        }
        var export = ResultExport.WriteFromStore(location, dir.File("out"), csv: false);
        Assert.Null(export.CsvPath);
        Assert.Equal(ExperimentDigest.Compute(rows), export.Provenance.Digest);
        var report = Bosporos.Analysis.Reports.ReportWriter.WriteFromStore(location, null, dir.File("report"));
        Assert.Contains(ExperimentDigest.Compute(rows), File.ReadAllText(report.IndexPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_manifest_has_nothing_to_export()
    {
        using var dir = new TempDir();
        var location = dir.File("empty.db");
        using (ResultStores.Open(location))
        {
        }
        var error = Assert.Throws<ResultStoreException>(() => ResultExport.WriteFromStore(location, dir.File("out")));
        Assert.Contains("has no experiment manifest", error.Message, StringComparison.Ordinal);
    }
}
