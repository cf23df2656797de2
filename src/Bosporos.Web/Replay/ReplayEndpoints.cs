using Bosporos.Web.Play;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Replay;

/// <summary>Counts the single runs being computed by this site (one per application, not per process).</summary>
/// <summary>Counts the runs computed for replay and war requests at once.</summary>
internal sealed class ReplayGate : ComputeGate
{
    /// <summary>Does <paramref name="work"/> if fewer than the allowed runs are under way, else answers 429.</summary>
    public Task<IResult> RunAsync(WebOptions options, Func<Task<IResult>> work) =>
        RunAsync(options.MaxConcurrentReplays, work, () => TypedResults.Problem(statusCode: 429, title: "Too many runs at once",
            detail: $"At most {options.MaxConcurrentReplays} runs are computed at once; try again in a moment."));
}

internal static class ReplayEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/runs", (HttpRequest request, IScenarioSource source, WebOptions options, ReplayGate gate) =>
            gate.RunAsync(options, () => RunOnceAsync(request, source, options)));
        app.MapPost("/api/replays", (HttpRequest request, IScenarioSource source, WebOptions options, ReplayGate gate) =>
            gate.RunAsync(options, () => OpenAsync(request, source, options)));
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

        var (loaded, _, loadProblem) = Overrides.LoadRequested(source, body.Scenario, body.Overrides);
        if (loaded is null)
        {
            return loadProblem!;
        }

        var replay = await Task.Run(() => ReplayBuilder.Build(loaded, body.Seed), request.HttpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(replay);
    }
}
