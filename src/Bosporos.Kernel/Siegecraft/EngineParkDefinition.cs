using System.ComponentModel;
using Bosporos.Kernel.Forces;

namespace Bosporos.Kernel.Siegecraft;

public enum EngineKind
{
    [Description("Traction trebuchet: batters the wall or counter-battery from behind it.")]
    StoneThrower,

    [Description("Hide-covered wooden tower: lets men fight at battlement height.")]
    SiegeTower,

    [Description("Covered shed for sappers and rams.")]
    Tortoise,
}

/// <summary>Engines of one kind on one side, aimed at (or mounted on) one sector.</summary>
public sealed record EngineParkDefinition
{
    public required string Id { get; init; }

    [Description("Name shown to readers (defaults to the id).")]
    public string? Name { get; init; }

    public required Side Side { get; init; }

    public required EngineKind Kind { get; init; }

    public required int Count { get; init; }

    [Description("Wall sector (its zone id) the engines face or stand on.")]
    public required string Sector { get; init; }

    [Description("Hours of work before the engines are ready, counted from the plan's build-engines step (0 for the defenders' engines).")]
    public int BuildHours { get; init; }
}
