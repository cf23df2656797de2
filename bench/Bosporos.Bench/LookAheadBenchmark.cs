using BenchmarkDotNet.Attributes;
using Bosporos.Analysis.Play;
using Bosporos.Kernel;
using Bosporos.Kernel.Forces;

namespace Bosporos.Bench;

/// <summary>
/// One decision of the look-ahead commander on the morning of the third assault day (day 33, 05:00): eight of the
/// defenders' options, each tried in 200 sampled futures of three days (4,800 simulated days), then the choice; and
/// the AI's decision for each side at the default level, screening included.
/// </summary>
[MemoryDiagnoser]
public class LookAheadBenchmark
{
    private Simulation sim = null!;
    private PlayOption[] eight = null!;

    [GlobalSetup]
    public void Setup()
    {
        sim = Simulation.Create(BenchScenario.Load(), 7);
        while (!sim.IsOver && sim.Now.Hours < (33 * 24) + DecisionPoints.Dawn)
        {
            sim.Step();
        }

        eight = PlayOptions.For(sim, Side.Roman, StandingOrders.None).Take(8).ToArray();
        if (eight.Length != 8)
        {
            throw new InvalidOperationException($"Expected at least 8 options on day 33, found {eight.Length}.");
        }
    }

    [Benchmark(Description = "one decision: 8 options x 200 futures x 3 days")]
    public int EightOptions() => LookAhead.Choose(LookAhead.Evaluate(sim, Side.Roman, eight, 200, 3));

    [Benchmark(Description = "AI decision, defenders, default level")]
    public PlayOption DefendersDefault() => LookAhead.Decide(sim, Side.Roman, AiLevel.Of(AiLevel.Default), StandingOrders.None);

    [Benchmark(Description = "AI decision, khagan, default level")]
    public PlayOption KhaganDefault() => LookAhead.Decide(sim, Side.Avar, AiLevel.Of(AiLevel.Default), StandingOrders.None);
}
