using System.Text.RegularExpressions;
using Bosporos.Analysis.Stores;

namespace Bosporos.Cli.Tests;

/// <summary>Small copies of the shipped counterfactual experiment, and an in-process runner whose stderr can cancel the run.</summary>
internal static partial class Experiments
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ShippedScenario => Path.Combine(RepositoryRoot, "scenarios", "constantinople-626.yaml");

    public static string ShippedExperiment => Path.Combine(RepositoryRoot, "scenarios", "experiments", "counterfactuals-626.yaml");

    /// <summary>The shipped experiment with few runs and small batches, written into <paramref name="dir"/>.</summary>
    public static string Small(string dir, int runs = 12, int batch = 3, ulong seed = 626, string name = "small.yaml")
    {
        var text = File.ReadAllText(ShippedExperiment)
            .Replace("scenario: ../constantinople-626.yaml", "scenario: " + ShippedScenario, StringComparison.Ordinal)
            .Replace("runs: 1000", $"runs: {runs}", StringComparison.Ordinal)
            .Replace("batch: 250", $"batch: {batch}", StringComparison.Ordinal)
            .Replace("master-seed: 626", $"master-seed: {seed}", StringComparison.Ordinal)
            .Replace("divergence-pairs: 20", "divergence-pairs: 2", StringComparison.Ordinal)
            .Replace("agreeing-pairs: 5", "agreeing-pairs: 1", StringComparison.Ordinal);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static string WarScenario => Path.Combine(RepositoryRoot, "scenarios", "war-622-628.yaml");

    /// <summary>
    /// A small war experiment over the shipped war (the baseline, no split, no Turks) written into <paramref name="dir"/>
    /// as <paramref name="id"/>.yaml: paired with <paramref name="runs"/> runs, or any other <paramref name="mode"/> as an
    /// uncertainty design of 2 draws × 2 seeds; <paramref name="comment"/>, when given, is its first line.
    /// </summary>
    public static string War(string dir, string id, int runs, int batch = 3, string mode = "paired", string? comment = null)
    {
        var path = Path.Combine(dir, id + ".yaml");
        File.WriteAllText(path, $"""
            {(comment is null ? "" : "# " + comment)}
            format: 1
            id: {id}
            scenario: {WarScenario}
            master-seed: 628
            {(mode == "paired" ? $"runs: {runs}" : "uncertainty: { draws: 2, seeds-per-draw: 2 }")}
            batch: {batch}
            mode: {mode}
            variants:
              - name: no-split
                set:
                  heraclius.split: false
              - name: no-turks
                set:
                  turks.alliance: false
            """);
        return path;
    }

    public static CliResult Run(params string[] args) => Run(null, default, args);

    /// <summary>Runs in-process; <paramref name="onError"/> sees every stderr line (it may cancel the token).</summary>
    public static CliResult Run(Action<string>? onError, CancellationToken token, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new WatchedWriter(onError);
        var env = new CliEnvironment(stdout, stderr) { Cancellation = token, ProgressInterval = 0 };
        var code = CliApp.Run(args, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The digest a command printed ("digest HEX").</summary>
    public static string Digest(string output)
    {
        var m = DigestPattern().Match(output);
        Assert.True(m.Success, "no digest in: " + output);
        return m.Groups[1].Value;
    }

    public static string StoreDigest(string store)
    {
        using var s = ResultStores.Open(store, new ResultStoreOptions(ReadOnly: true));
        return ExperimentDigest.Compute(s.ReadAll());
    }

    public static int StoreRows(string store)
    {
        using var s = ResultStores.Open(store, new ResultStoreOptions(ReadOnly: true));
        return s.ReadAll().Count();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bosporos.slnx not found above the test directory");
    }

    [GeneratedRegex("digest ([0-9a-f]{64})")]
    private static partial Regex DigestPattern();

    private sealed class WatchedWriter(Action<string>? onLine) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            onLine?.Invoke(value ?? string.Empty);
        }
    }
}

/// <summary>A store that passes through to a real one and fails on the n-th append (or on every write) like a full or read-only disk.</summary>
internal sealed class FailingStore(IResultStore inner, int failOnAppend, string message) : IResultStore
{
    private int appends;

    public ExperimentManifest? ReadManifest() => inner.ReadManifest();

    public void WriteManifest(ExperimentManifest manifest)
    {
        if (failOnAppend == 0)
        {
            throw new ResultStoreException(message);
        }

        inner.WriteManifest(manifest);
    }

    public IReadOnlySet<(string Variant, long RunIndex)> CompletedRuns() => inner.CompletedRuns();

    public void Append(IReadOnlyList<RunRecord> batch)
    {
        if (++appends >= failOnAppend)
        {
            throw new ResultStoreException(message);
        }

        inner.Append(batch);
    }

    public IEnumerable<RunRecord> ReadAll() => inner.ReadAll();

    public void MarkComplete(string digest) => inner.MarkComplete(digest);

    public void Dispose() => inner.Dispose();
}
