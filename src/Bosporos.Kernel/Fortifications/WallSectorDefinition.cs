using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Fortifications;

/// <summary>A stretch of wall, its layers and its towers.</summary>
public sealed record WallSectorDefinition
{
    [Description("Id of the zone this sector is (a land-wall or sea-wall zone).")]
    public required string Zone { get; init; }

    public required int LengthMetres { get; init; }

    [Description("Towers along the sector (inner and outer together).")]
    public required int Towers { get; init; }

    public required bool Moat { get; init; }

    [Description("The outer (lower) wall, or a single wall or outwork where there is only one.")]
    public required bool OuterWall { get; init; }

    [Description("The inner (main) wall behind a terrace.")]
    public required bool InnerWall { get; init; }

    [Description("Extra weight of the attacker's blows here (low ground, weak masonry): 0 for none.")]
    [Range(0d, 100d)]
    public Ratio AttackerTerrainBonus { get; init; }

    [Description("Condition of the wall at the start, 0 to 1.")]
    public Ratio Integrity { get; init; } = Ratio.One;
}
