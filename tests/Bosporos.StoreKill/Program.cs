using System.Globalization;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;

// Appends synthetic runs to a store in batches, printing one "ack" line per committed batch, so that a test can kill
// this process at any moment and check that nothing acknowledged was lost.
// Usage: Bosporos.StoreKill <store> <run-count> <batch-size> [work-microseconds-per-run]
//        Bosporos.StoreKill export <file.csv|file.parquet> <run-count>   (exports synthetic runs, over and over)
if (args.Length == 3 && args[0] == "export")
{
    var rows = SyntheticRuns.Rows(SyntheticRuns.Manifest(long.Parse(args[2], CultureInfo.InvariantCulture)), withParameters: true).ToList();
    Console.Out.WriteLine("ready");
    Console.Out.Flush();
    while (true)
    {
        if (args[1].EndsWith(".csv", StringComparison.Ordinal))
        {
            Bosporos.Analysis.Exporters.CsvExporter.Write(args[1], rows);
        }
        else
        {
            Bosporos.Analysis.Exporters.ParquetExporter.Write(args[1], rows);
        }
        Console.Out.WriteLine("exported");
        Console.Out.Flush();
    }
}

// The optional work per run stands in for the simulation itself, so that kills land both between and inside commits.
var workTicks = 0L;
if (args.Length is < 3 or > 4
    || !long.TryParse(args[1], CultureInfo.InvariantCulture, out var runCount)
    || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var batchSize) || batchSize < 1
    || (args.Length == 4 && !long.TryParse(args[3], CultureInfo.InvariantCulture, out workTicks)))
{
    Console.Error.WriteLine("usage: Bosporos.StoreKill <store> <run-count> <batch-size> [work-microseconds-per-run]");
    return 2;
}
workTicks = workTicks * System.Diagnostics.Stopwatch.Frequency / 1_000_000;

try
{
    using var store = ResultStores.Open(args[0]);
    var manifest = SyntheticRuns.Manifest(runCount);
    store.WriteManifest(manifest);
    var done = store.CompletedRuns();
    Console.Out.WriteLine("ready " + done.Count.ToString(CultureInfo.InvariantCulture));
    Console.Out.Flush();
    var batch = new List<RunRecord>(batchSize);
    void Flush()
    {
        store.Append(batch);
        Console.Out.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"ack {batch[0].Variant} {batch[0].RunIndex} {batch[^1].Variant} {batch[^1].RunIndex} {batch.Count}\n"));
        Console.Out.Flush();
        batch.Clear();
    }

    foreach (var variant in manifest.Variants)
    {
        for (var k = manifest.FirstRun; k < manifest.EndRun; k++)
        {
            if (done.Contains((variant, k)))
            {
                continue;
            }
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + workTicks;
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(20);
            }
            batch.Add(SyntheticRuns.Row(variant, k, withParameters: k % 3 == 0));
            if (batch.Count == batchSize)
            {
                Flush();
            }
        }
    }
    if (batch.Count > 0)
    {
        Flush();
    }
    var digest = ExperimentDigest.Compute(store.ReadAll());
    store.MarkComplete(digest);
    Console.Out.WriteLine("done " + digest);
    return 0;
}
catch (ResultStoreException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
