using System.Diagnostics;
using System.Globalization;
using Bosporos.Analysis.Stores;
using Bosporos.StoreKill;

namespace Bosporos.Analysis.Tests.Stores;

/// <summary>
/// A helper process appends runs in batches and is killed with SIGKILL at random moments, then resumed, many times.
/// After every kill: the file passes integrity_check, every acknowledged run is there, the stored runs are exactly
/// a prefix of the work order (nothing missing, nothing doubled, no torn row); at the end the digest equals that of an
/// uninterrupted run.
/// </summary>
public class KillSafetyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int RunCount = 20000; // two variants: 40,000 rows
    private const int BatchSize = 50;
    private const int Kills = 32;
    private const int WorkMicroseconds = 20; // simulated work per run in the helper

    [Fact]
    public void Killed_and_resumed_many_times_the_store_equals_an_uninterrupted_run()
    {
        using var dir = new TempDir();
        var path = dir.File("killed.db");
        KillAndResume(
            path,
            Kills,
            () => SqliteResultStore.Open(path, new ResultStoreOptions(ReadOnly: File.Exists(path) && new FileInfo(path).Length > 0)),
            store => Assert.Equal("ok", ((SqliteResultStore)store).IntegrityCheck()),
            dir);
    }

    [PostgresFact]
    public void Killed_postgres_clients_lose_nothing_acknowledged_and_resume()
    {
        using var dir = new TempDir();
        using var h = StoreHarness.Create("postgres");
        KillAndResume(h.Location, 12, () => h.Open(), _ => { }, dir);
    }

    private void KillAndResume(string location, int kills, Func<IResultStore> openForCheck, Action<IResultStore> check, TempDir dir)
    {
        var manifest = SyntheticRuns.Manifest(RunCount);
        var order = manifest.Variants
            .SelectMany(v => Enumerable.Range(0, RunCount).Select(k => SyntheticRuns.Row(v, k, withParameters: k % 3 == 0)))
            .ToList();
        var random = new Random(626);
        var done = 0;
        var position = order.Select((row, i) => (row, i)).ToDictionary(p => (p.row.Variant, p.row.RunIndex), p => p.i);
        var acknowledged = 0; // the helper works in order: acknowledged batches are a prefix of the work
        var lives = 0;
        var earlyKills = 0; // kills before the helper acknowledged anything in that life (start-up, schema, manifest)
        var unacknowledgedKept = 0L; // rows committed by a killed helper that had not yet said so

        for (var life = 0; done < kills && life < kills * 3; life++)
        {
            var (exitedByItself, acks) = RunHelper(location, process =>
            {
                if (random.Next(4) == 0)
                {
                    Thread.Sleep(random.Next(0, 200)); // during start-up, schema creation or the manifest write
                }
                else
                {
                    process.WaitForAcks(random.Next(1, 12), TimeSpan.FromSeconds(20));
                    Thread.Sleep(random.Next(0, 3)); // somewhere in the work or the commit of a later batch
                }
            });
            if (acks.Count > 0)
            {
                acknowledged = Math.Max(acknowledged, acks.Max(a => position[a]) + 1);
            }
            lives++;
            if (!exitedByItself)
            {
                done++;
                earlyKills += acks.Count == 0 ? 1 : 0;
            }

            using var store = openForCheck();
            check(store);
            var stored = store.ReadAll().ToList();
            Assert.Equal(order.Take(stored.Count), stored); // a prefix of the work: no gaps, no duplicates, no torn rows
            Assert.True(stored.Count >= acknowledged, $"life {life}: {acknowledged} runs acknowledged, {stored.Count} stored");
            unacknowledgedKept += stored.Count - acknowledged;
            Assert.True(stored.Count < order.Count, "the helper finished before enough kills; raise RunCount");
        }
        Assert.True(done >= kills, $"only {done} kills happened");

        var (finished, _) = RunHelper(location, h => h.Process.WaitForExit());
        Assert.True(finished, "the resumed helper did not finish");
        var uninterrupted = dir.File("uninterrupted.db");
        var (finishedToo, _) = RunHelper(uninterrupted, h => h.Process.WaitForExit());
        Assert.True(finishedToo, "the uninterrupted helper did not finish");

        using var resumed = openForCheck();
        using var reference = SqliteResultStore.Open(uninterrupted);
        check(resumed);
        var all = resumed.ReadAll().ToList();
        Assert.Equal(order.Count, all.Count);
        Assert.Equal(order.Count, all.Select(r => (r.Variant, r.RunIndex)).Distinct().Count());
        var digest = ExperimentDigest.Compute(all);
        Assert.Equal(ExperimentDigest.Compute(order), digest);
        Assert.Equal(ExperimentDigest.Compute(reference.ReadAll()), digest);
        Assert.Equal(digest, resumed.CompletedDigest);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kills: {done} SIGKILLs over {lives} lives ({earlyKills} before the first acknowledged batch of their life); "
            + $"{acknowledged} of {order.Count} rows acknowledged before the last kill, 0 acknowledged rows lost, "
            + $"{unacknowledgedKept} committed-but-unacknowledged rows found kept (summed over the checks); final digest equal to an uninterrupted run"));
    }

    [Fact]
    public void Helper_reports_bad_arguments_and_store_errors_with_exit_codes()
    {
        using var dir = new TempDir();
        var usage = Helper.Start(["only-one-argument"]);
        usage.Process.WaitForExit();
        Assert.Equal(2, usage.Process.ExitCode);

        var missingDir = Helper.Start([dir.File("no/such/dir.db"), "10", "5"]);
        missingDir.Process.WaitForExit();
        Assert.Equal(1, missingDir.Process.ExitCode);
        Assert.Contains("does not exist", missingDir.Process.StandardError.ReadToEnd(), StringComparison.Ordinal);
    }

    /// <summary>Runs the helper; <paramref name="killPlan"/> decides when to kill it. Returns whether it ended by itself.</summary>
    private static (bool ExitedByItself, IReadOnlyCollection<(string, long)> Acks) RunHelper(string path, Action<Helper> killPlan)
    {
        var helper = Helper.Start([
            path,
            RunCount.ToString(CultureInfo.InvariantCulture),
            BatchSize.ToString(CultureInfo.InvariantCulture),
            WorkMicroseconds.ToString(CultureInfo.InvariantCulture),
        ]);
        killPlan(helper);
        var exited = helper.Process.HasExited;
        if (!exited)
        {
            helper.Process.Kill(entireProcessTree: true); // SIGKILL on Unix
        }
        helper.Process.WaitForExit();
        helper.Drain();
        if (exited && helper.Process.ExitCode != 0)
        {
            Assert.Fail($"helper failed with {helper.Process.ExitCode}: {helper.Process.StandardError.ReadToEnd()}");
        }
        return (exited || helper.Done, helper.Acks);
    }

    private sealed class Helper
    {
        private readonly object gate = new();
        private readonly List<(string, long)> acks = []; // last run of each acknowledged batch
        private readonly Thread reader;

        private Helper(Process process, bool readOutput)
        {
            Process = process;
            reader = new Thread(Read) { IsBackground = true };
            if (readOutput)
            {
                reader.Start();
            }
        }

        public Process Process { get; }

        public bool Done { get; private set; }

        public IReadOnlyCollection<(string, long)> Acks
        {
            get
            {
                lock (gate)
                {
                    return [.. acks];
                }
            }
        }

        public static Helper Start(string[] args)
        {
            var directory = AppContext.BaseDirectory;
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine(directory, "Bosporos.StoreKill.dll"));
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the helper");
            return new Helper(process, readOutput: args.Length == 4);
        }

        public void WaitForAcks(int count, TimeSpan timeout)
        {
            lock (gate)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (acks.Count < count && !Done && !Process.HasExited && DateTime.UtcNow < deadline)
                {
                    Monitor.Wait(gate, 50);
                }
            }
        }

        public void Drain()
        {
            if (reader.IsAlive)
            {
                reader.Join();
            }
        }

        private void Read()
        {
            string? line;
            while ((line = Process.StandardOutput.ReadLine()) is not null)
            {
                lock (gate)
                {
                    if (line.StartsWith("ack ", StringComparison.Ordinal))
                    {
                        var parts = line.Split(' ');
                        acks.Add((parts[3], long.Parse(parts[4], CultureInfo.InvariantCulture)));
                    }
                    else if (line.StartsWith("done ", StringComparison.Ordinal))
                    {
                        Done = true;
                    }
                    Monitor.PulseAll(gate);
                }
            }
        }
    }
}
