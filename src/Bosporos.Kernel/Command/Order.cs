using System.ComponentModel;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel.Command;

/// <summary>Orders a commander (a written plan, a player or an AI) can give. Values are frozen (replays store them).</summary>
public enum OrderKind : byte
{
    [Description("Khagan: storm the target wall sector this hour (overrides the plan's target).")]
    Assault = 1,

    [Description("Khagan: no assault today, whatever the plan says.")]
    HoldAssault = 2,

    [Description("Khagan: burn the engines and leave.")]
    Withdraw = 3,

    [Description("Defenders: hold a procession with the icons today.")]
    Procession = 4,

    [Description("Defenders: move the given number of hulls of the target flotilla to the zone in Value.")]
    Patrol = 5,
}

/// <summary>
/// One order, applied at the start of the hour <see cref="Time"/>. <see cref="Target"/> is an index into the
/// definition's zones (Assault) or flotillas (Patrol); <see cref="Value"/> is a count or zone index as the kind says.
/// </summary>
public readonly record struct Order(SimTime Time, Side Side, OrderKind Kind, short Target, int Value);
