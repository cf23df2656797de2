using System.Diagnostics;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;
using Bosporos.Analysis.Tests.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Exporters;

/// <summary>An exporting process killed with SIGKILL at random moments leaves the old file or a complete new one.</summary>
public class ExportKillTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("runs.parquet")]
    [InlineData("runs.csv")]
    public async Task A_killed_export_leaves_the_old_file_or_a_complete_new_one(string name)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        var oldRows = SyntheticRuns.Rows(SyntheticRuns.Manifest(7)).ToList();
        var newRows = SyntheticRuns.Rows(SyntheticRuns.Manifest(3000), withParameters: true).ToList();
        var oldDigest = ExperimentDigest.Compute(oldRows);
        var newDigest = ExperimentDigest.Compute(newRows);
        var random = new Random(626);
        var sawOld = 0;
        var sawNew = 0;
        var midWrite = 0; // kills that landed while a write was under way (its temporary file was left behind)
        for (var trial = 0; trial < 12; trial++)
        {
            Write(path, oldRows);
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Bosporos.StoreKill.dll"), "export", path, "3000" })
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info)!;
            Assert.Equal("ready", process.StandardOutput.ReadLine());
            var acknowledged = trial % 2 == 1;
            if (acknowledged)
            {
                // Wait until one export has finished, then kill during the next one: the finished file must stay.
                Assert.Equal("exported", process.StandardOutput.ReadLine());
                Thread.Sleep(random.Next(0, 50));
            }
            else
            {
                Thread.Sleep(random.Next(0, 400)); // anywhere, often in the middle of the first write
            }
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            var digest = ExperimentDigest.Compute(await Read(path));
            Assert.True(digest == oldDigest || digest == newDigest, $"trial {trial}: the file is neither the old nor the new export");
            Assert.True(!acknowledged || digest == newDigest, $"trial {trial}: a finished export was lost");
            var leftovers = Directory.GetFiles(dir.Path, $".{name}.*.tmp");
            if (leftovers.Length > 0)
            {
                midWrite++;
                foreach (var leftover in leftovers)
                {
                    File.Delete(leftover);
                }
            }
            if (digest == oldDigest)
            {
                sawOld++;
            }
            else
            {
                sawNew++;
            }
        }
        Assert.True(sawNew >= 6, $"{sawNew} new, {sawOld} old");
        output.WriteLine($"{name}: 12 kills, {midWrite} inside a write; the file afterwards: {sawOld} old, {sawNew} new, 0 torn");
        // Without kills inside a write the checks above would prove nothing about atomicity.
        Assert.True(midWrite >= 6, $"only {midWrite} of 12 kills landed in the middle of a write");
    }

    private static void Write(string path, List<RunRecord> rows)
    {
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            CsvExporter.Write(path, rows);
        }
        else
        {
            ParquetExporter.Write(path, rows);
        }
    }

    private static async Task<List<RunRecord>> Read(string path) =>
        path.EndsWith(".csv", StringComparison.Ordinal) ? ExportTests.ReadCsv(path).Rows : (await ExportTests.ReadParquet(path)).Rows;
}
