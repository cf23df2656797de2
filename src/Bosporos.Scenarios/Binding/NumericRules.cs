using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Siegecraft;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Binding;

/// <summary>The allowed range of a numeric field, the codes for falling below or above it and a hint.</summary>
internal sealed record NumericRule(decimal Min, decimal Max, string BelowCode, string AboveCode, string Hint);

/// <summary>
/// Range rules for every numeric field of the definition, by meaning: shares and odds in [0, 1]; ratios the kernel
/// marks with [Range] (rates, multipliers, lethalities, weights) in that range; counts non-negative with caps;
/// hours, dates and coordinates.
/// Used by the validator and by the schema, so both agree.
/// </summary>
internal static class NumericRules
{
    public const decimal MaxStrength = 1_000_000;
    public const decimal MaxHulls = 10_000;
    public const decimal MaxCount = 1_000_000;
    public const decimal MaxLong = 1_000_000_000_000;
    public const decimal MaxDays = 3650;

    private static readonly HashSet<string> SmallCounts = new(StringComparer.Ordinal)
    {
        "Hulls", "Count", "Towers", "AfterFailedAssaults", "AbandonAfterFailures", "TrapMassHulls", "EnvoyBoats", "ReferenceGalleys", "ControlMinGalleys", "PassengersPerBoat", "CrewPerHull", "BoatsPerGroup",
    };

    private static readonly HashSet<string> DayFields = new(StringComparer.Ordinal)
    {
        "ArrivalDay", "MainArmyDay", "DaysAfter", "FoodHorizonDays", "StarvingDays", "ProcessionMinGapDays",
    };

    public static NumericRule For(PropertyModel property)
    {
        var type = property.Info.DeclaringType;
        var name = property.Name;
        if (type == typeof(CalendarDefinition))
        {
            return name switch
            {
                "StartYear" => new(1, 9999, DiagnosticCodes.BadDate, DiagnosticCodes.BadDate, "The year must be between 1 and 9999 (Julian calendar, AD)."),
                "StartMonth" => new(1, 12, DiagnosticCodes.BadDate, DiagnosticCodes.BadDate, "The month must be between 1 and 12."),
                "StartDay" => new(1, 31, DiagnosticCodes.BadDate, DiagnosticCodes.BadDate, "The day must be a day of the month (1-31)."),
                _ => new(1, MaxDays, DiagnosticCodes.BadHorizon, DiagnosticCodes.BadHorizon, "The horizon must be between 1 and 3650 days."),
            };
        }

        if (type == typeof(IntentionDefinition) && name is "StartHour" or "EndHour")
        {
            return new(0, 23, DiagnosticCodes.BadHours, DiagnosticCodes.BadHours, "Hours of the day run from 0 to 23.");
        }

        if (type == typeof(SiegecraftDefinition) && name is "ShootFromHour" or "ShootUntilHour")
        {
            return new(0, name == "ShootFromHour" ? 23 : 24, DiagnosticCodes.BadHours, DiagnosticCodes.BadHours,
                "Shooting hours run from 0 to 23 (the last hour may be 24, midnight).");
        }

        return property.Kind switch
        {
            ValueKind.Degrees when name == "Latitude" => new(-90, 90, DiagnosticCodes.BadCoordinate, DiagnosticCodes.BadCoordinate, "A latitude lies between -90 and 90 degrees (Constantinople is near 41.0)."),
            ValueKind.Degrees => new(-180, 180, DiagnosticCodes.BadCoordinate, DiagnosticCodes.BadCoordinate, "A longitude lies between -180 and 180 degrees (Constantinople is near 28.9)."),
            ValueKind.Ratio when property.Range is { } range => new(range.Min, range.Max, DiagnosticCodes.RatioOutOfRange, DiagnosticCodes.RatioOutOfRange,
                FormattableString.Invariant($"This rate or multiplier must be between {range.Min} and {range.Max}.")),
            ValueKind.Ratio => new(0, 1, DiagnosticCodes.RatioOutOfRange, DiagnosticCodes.RatioOutOfRange, "This is a share or odds: it must be between 0 and 1 (0.35 for 35 %)."),
            _ when name == "Strength" => new(0, MaxStrength, DiagnosticCodes.Negative, DiagnosticCodes.AboveCap, "A strength must be between 0 and 1,000,000 men."),
            _ when SmallCounts.Contains(name) => new(0, MaxHulls, DiagnosticCodes.Negative, DiagnosticCodes.AboveCap, "This count must be between 0 and 10,000."),
            _ when DayFields.Contains(name) => new(0, MaxDays, DiagnosticCodes.Negative, DiagnosticCodes.BeyondHorizon, "Days are counted from the scenario start: 0 up to the horizon (at most 3650)."),
            ValueKind.Long => new(0, MaxLong, DiagnosticCodes.Negative, DiagnosticCodes.AboveCap, "This quantity must be between 0 and 1,000,000,000,000."),
            _ => new(0, MaxCount, DiagnosticCodes.Negative, DiagnosticCodes.AboveCap, "This quantity must be between 0 and 1,000,000."),
        };
    }
}
