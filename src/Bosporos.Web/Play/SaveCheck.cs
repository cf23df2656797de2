using System.Globalization;
using System.Text;
using Bosporos.Analysis.Play;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bosporos.Web.Play;

/// <summary>What checking an uploaded save gave: the save and its scenario, or the problem naming the first bad field.</summary>
internal sealed record CheckedSave(ReplayFile? Save, LoadResult? Loaded, IResult? Problem);

/// <summary>
/// Checks an uploaded save before a game is resumed from it, as <c>bosporos replay SAVE --verify</c> would: it must
/// read as a replay, be a saved game, name a catalogue scenario whose file has not changed, and its recorded daily
/// hashes must agree with a re-run of its orders. The first bad field is named in the answer (422). The replay page
/// opens any replay file with the same checks, less those that only a saved game needs (<c>asSave: false</c>).
/// </summary>
internal static class SaveCheck
{
    public static CheckedSave Check(string text, IScenarioSource source) => Check(text, source, asSave: true);

    public static CheckedSave Check(string text, IScenarioSource source, bool asSave)
    {
        var what = asSave ? "save" : "replay file";
        ProblemHttpResult Refuse(string field, string message, string hint, IEnumerable<Bosporos.Scenarios.Validation.Diagnostic>? diagnostics = null) =>
            SaveCheck.Refuse(field, message, hint, diagnostics, what);

        var read = ReplayJson.Read(text, what);
        if (read.Replay is not { } save)
        {
            var first = read.Diagnostics[0];
            var field = first.Path.Length > 0 ? first.Path : string.Create(CultureInfo.InvariantCulture, $"line {first.Line}, column {first.Column}");
            return Fail(Refuse(field, first.Message, first.Hint ?? (asSave ? "Upload the file as the Save button wrote it." : "Upload the file as 'bosporos run --replay' or a Save button wrote it."), read.Diagnostics));
        }

        var play = save.Play;
        if (asSave && play is null)
        {
            return Fail(Refuse("play", "This replay is not a saved game: it has no 'play' record, so there is no hour to resume from.",
                "Saves are written by the Play page's Save button or 'bosporos play --save FILE'; open other replays on the replay page."));
        }

        if (!ScenarioIds.IsValid(save.Scenario))
        {
            return Fail(Refuse("scenario", $"'scenario' must be the id of a shipped scenario (lower-case letters, digits and hyphens); the site {(asSave ? "resumes" : "opens")} no scenario given by path.",
                asSave ? "Resume a game of a file scenario with 'bosporos play --resume SAVE'." : "Play a replay of a file scenario with 'bosporos replay FILE'."));
        }

        var loaded = source.Load(save.Scenario, save.Overrides);
        if (loaded is null)
        {
            return Fail(Refuse("scenario", $"No scenario with id '{save.Scenario}' on this site.", $"The {what} names a scenario this site does not ship."));
        }

        if (!loaded.Succeeded)
        {
            return Fail(Refuse("overrides", $"The {what}'s overrides do not validate against the scenario.", $"The {what} was altered, or the scenario changed since.",
                loaded.Diagnostics.Where(d => d.Severity == Bosporos.Scenarios.Validation.Severity.Error)));
        }

        if (!string.Equals(loaded.ScenarioHash, save.ScenarioHash, StringComparison.Ordinal))
        {
            return Fail(Refuse("scenarioHash", $"The scenario '{save.Scenario}' has changed since this {(asSave ? "game was saved" : "run was recorded")} (the {what} expects {Shorten(save.ScenarioHash)}, the file now hashes to {loaded.ScenarioHash}).",
                $"{(asSave ? "Resume" : "Open")} it with the version of Bosporos it was {(asSave ? "saved" : "recorded")} with."));
        }

        for (var i = 0; play is not null && i < save.Orders.Count; i++)
        {
            if (save.Orders[i].Time.Hours > play.Hour)
            {
                return Fail(Refuse($"orders.{i}", string.Create(CultureInfo.InvariantCulture,
                    $"Order {i} is for hour {save.Orders[i].Time.Hours}, after hour {play.Hour} where the game was saved."), "The save was altered."));
            }
        }

        if (play is not null && play.AiLevel > AiLevel.Max)
        {
            return Fail(Refuse("play.aiLevel", $"'aiLevel' is {play.AiLevel}; levels run from 0 to {AiLevel.Max}.", "The save was altered."));
        }

        var sim = Simulation.Create(loaded.Definition!, save.Seed);
        ReplayPlayer.Play(sim, save.Orders);
        var check = ReplayPlayer.Compare(save, sim.DailyHashes, sim.StateHash, sim.DailySubsystemHashes);
        if (!check.Identical)
        {
            var day = check.FirstDifferentDay;
            return Fail(day >= 0
                ? Refuse(check.OnlySubsystemHashesDiffer ? "subsystemHashes" : $"dailyHashes.{day.ToString(CultureInfo.InvariantCulture)}",
                    string.Create(CultureInfo.InvariantCulture, $"The {what}'s recorded state of day {day} does not agree with a re-run of its orders: the file was altered or is damaged."),
                    "'bosporos replay FILE --verify' names the day and the subsystem.")
                : Refuse("finalHash", $"The {what}'s final state hash does not agree with a re-run of its orders.", "'bosporos replay FILE --verify' says more."));
        }

        if (play is not null && play.Hour > sim.Now.Hours)
        {
            return Fail(Refuse("play.hour", string.Create(CultureInfo.InvariantCulture,
                $"The game was saved at hour {play.Hour}, but its siege ends at hour {sim.Now.Hours}."), "The save was altered."));
        }

        return new CheckedSave(save, loaded, null);
    }

    public static ProblemHttpResult Refuse(string field, string message, string hint, IEnumerable<Bosporos.Scenarios.Validation.Diagnostic>? diagnostics = null, string what = "save")
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (diagnostics is not null)
        {
            extensions["diagnostics"] = diagnostics.Select(DiagnosticDto.From).ToArray();
        }

        return PlayEndpoints.Problem(422, $"The {what} is refused", $"The {what} is refused at '{field}': {message}", hint, extensions);
    }

    /// <summary>Reads the request body as strict UTF-8 text, within the limit (413), as JSON (415 otherwise).</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, long limit)
    {
        var (body, problem) = await WebJson.ReadBodyAsync(request, limit, "Send the file as application/json.", "The request body is empty; send the save or replay file.").ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return (BoundedFile.StrictUtf8.GetString(body), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiProblems.BadRequest("The file is not UTF-8 text."));
        }
    }

    private static CheckedSave Fail(IResult problem) => new(null, null, problem);

    private static string Shorten(string s) => s.Length <= 64 ? s : s[..64] + "...";
}
