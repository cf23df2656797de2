using System.ComponentModel;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Forces;

public enum Side
{
    Roman,
    Avar,
    Persian,
}

public enum People
{
    Roman,
    Armenian,
    Avar,
    Slav,
    Bulgar,
    Gepid,
    Persian,
    Citizen,
}

public enum TroopType
{
    DismountedCavalry,
    HeavyInfantry,
    LightInfantry,
    HorseArcher,
    Guard,
    Militia,
    Sailor,
    Craftsmen,
}

/// <summary>What a contingent is for; the plans use roles, not names.</summary>
public enum ContingentRole
{
    [Description("Mans the walls, allotted to sectors by threat.")]
    Garrison,

    [Description("Held back in the city to counter-attack a lodgement.")]
    Reserve,

    [Description("Crews the ships and helps on the walls.")]
    Sailors,

    [Description("Goes forward in general assaults.")]
    Assault,

    [Description("Screens and forages; joins assaults only as a second line.")]
    Camp,

    [Description("Mans the monoxyla and rafts.")]
    BoatCrew,

    [Description("Waits across the water for boats (the Persians at Chalcedon).")]
    Ally,
}

/// <summary>A body of men with one side, people, kind and quality.</summary>
public sealed record ContingentDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Side Side { get; init; }

    public required People People { get; init; }

    public required TroopType Troop { get; init; }

    public required ContingentRole Role { get; init; }

    [Description("Men at arrival.")]
    public required int Strength { get; init; }

    [Description("Drill and experience, 0 to 1.")]
    public required Ratio Training { get; init; }

    [Description("Share of the men with body armour, 0 to 1.")]
    public required Ratio Armour { get; init; }

    [Description("Morale at arrival, 0 to 1.")]
    public required Ratio Morale { get; init; }

    [Description("Day (from the scenario start) on which the contingent arrives; 0 = present from the start.")]
    public int ArrivalDay { get; init; }

    [Description("Zone where it stands on arrival.")]
    public required string Zone { get; init; }

    [Description("Days of food carried on arrival (besiegers only).")]
    public int RationDays { get; init; }

    [Description("A subject people of the khagan whose loyalty can break.")]
    public bool Subject { get; init; }
}

public enum CraftKind
{
    Galley,
    LightCraft,
    Monoxylon,
    Raft,
}

/// <summary>Ships or boats of one kind.</summary>
public sealed record FlotillaDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Side Side { get; init; }

    public required CraftKind Craft { get; init; }

    public required int Hulls { get; init; }

    [Description("Men aboard each hull when it fights or ferries.")]
    public required int CrewPerHull { get; init; }

    [Description("Contingent whose men crew the hulls (their losses are that contingent's).")]
    public string? Crew { get; init; }

    [Description("Zone where the flotilla lies at the start.")]
    public required string Station { get; init; }

    public int ArrivalDay { get; init; }
}
