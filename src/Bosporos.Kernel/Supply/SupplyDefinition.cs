using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Supply;

/// <summary>Food for the host and for the city.</summary>
public sealed record SupplyDefinition
{
    [Description("Man-days of food the already-ravaged hinterland can still yield.")]
    public required long ForagePoolManDays { get; init; }

    [Description("Share of what is left of the forage pool gathered each day (diminishing returns).")]
    public required Ratio ForageRatePerDay { get; init; }

    [Description("Man-days of food one man of the camp (the horse who forage) can bring in per day, at most.")]
    public required int ForagePerForagerPerDay { get; init; }

    [Description("Food the city holds, in days of normal consumption.")]
    public required int CityFoodDays { get; init; }

    [Description("Days of water the cisterns hold once the aqueduct is cut.")]
    public required int CisternDays { get; init; }

    [Description("Days of food the fleet brings in per day while it holds the sea lane.")]
    [Range(0d, 100d)]
    public required Ratio SeaResupplyDaysPerDay { get; init; }

    [Description("Water zone the city's supply ships must pass.")]
    public required string SeaLaneZone { get; init; }
}
