using System.Globalization;
using Bosporos.Analysis.War;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.War;
using Bosporos.Web.Replay;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.War;

/// <summary>A war scenario as the list shows it.</summary>
public sealed record WarSummaryDto(string Id, string Name, string Kind);

/// <summary>
/// The war scenarios shipped in the scenarios folder: their list, one run's war replay
/// (<see cref="WarReplayBuilder"/>) and the siege of the capital inside that run as the siege replay page shows it.
/// </summary>
internal static class WarEndpoints
{
    private const int MaxOverrides = 32;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/wars", () => TypedResults.Ok(List()));
        app.MapGet("/api/wars/{id}/replay", (string id, HttpRequest request, WebOptions options, ReplayGate gate) =>
            gate.RunAsync(options, () => ReplayAsync(id, request)));
        app.MapGet("/api/wars/{id}/siege", (string id, HttpRequest request, WebOptions options, ReplayGate gate) =>
            gate.RunAsync(options, () => SiegeAsync(id, request)));
    }

    internal static IReadOnlyList<WarSummaryDto> List() =>
        ScenarioCatalog.List().Where(e => WarScenarioLoader.IsWarFile(e.Path)).Select(e => new WarSummaryDto(e.Id, e.Name, "war")).ToArray();

    /// <summary>The scenario, seed and overrides of a request (?seed=N, ?set=path=value repeated), or the problem.</summary>
    private static (WarLoadResult? Loaded, string Reference, ulong Seed, IReadOnlyList<ScenarioOverride> Overrides, IResult? Problem) Read(string id, HttpRequest request)
    {
        if (!ScenarioIds.IsValid(id))
        {
            return (null, id, 0, [], ApiProblems.BadRequest("A scenario id is lower-case letters, digits and hyphens (at most 64), e.g. war-622-628."));
        }

        ulong seed = 1;
        var seedText = request.Query["seed"].ToString();
        if (seedText.Length > 0 && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            return (null, id, 0, [], ApiProblems.BadRequest($"'seed' must be a whole number from 0 to {ulong.MaxValue}, not '{seedText}'."));
        }

        var sets = request.Query["set"];
        if (sets.Count > MaxOverrides)
        {
            return (null, id, 0, [], ApiProblems.BadRequest($"At most {MaxOverrides} 'set' overrides."));
        }

        var overrides = new List<ScenarioOverride>();
        foreach (var text in sets)
        {
            if (text is null || ScenarioOverride.Parse(text) is not { } o)
            {
                return (null, id, 0, [], ApiProblems.BadRequest($"'set' must be path=value (e.g. heraclius.split=false), not '{text}'."));
            }

            overrides.Add(o);
        }

        var entry = ScenarioCatalog.Find(id);
        if (entry is null || !WarScenarioLoader.IsWarFile(entry.Path))
        {
            return (null, id, 0, [], ApiProblems.NotFound($"No war scenario with id '{id}'."));
        }

        var loaded = WarScenarioLoader.LoadFile(entry.Path, overrides);
        if (!loaded.Succeeded)
        {
            return (null, id, 0, [], ApiProblems.Unprocessable("The war scenario with these overrides does not validate.", loaded.Diagnostics));
        }

        return (loaded, id, seed, overrides, null);
    }

    private static async Task<IResult> ReplayAsync(string id, HttpRequest request)
    {
        var (loaded, reference, seed, overrides, problem) = Read(id, request);
        if (loaded is null)
        {
            return problem!;
        }

        var aborted = request.HttpContext.RequestAborted;
        var json = await Task.Run(
            () => WarReplayBuilder.Write(WarReplayBuilder.Run(WarSimulation.Create(loaded.Definition!, loaded.Siege!, seed), reference, loaded.ScenarioHash, overrides, aborted)),
            aborted).ConfigureAwait(false);
        return TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// The siege of the capital inside the run: the war is run until the siege ends, then the definition the campaign
    /// built goes through the siege replay builder with the siege's own seed (the same siege, hash for hash).
    /// </summary>
    private static async Task<IResult> SiegeAsync(string id, HttpRequest request)
    {
        var (loaded, _, seed, _, problem) = Read(id, request);
        if (loaded is null)
        {
            return problem!;
        }

        var aborted = request.HttpContext.RequestAborted;
        var replay = await Task.Run(() => InnerSiege(loaded, seed, aborted), aborted).ConfigureAwait(false);
        return replay is null
            ? ApiProblems.NotFound($"In run {seed} of '{id}' there is no siege of the capital (the war ended or the capital was lost before it began).")
            : TypedResults.Ok(replay);
    }

    internal static ReplayDto? InnerSiege(WarLoadResult loaded, ulong seed, CancellationToken cancellation)
    {
        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, seed);
        while (!sim.IsOver && !(sim.Siege?.IsOver ?? false))
        {
            cancellation.ThrowIfCancellationRequested();
            sim.Step();
        }

        if (sim.Siege is null || sim.SiegeDefinitionUsed is null)
        {
            return null;
        }

        var asLoaded = new LoadResult(sim.SiegeDefinitionUsed, null, [], loaded.ScenarioHash);
        return ReplayBuilder.Build(asLoaded, sim.Siege.Seed);
    }
}
