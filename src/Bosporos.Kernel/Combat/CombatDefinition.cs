using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Combat;

/// <summary>
/// The attrition law of an engagement. With effective strengths A and D, the hourly loss of A is
/// c_D * D^(1-w) * A^w: square law w = 0 (aimed fire), linear law w = 1 (area fire), mixed (Helmbold) w = 1/2.
/// </summary>
public enum AttritionLaw
{
    Square,
    Mixed,
    Linear,
}

/// <summary>Parameters of land combat at the walls.</summary>
public sealed record CombatDefinition
{
    public required AttritionLaw Law { get; init; }

    [Description("Hourly kill rate of one effective defender against attackers, before cover.")]
    [Range(0d, 100d)]
    public required Ratio DefenderLethality { get; init; }

    [Description("Hourly kill rate of one effective attacker against defenders, before cover.")]
    [Range(0d, 100d)]
    public required Ratio AttackerLethality { get; init; }

    [Description("Attackers who can fight per metre of wall front.")]
    [Range(0d, 100d)]
    public required Ratio AttackerFrontagePerMetre { get; init; }

    [Description("Defenders who can fight per metre of wall front.")]
    [Range(0d, 100d)]
    public required Ratio DefenderFrontagePerMetre { get; init; }

    [Description("Share of the attackers' blows that still land on men behind an intact moat.")]
    public required Ratio MoatCover { get; init; }

    [Description("Share that still lands behind an intact outer wall.")]
    public required Ratio OuterWallCover { get; init; }

    [Description("Share that still lands behind an intact inner wall.")]
    public required Ratio InnerWallCover { get; init; }

    [Description("Multiplier on defenders' fire from each intact layer's height and towers.")]
    [Range(0d, 100d)]
    public required Ratio WallFireBonus { get; init; }

    [Description("Extra weight of attackers per siege tower in action at the sector.")]
    [Range(0d, 100d)]
    public required Ratio TowerBonus { get; init; }

    [Description("Fatigue an engaged man gathers in an hour of fighting without relief (0 to 1; halves his blows at 1).")]
    public required Ratio FatiguePerHour { get; init; }

    [Description("Fatigue shed in an hour out of the fight.")]
    public required Ratio FatigueRecoveryPerHour { get; init; }

    [Description("Share of the blows turned by body armour, for a fully armoured body of men.")]
    public required Ratio ArmourProtection { get; init; }

    [Description("Defenders of the reserve who can reach a lodgement, per attacker in it.")]
    [Range(0d, 100d)]
    public required Ratio CounterAttackReach { get; init; }

    [Description("Multiplier on all blows at night.")]
    public required Ratio Darkness { get; init; }

    [Description("Share of casualties who are wounded rather than killed.")]
    public required Ratio WoundedShare { get; init; }

    [Description("Effective attacker:defender ratio on the wall top above which a stretch is seized.")]
    [Range(0d, 100d)]
    public required Ratio SeizeRatio { get; init; }

    [Description("Hours a lodgement must be held against counter-attack before the city is lost.")]
    public required int HoldHours { get; init; }

    [Description("Weight of the defenders' reserve when it counter-attacks a lodgement on ground it knows.")]
    [Range(0d, 100d)]
    public required Ratio CounterAttackBonus { get; init; }

    [Description("Share of the men in a lodgement lost when the defenders retake it.")]
    public required Ratio LodgementLossWhenRetaken { get; init; }

    [Description("Wall integrity below which a layer counts as breached (gives no cover).")]
    public required Ratio BreachBelow { get; init; }
}
