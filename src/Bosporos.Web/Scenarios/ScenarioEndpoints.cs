using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bosporos.Web.Scenarios;

/// <summary>One cited number as the scenario page shows it.</summary>
public sealed record CitedNumberDto(
    string Path, string Key, decimal Value, string? Source, string Reliability, decimal? Low, decimal? High, string? Note, int Line);

/// <summary>Numbers that belong together: one contingent, one flotilla, or one section (combat, naval ...).</summary>
public sealed record NumberGroupDto(string Id, string Title, string? Side, IReadOnlyList<CitedNumberDto> Numbers);

public sealed record ScenarioDetailDto(string Id, string Name, string File, string ScenarioHash, IReadOnlyList<NumberGroupDto> Groups);

internal static class ScenarioEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/scenarios", (IScenarioSource source) => TypedResults.Ok(source.List()));
        app.MapGet("/api/scenarios/{id}", Detail);
    }

    private static Results<Ok<ScenarioDetailDto>, ProblemHttpResult> Detail(string id, IScenarioSource source)
    {
        if (!ScenarioIds.IsValid(id))
        {
            return ApiProblems.BadRequest("A scenario id is lower-case letters, digits and hyphens (at most 64), e.g. constantinople-626.");
        }

        var loaded = source.Load(id, []);
        if (loaded is null)
        {
            return ApiProblems.NotFound($"No scenario with id '{id}'.");
        }

        if (!loaded.Succeeded || loaded.Document is null || loaded.Definition is null)
        {
            return ApiProblems.Unprocessable($"Scenario '{id}' does not load.", loaded.Diagnostics);
        }

        return TypedResults.Ok(new ScenarioDetailDto(
            loaded.Document.Id, loaded.Document.Name, Path.GetFileName(loaded.Document.File), loaded.ScenarioHash,
            Group(loaded.Document, loaded.Definition)));
    }

    /// <summary>Groups numbers by their first one or two path segments; contingents and flotillas carry their side.</summary>
    internal static IReadOnlyList<NumberGroupDto> Group(ScenarioDocument document, Kernel.SiegeDefinition definition)
    {
        var sides = new Dictionary<string, (string Title, string Side)>(StringComparer.Ordinal);
        foreach (var c in definition.Contingents)
        {
            sides[$"contingents.{c.Id}"] = (c.Name, Naming.Kebab(c.Side.ToString()));
        }

        foreach (var f in definition.Flotillas)
        {
            sides[$"flotillas.{f.Id}"] = (f.Name, Naming.Kebab(f.Side.ToString()));
        }

        foreach (var e in definition.Engines)
        {
            sides[$"engines.{e.Id}"] = (e.Id, Naming.Kebab(e.Side.ToString()));
        }

        var groups = new List<(string Id, string Title, string? Side, List<CitedNumberDto> Numbers)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in document.Numbers)
        {
            var parts = n.Path.Split('.');
            string groupId;
            string title;
            string? side = null;
            var two = parts.Length > 2 ? $"{parts[0]}.{parts[1]}" : null;
            if (two is not null && sides.TryGetValue(two, out var known))
            {
                groupId = two;
                title = known.Title;
                side = known.Side;
            }
            else if (two is not null && parts[0] is "zones" or "wall-sectors" or "command")
            {
                groupId = two;
                title = $"{Title(parts[0])}: {parts[1]}";
            }
            else
            {
                groupId = parts[0];
                title = Title(parts[0]);
            }

            if (!byId.TryGetValue(groupId, out var index))
            {
                index = groups.Count;
                byId[groupId] = index;
                groups.Add((groupId, title, side, []));
            }

            var key = n.Path[(groupId.Length + (n.Path.Length > groupId.Length ? 1 : 0))..];
            groups[index].Numbers.Add(new CitedNumberDto(
                n.Path, key, n.Value, n.Source, Reliability(n.Reliability), n.RangeLow, n.RangeHigh, n.Note, n.Line));
        }

        return groups.Select(g => new NumberGroupDto(g.Id, g.Title, g.Side, g.Numbers)).ToArray();
    }

    private static string Reliability(Reliability r) => r switch
    {
        Bosporos.Scenarios.Documents.Reliability.Read => "V",
        Bosporos.Scenarios.Documents.Reliability.Standard => "K",
        Bosporos.Scenarios.Documents.Reliability.Contested => "C",
        _ => "",
    };

    private static string Title(string section) =>
        section.Length == 0 ? section : char.ToUpperInvariant(section[0]) + section[1..].Replace('-', ' ');
}
