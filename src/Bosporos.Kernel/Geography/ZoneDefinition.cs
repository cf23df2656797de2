using System.ComponentModel;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Geography;

public enum ZoneKind
{
    LandWall,
    SeaWall,
    City,
    Camp,
    Suburb,
    Water,
    Shore,
    Hinterland,
}

/// <summary>A place in the siege's graph of zones.</summary>
public sealed record ZoneDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ZoneKind Kind { get; init; }

    [Description("WGS84 latitude in decimal degrees.")]
    public required Degrees Latitude { get; init; }

    [Description("WGS84 longitude in decimal degrees.")]
    public required Degrees Longitude { get; init; }

    [Description("Ids of the zones one can move to directly from here.")]
    public string[] Neighbours { get; init; } = [];
}
