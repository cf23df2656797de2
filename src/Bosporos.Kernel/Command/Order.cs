using System.ComponentModel;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;

namespace Bosporos.Kernel.Command;

/// <summary>
/// Orders a commander (a written plan, a player or an AI) can give. Values are frozen (replays store them). Orders
/// override the side's doctrine: a standing order holds until the same kind is given again; the others act once.
/// </summary>
public enum OrderKind : byte
{
    [Description("Khagan: storm the target sector (a wall zone) today, from this hour if no assault is running.")]
    Assault = 1,

    [Description("Khagan: no assault today, whatever the plan says.")]
    HoldAssault = 2,

    [Description("Khagan: burn the engines and leave.")]
    Withdraw = 3,

    [Description("Defenders: hold a procession with the icons now.")]
    Procession = 4,

    [Description("Defenders: keep Value warships on station in the target zone (Target = zone); never more than the fleet has off the other stations.")]
    Patrol = 5,

    [Description("Defenders (standing): man the walls with the target sector (a wall zone) as the threatened one; target -1 hands it back to the doctrine.")]
    Reinforce = 6,

    [Description("Defenders: tonight's sortie goes against the engines before the target sector with Value men; Value 0 sends none tonight.")]
    Sortie = 7,

    [Description("Defenders (standing): Value 1 masses the warships for the trap when the signal is known, 0 keeps them on their stations.")]
    SetTrap = 8,

    [Description("Defenders (standing): Value 0 refuses the khagan's demands, 1 opens the gates to terms at the next demand.")]
    AnswerEnvoys = 9,

    [Description("Khagan: today's assault is the attack by land and water together (the boats' waits are waived).")]
    LaunchBoats = 10,

    [Description("Khagan: send envoys across the strait to the Persians now.")]
    SendEnvoys = 11,

    [Description("Khagan: demand the city's surrender now.")]
    DemandSurrender = 12,

    [Description("Khagan (standing): Value 1 spares the survivors of a failed boat attack, 0 executes them as the doctrine says.")]
    SpareSurvivors = 13,

    [Description("Khagan: begin building the engines now.")]
    BuildEngines = 14,
}

/// <summary>Who gave an order: told in the chronicle. Values are frozen (replays store them).</summary>
public enum OrderSource : byte
{
    Player = 0,
    Ai = 1,
    Doctrine = 2,
    Script = 3,
}

/// <summary>Why the kernel refused an order (it changes nothing then). Values are frozen.</summary>
public enum OrderRefusal : byte
{
    None = 0,

    [Description("the siege is over")]
    SiegeOver = 1,

    [Description("the order is not for this hour")]
    NotThisHour = 2,

    [Description("that side cannot give this order")]
    WrongSide = 3,

    [Description("no such target for this order")]
    UnknownTarget = 4,

    [Description("the value must be zero or more, and within what the order allows")]
    BadValue = 5,

    [Description("not possible now")]
    NotPossibleNow = 6,

    [Description("unknown order kind")]
    UnknownKind = 7,
}

/// <summary>
/// One order, applied at the start of the hour <see cref="Time"/>. <see cref="Target"/> is an index into the
/// definition's zones (Assault, Reinforce, Sortie, Patrol's station) or flotillas; <see cref="Value"/> is a count,
/// a zone index or a yes/no as the kind says. <see cref="Source"/> says who gave it (told, never acted on).
/// </summary>
public readonly record struct Order(SimTime Time, Side Side, OrderKind Kind, short Target, int Value)
{
    public OrderSource Source { get; init; }
}
