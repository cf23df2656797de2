using Bosporos.Analysis.Play;
using Bosporos.Analysis.Tests.Experiments;
using Bosporos.Kernel;
using Bosporos.Kernel.Forces;
using Bosporos.Scenarios;

namespace Bosporos.Analysis.Tests.Play;

/// <summary>The shipped 626 scenario, loaded once for the play tests.</summary>
internal static class PlayFixture
{
    private static readonly Lazy<(SiegeDefinition Definition, string Hash)> Loaded = new(() =>
    {
        var r = ScenarioLoader.LoadFile(ShippedExperimentTests.RepoFile("scenarios", "constantinople-626.yaml"));
        Assert.True(r.Succeeded);
        return (r.Definition!, r.ScenarioHash);
    });

    private static readonly Lazy<SiegeDefinition> NoLightCraftLoaded = new(() =>
    {
        var r = ScenarioLoader.LoadFile(ShippedExperimentTests.RepoFile("scenarios", "constantinople-626.yaml"), [new ScenarioOverride("flotillas.roman-light-craft.hulls", "0")]);
        Assert.True(r.Succeeded);
        return r.Definition!;
    });

    public static SiegeDefinition Definition => Loaded.Value.Definition;

    /// <summary>The counterfactual without the Roman light craft, in which the doctrines let the city fall in about a fifth of runs.</summary>
    public static SiegeDefinition NoLightCraft => NoLightCraftLoaded.Value;

    public static PlaySetup Setup(ulong seed, Side? human, int level = 1) =>
        new("constantinople-626", Loaded.Value.Hash, [], seed, human, level);
}
