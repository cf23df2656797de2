using System.Diagnostics;

namespace Bosporos.Cli.Tests;

/// <summary>
/// The shipped scenario run by separate processes (with different JIT settings) gives byte-identical event logs and
/// Monte Carlo digests, whatever the thread count.
/// </summary>
public class ProcessDeterminismTests
{
    private static string Program => Path.Combine(AppContext.BaseDirectory, "bosporos.dll");

    private static (int Code, string Out, string Err) Start(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Program);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bosporos {string.Join(' ', args)} did not finish");
        }

        return (p.ExitCode, output.Result, error.Result);
    }

    private static readonly Dictionary<string, string> Plain = new();

    private static readonly Dictionary<string, string> OtherJit = new()
    {
        ["DOTNET_TieredCompilation"] = "0",
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_ReadyToRun"] = "0",
    };

    [Fact]
    public void Two_processes_write_byte_identical_event_logs_and_replays()
    {
        var dir = Cli.TempDir();
        var a = Start(Plain, "run", "constantinople-626", "--seed", "31", "--events", Path.Combine(dir, "a.jsonl"), "--format", "json");
        var b = Start(OtherJit, "run", "constantinople-626", "--seed", "31", "--events", Path.Combine(dir, "b.jsonl"), "--format", "json");
        Assert.True(a.Code == 0, a.Err);
        Assert.True(b.Code == 0, b.Err);
        var left = File.ReadAllBytes(Path.Combine(dir, "a.jsonl"));
        Assert.True(left.Length > 1_000);
        Assert.Equal(left, File.ReadAllBytes(Path.Combine(dir, "b.jsonl")));
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void Monte_Carlo_digests_agree_across_processes_and_thread_counts()
    {
        var one = Start(Plain, "mc", "constantinople-626", "--runs", "400", "--seed", "5", "--threads", "1", "--format", "json");
        var two = Start(OtherJit, "mc", "constantinople-626", "--runs", "400", "--seed", "5", "--threads", "2", "--format", "json");
        Assert.True(one.Code == 0, one.Err);
        Assert.True(two.Code == 0, two.Err);
        Assert.Equal(Digest(one.Out), Digest(two.Out));
    }

    [Fact]
    public void War_digests_agree_across_processes_and_thread_counts()
    {
        var one = Start(Plain, "mc", "war-622-628", "--runs", "24", "--seed", "628", "--threads", "1", "--format", "json");
        var two = Start(OtherJit, "mc", "war-622-628", "--runs", "24", "--seed", "628", "--threads", "2", "--format", "json");
        Assert.True(one.Code == 0, one.Err);
        Assert.True(two.Code == 0, two.Err);
        Assert.Equal(Digest(one.Out), Digest(two.Out));

        // The experiment path: the same paired war runs, stored by two processes, give one store digest.
        var dir = Cli.TempDir();
        var compare = new[] { "compare", "war-622-628", "--variant", "no-turks:turks.alliance=false", "--runs", "8", "--seed", "628", "--format", "json" };
        var a = Start(Plain, [.. compare, "--threads", "1", "--out", Path.Combine(dir, "a.db")]);
        var b = Start(OtherJit, [.. compare, "--threads", "2", "--out", Path.Combine(dir, "b.db")]);
        Assert.True(a.Code == 0, a.Err);
        Assert.True(b.Code == 0, b.Err);
        Assert.Equal(a.Out, b.Out);
        var digestA = Start(Plain, "experiment", "merge", Path.Combine(dir, "a.db"), "--out", Path.Combine(dir, "a-merged.db"));
        var digestB = Start(Plain, "experiment", "merge", Path.Combine(dir, "b.db"), "--out", Path.Combine(dir, "b-merged.db"));
        Assert.True(digestA.Code == 0, digestA.Err);
        Assert.Equal(Experiments.Digest(digestA.Out), Experiments.Digest(digestB.Out));
    }

    private static string Digest(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("digest").GetString()!;
    }
}
