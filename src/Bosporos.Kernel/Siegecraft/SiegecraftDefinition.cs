using System.ComponentModel;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Siegecraft;

/// <summary>How engines and sappers wear walls down.</summary>
public sealed record SiegecraftDefinition
{
    [Description("Mean wall integrity one stone-thrower knocks off the outer wall in a daylight hour of shooting.")]
    public required Ratio StoneDamagePerEngineHour { get; init; }

    [Description("Wall integrity one tortoise's sappers and rams take off in an hour of assault.")]
    public required Ratio TortoiseDamagePerHour { get; init; }

    [Description("Wall integrity a thousand trained, armoured attackers at the wall foot take off in an hour of assault.")]
    public required Ratio SappingPerThousandHour { get; init; }

    [Description("First hour of the day engines shoot.")]
    public int ShootFromHour { get; init; } = 6;

    [Description("Hour of the day engines stop shooting.")]
    public int ShootUntilHour { get; init; } = 18;
}
