using System.Globalization;
using System.Text.Json;
using Bosporos.Scenarios;

namespace Bosporos.Web.Scenarios;

/// <summary>Turns the JSON object <c>{ "path": value }</c> of a request into scenario overrides.</summary>
internal static class Overrides
{
    public const int MaxCount = 200;

    public static (IReadOnlyList<ScenarioOverride> Overrides, string? Error) Parse(Dictionary<string, JsonElement>? values)
    {
        if (values is null || values.Count == 0)
        {
            return ([], null);
        }

        if (values.Count > MaxCount)
        {
            return ([], $"At most {MaxCount} overrides per request.");
        }

        var list = new List<ScenarioOverride>(values.Count);
        foreach (var (path, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (path.Length is 0 or > 200)
            {
                return ([], "An override path is empty or longer than 200 characters.");
            }

            string? text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is null || text.Length > 1000)
            {
                return ([], string.Create(CultureInfo.InvariantCulture, $"Override '{path}' must be a number, a string or true/false."));
            }

            list.Add(new ScenarioOverride(path, text));
        }

        return (list, null);
    }

    /// <summary>
    /// The scenario a request names, with its overrides, loaded and validated; or the problem (400 for a bad id or
    /// override, 404 for no such scenario, 422 when it does not validate).
    /// </summary>
    public static (LoadResult? Loaded, IReadOnlyList<ScenarioOverride> Overrides, IResult? Problem) LoadRequested(IScenarioSource source, string? scenario, Dictionary<string, JsonElement>? values)
    {
        if (!ScenarioIds.IsValid(scenario))
        {
            return (null, [], ApiProblems.BadRequest("'scenario' must be a scenario id: lower-case letters, digits and hyphens, e.g. constantinople-626."));
        }

        var (overrides, error) = Parse(values);
        if (error is not null)
        {
            return (null, [], ApiProblems.BadRequest(error));
        }

        var loaded = source.Load(scenario!, overrides);
        if (loaded is null)
        {
            return (null, [], ApiProblems.NotFound($"No scenario with id '{scenario}'."));
        }

        return loaded.Succeeded
            ? (loaded, overrides, null)
            : (null, [], ApiProblems.Unprocessable("The scenario with these overrides does not validate.", loaded.Diagnostics));
    }
}
