using BenchmarkDotNet.Running;
using Bosporos.Scenarios;

// BenchmarkDotNet runs each benchmark in a child process: pass the scenarios folder on so it is found from there too.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ScenarioCatalog.FolderVariable)) && ScenarioCatalog.Folder() is { } folder)
{
    Environment.SetEnvironmentVariable(ScenarioCatalog.FolderVariable, folder);
}

// `--plain-runs N`: N runs of the scenario and nothing else, for instruction counts under callgrind (bench/callgrind.sh).
if (args.Length == 2 && args[0] == "--plain-runs" && int.TryParse(args[1], out var runs))
{
    var sim = Bosporos.Kernel.Simulation.Create(Bosporos.Bench.BenchScenario.Load(), 1);
    ulong folded = 0;
    for (var k = 0; k < runs; k++)
    {
        sim.Reset(Bosporos.Kernel.Randomness.SplitMix64.Derive(626, (ulong)k));
        folded ^= sim.RunToEnd().StateHash;
    }

    Console.WriteLine($"{runs} runs, folded hash {folded:x16}");
    return;
}

// `--war-profile N`: where a war run's time goes, by kind of campaign day (a stopwatch harness outside the kernel).
if (args.Length == 2 && args[0] == "--war-profile" && int.TryParse(args[1], out var warRuns))
{
    Bosporos.Bench.WarProfile.Run(warRuns);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
