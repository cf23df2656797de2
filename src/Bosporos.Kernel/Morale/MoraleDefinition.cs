using System.ComponentModel;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Morale;

/// <summary>Thresholds and the weight of the events that move morale (all on the 0-1 morale scale).</summary>
public sealed record MoraleDefinition
{
    [Description("Below this a contingent refuses to attack.")]
    public required Ratio RefuseAttackBelow { get; init; }

    [Description("Below this men start to desert.")]
    public required Ratio DesertBelow { get; init; }

    [Description("Share of the men who desert in a day at zero morale (less, linearly, up to the threshold).")]
    public required Ratio DesertionPerDayAtZero { get; init; }

    [Description("Daily drift back toward the contingent's starting morale.")]
    public required Ratio DailyRecovery { get; init; }

    [Description("Defenders' mean morale below which the city opens talks.")]
    public required Ratio NegotiateBelow { get; init; }

    [Description("Lift to every defender when reinforcements reach the city.")]
    public required Ratio Reinforcement { get; init; }

    [Description("Lift to every defender from a procession with the icons.")]
    public required Ratio Procession { get; init; }

    [Description("Lift to defenders when an assault day ends with the walls held.")]
    public required Ratio AssaultRepulsed { get; init; }

    [Description("Fall per tenth of its strength a contingent loses in one day.")]
    public required Ratio LossPerTenth { get; init; }

    [Description("Fall per day without food.")]
    public required Ratio HungerPerDay { get; init; }

    [Description("Fall to every subject contingent when the khagan executes survivors.")]
    public required Ratio Executions { get; init; }

    [Description("Fall to boat crews and subjects when a boat attack is massacred; half to the rest of the host.")]
    public required Ratio BoatsMassacred { get; init; }

    [Description("Lift to every defender at the thanksgiving when the siege is lifted.")]
    public required Ratio Thanksgiving { get; init; }

    [Description("Lift to the host when Persians land on the European shore.")]
    public required Ratio PersiansLanded { get; init; }
}
