using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bosporos.Analysis.Branching;
using Bosporos.Analysis.Experiments;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Narrative;
using Bosporos.Scenarios.Replays;
using Bosporos.Scenarios.Validation;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Experiments;

/// <summary>
/// POST /api/experiments/branch: the replay page's run (scenario, seed, overrides) continued from one hour by the
/// baseline and each variant, run k of every arm with sample key k, through the engine's branch experiments (the
/// same model, plan, runner and store as 'bosporos experiment branch'). The caps of POST /api/experiments hold,
/// counting the baseline as a variant.
/// </summary>
internal static partial class BranchEndpoint
{
    public static async Task<IResult> StartAsync(HttpRequest request, IScenarioSource source, ExperimentStore store, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<BranchExperimentRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (!ScenarioIds.IsValid(body.Scenario))
        {
            return ApiProblems.BadRequest("'scenario' must be a scenario id: lower-case letters, digits and hyphens, e.g. constantinople-626.");
        }

        if (body.Hour is null == string.IsNullOrWhiteSpace(body.At))
        {
            return ApiProblems.BadRequest("Give the moment to branch at either as 'hour' (the run hour the arms start from, e.g. 943) or as 'at' (e.g. \"626-08-07T07:00\"), not both.");
        }

        var variants = body.Variants ?? [];
        var missing = variants.FindIndex(v => v is null);
        if (missing >= 0)
        {
            return ApiProblems.BadRequest($"variants[{missing}] is null: each variant is an object such as {{\"name\":\"no-light-craft\",\"overrides\":{{\"orders.patrol.golden-horn-upper\":0}}}}.");
        }

        var arms = variants.Count + 1;
        if (arms > options.MaxVariants)
        {
            return ApiProblems.Unprocessable($"At most {options.MaxVariants} variants per experiment, the baseline included.");
        }

        if (body.Runs < 1 || (long)body.Runs * arms > options.MaxRunsPerExperiment)
        {
            return ApiProblems.Unprocessable(
                $"An experiment runs 1 to {options.MaxRunsPerExperiment:N0} sieges in all (runs × variants, the baseline included); this one asks for {(long)body.Runs * arms:N0}.");
        }

        var (replayOverrides, error) = Overrides.Parse(body.Overrides);
        if (error is not null)
        {
            return ApiProblems.BadRequest(error);
        }

        var specs = new List<BranchVariant>();
        foreach (var v in variants)
        {
            var name = v.Name?.Trim() ?? string.Empty;
            if (!NamePattern().IsMatch(name) || name == ExperimentDefinition.BaselineName || specs.Any(s => s.Name == name))
            {
                return ApiProblems.BadRequest($"Variant names are unique, 1 to 64 lower-case letters, digits and '-', and not 'baseline' ('{name[..Math.Min(name.Length, 64)]}').");
            }

            var (overrides, bad) = Overrides.Parse(v.Overrides);
            if (bad is not null)
            {
                return ApiProblems.BadRequest(bad);
            }

            if (overrides.Count == 0)
            {
                return ApiProblems.BadRequest($"The variant '{name}' changes nothing: give it at least one path and value.");
            }

            specs.Add(new BranchVariant(name, overrides));
        }

        var scenario = body.Scenario!;
        var loaded = source.Load(scenario, replayOverrides);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"No scenario with id '{scenario}'.");
        }

        if (!loaded.Succeeded)
        {
            return ApiProblems.Unprocessable("The run to branch from does not validate.", loaded.Diagnostics);
        }

        // The page's run as a replay: played once here, recorded, and kept beside the store so the store can be resumed and reported.
        var sim = Simulation.Create(loaded.Definition!, body.Seed);
        sim.RunToEnd();
        var replay = ReplayPlayer.Record(sim, scenario, loaded.ScenarioHash, replayOverrides, []);
        var replayText = ReplayJson.Write(replay);
        var replayHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(replayText)));
        var id = ExperimentStore.NewId();
        var replayFile = store.BranchReplayFile(id) ?? $"page-run-{id}.replay.json";
        var at = body.Hour is { } hour ? new JulianDates(loaded.Definition!.Calendar).Moment(hour) : body.At!;
        var opened = BranchPoint.Open(replay, o => source.Load(scenario, o), replayFile, replayHash, at);
        if (opened.Point is not { } point)
        {
            return ApiProblems.Unprocessable(opened.Diagnostics.Count > 0 ? opened.Diagnostics[0].Message : "The run cannot be branched there.", opened.Diagnostics);
        }

        var model = new BranchSiegeModel(point);
        var text = BranchExperiment.Text(point, specs, body.Runs, "the page of bosporos serve");
        var experimentLoad = ExperimentLoader.LoadText(text, "branch");
        var diagnostics = new List<Diagnostic>(experimentLoad.Diagnostics);
        var plan = experimentLoad.Experiment is { } experiment ? RunPlan.Build(experiment, model, diagnostics) : null;
        if (plan is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return ApiProblems.Unprocessable("The branch experiment does not validate.", diagnostics);
        }

        for (var i = 1; i < plan.Variants.Count; i++)
        {
            var configured = model.Configure(plan.VariantOverrides[i]);
            if (!configured.Succeeded)
            {
                return ApiProblems.Unprocessable($"Variant '{plan.Variants[i]}' cannot go on from {point.Moment}.", configured.Diagnostics);
            }
        }

        var started = store.TryStartBranch(id, scenario, plan, model, replayText);
        if (started is null)
        {
            return ApiProblems.TooMany($"{options.MaxConcurrentExperiments} experiments are already running; try again when one has finished.");
        }

        var root = $"/api/experiments/{started.Id}";
        return TypedResults.Accepted(root, new ExperimentStartedDto(started.Id, started.Total, $"{root}/progress", root, $"{root}/runs.csv"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}\\z")]
    private static partial Regex NamePattern();
}
