using Bosporos.Web.Play;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Replay;

/// <summary>Counts the single runs being computed by this site (one per application, not per process).</summary>
internal sealed class ReplayGate
{
    public int Running;
}

internal static class ReplayEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/runs", (HttpRequest request, IScenarioSource source, WebOptions options, ReplayGate gate) =>
            Gated(options, gate, () => RunOnceAsync(request, source, options)));
        app.MapPost("/api/replays", (HttpRequest request, IScenarioSource source, WebOptions options, ReplayGate gate) =>
            Gated(options, gate, () => OpenAsync(request, source, options)));
    }

    private static async Task<IResult> Gated(WebOptions options, ReplayGate gate, Func<Task<IResult>> work)
    {
        if (Interlocked.Increment(ref gate.Running) > options.MaxConcurrentReplays)
        {
            Interlocked.Decrement(ref gate.Running);
            return TypedResults.Problem(statusCode: 429, title: "Too many runs at once", detail: $"At most {options.MaxConcurrentReplays} runs are computed at once; try again in a moment.");
        }

        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref gate.Running);
        }
    }

    /// <summary>
    /// Opens an uploaded replay file (a saved game or any recorded run): checked as a resumed save is, less the
    /// saved-game fields, then run again with its orders so the chronicle tells who gave each.
    /// </summary>
    private static async Task<IResult> OpenAsync(HttpRequest request, IScenarioSource source, WebOptions options)
    {
        var (text, problem) = await SaveCheck.ReadTextAsync(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (text is null)
        {
            return problem!;
        }

        var aborted = request.HttpContext.RequestAborted;
        var checkedFile = await Task.Run(() => SaveCheck.Check(text, source, asSave: false), aborted).ConfigureAwait(false);
        if (checkedFile.Problem is not null)
        {
            return checkedFile.Problem;
        }

        var (file, loaded) = (checkedFile.Save!, checkedFile.Loaded!);
        var replay = await Task.Run(() => ReplayBuilder.Build(loaded, file.Seed, file.Orders), aborted).ConfigureAwait(false);
        return TypedResults.Ok(replay);
    }

    private static async Task<IResult> RunOnceAsync(HttpRequest request, IScenarioSource source, WebOptions options)
    {
        var (body, problem) = await WebJson.ReadAsync<RunRequest>(request, options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        if (!ScenarioIds.IsValid(body.Scenario))
        {
            return ApiProblems.BadRequest("'scenario' must be a scenario id: lower-case letters, digits and hyphens, e.g. constantinople-626.");
        }

        var (overrides, error) = Overrides.Parse(body.Overrides);
        if (error is not null)
        {
            return ApiProblems.BadRequest(error);
        }

        var loaded = source.Load(body.Scenario!, overrides);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"No scenario with id '{body.Scenario}'.");
        }

        if (!loaded.Succeeded)
        {
            return ApiProblems.Unprocessable("The scenario with these overrides does not validate.", loaded.Diagnostics);
        }

        var replay = await Task.Run(() => ReplayBuilder.Build(loaded, body.Seed), request.HttpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(replay);
    }
}
