using System.ComponentModel;
using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Diplomacy;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Fortifications;
using Bosporos.Kernel.Geography;
using Bosporos.Kernel.Morale;
using Bosporos.Kernel.Naval;
using Bosporos.Kernel.Siegecraft;
using Bosporos.Kernel.Supply;
using Bosporos.Kernel.Weather;

namespace Bosporos.Kernel;

/// <summary>
/// A validated, immutable siege: everything a run needs besides its seed and orders. Built by Bosporos.Scenarios
/// from a scenario file; the kernel never reads files.
/// </summary>
public sealed record SiegeDefinition
{
    [Description("Short identifier, lower-case with hyphens (e.g. constantinople-626).")]
    public required string Id { get; init; }

    [Description("Title shown to readers.")]
    public required string Name { get; init; }

    [Description("Where the run's clock starts and how long it may run.")]
    public required CalendarDefinition Calendar { get; init; }

    [Description("Places: wall sectors, water, camps, shores, with real coordinates.")]
    public required ZoneDefinition[] Zones { get; init; }

    [Description("Fortified stretches of the land and sea walls.")]
    public required WallSectorDefinition[] WallSectors { get; init; }

    [Description("Bodies of men on either side.")]
    public required ContingentDefinition[] Contingents { get; init; }

    [Description("Ships and boats: Roman galleys and light craft, Slav monoxyla and rafts.")]
    public required FlotillaDefinition[] Flotillas { get; init; }

    [Description("Stone-throwers, siege towers and tortoises.")]
    public required EngineParkDefinition[] Engines { get; init; }

    public required SiegecraftDefinition Siegecraft { get; init; }

    public required SupplyDefinition Supply { get; init; }

    public required MoraleDefinition Morale { get; init; }

    public required CombatDefinition Combat { get; init; }

    public required NavalDefinition Naval { get; init; }

    public required CommandDefinition Command { get; init; }

    public required DiplomacyDefinition Diplomacy { get; init; }

    [Description("The wind on the water.")]
    public required WeatherDefinition Weather { get; init; }
}

/// <summary>The run's calendar anchor (Julian, as the sources date it) and horizon.</summary>
public sealed record CalendarDefinition
{
    [Description("Julian year of the first day (hour 0 is its midnight).")]
    public required int StartYear { get; init; }

    [Description("Julian month of the first day, 1-12.")]
    public required int StartMonth { get; init; }

    [Description("Julian day of the month of the first day.")]
    public required int StartDay { get; init; }

    [Description("Days after which an unfinished siege is called undecided.")]
    public required int HorizonDays { get; init; }
}
