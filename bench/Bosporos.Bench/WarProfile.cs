using System.Diagnostics;
using System.Globalization;
using Bosporos.Kernel;
using Bosporos.Kernel.Randomness;
using Bosporos.Kernel.War;

namespace Bosporos.Bench;

/// <summary>
/// `--war-profile N`: where a war run's time goes, measured from outside the kernel with a stopwatch around each
/// campaign day: the day the siege is built (its <see cref="Simulation.Create"/> included), the days the siege runs
/// (24 hours of the siege kernel each), and the campaign days without a siege; then the siege kernel alone on the
/// definition the war built (a new simulation per run as the war does, and a reused one), for comparison. The
/// processor time beside the wall time shows how much of a loaded machine the loop got.
/// </summary>
internal static class WarProfile
{
    public static void Run(int runs)
    {
        var (war, siege) = WarScenario.Load();
        var sim = WarSimulation.Create(war, siege, 1);
        sim.KeepsDailyHashes = false; // as in 'mc' and experiments
        sim.RunToEnd();
        long startTicks = 0, siegeTicks = 0, campaignTicks = 0, siegeDays = 0, campaignDays = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var all = Stopwatch.StartNew();
        for (var k = 0; k < runs; k++)
        {
            sim.Reset(SplitMix64.Derive(628, (ulong)k));
            while (!sim.IsOver)
            {
                var before = sim.Siege;
                var running = before is { IsOver: false };
                var t = Stopwatch.GetTimestamp();
                sim.Step();
                var dt = Stopwatch.GetTimestamp() - t;
                if (before is null && sim.Siege is not null)
                {
                    startTicks += dt;
                }
                else if (running)
                {
                    siegeTicks += dt;
                    siegeDays++;
                }
                else
                {
                    campaignTicks += dt;
                    campaignDays++;
                }
            }
        }

        var total = all.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / runs;
        var used = sim.SiegeDefinitionUsed ?? siege;
        var fresh = Stopwatch.StartNew();
        for (var k = 0; k < runs; k++)
        {
            Simulation.Create(used, SplitMix64.Derive(628, (ulong)k)).RunToEnd();
        }

        var freshMs = fresh.Elapsed.TotalMilliseconds / runs;
        var create = Stopwatch.StartNew();
        for (var k = 0; k < runs; k++)
        {
            _ = Simulation.Create(used, SplitMix64.Derive(628, (ulong)k));
        }

        var createMs = create.Elapsed.TotalMilliseconds / runs;
        var reused = Simulation.Create(used, 1);
        reused.RunToEnd();
        var again = Stopwatch.StartNew();
        for (var k = 0; k < runs; k++)
        {
            reused.Reset(SplitMix64.Derive(628, (ulong)k));
            reused.RunToEnd();
        }

        var reusedMs = again.Elapsed.TotalMilliseconds / runs;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{runs} war runs: {total / runs:0.000} ms per run of wall time ({runs * 1000 / total:0} runs/s), {cpuMs / runs:0.000} ms of processor time (the process's, GC included)"));
        Console.WriteLine(string.Create(c, $"  day the siege is built:   {Ms(startTicks):0.000} ms per run"));
        Console.WriteLine(string.Create(c, $"  siege days (24 h each):   {Ms(siegeTicks):0.000} ms per run over {siegeDays / (double)runs:0.0} days"));
        Console.WriteLine(string.Create(c, $"  campaign days:            {Ms(campaignTicks):0.000} ms per run over {campaignDays / (double)runs:0.0} days ({Ms(campaignTicks) * runs * 1000 / Math.Max(1, campaignDays):0.0} us a day)"));
        Console.WriteLine(string.Create(c, $"siege kernel alone on the war's siege definition: new simulation + run {freshMs:0.000} ms, Simulation.Create alone {createMs:0.000} ms, reused (reset + run) {reusedMs:0.000} ms"));
    }
}
