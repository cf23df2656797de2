using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Command;

/// <summary>What a step of the khagan's plan asks for. The mechanisms decide what comes of it.</summary>
public enum PlanAction
{
    [Description("Ravage and forage; no assault.")]
    Blockade,

    [Description("Break the aqueduct (the city lives on its cisterns).")]
    CutAqueduct,

    [Description("Draw the host up in full armour from sea to sea.")]
    ShowOfForce,

    [Description("Start building the engines and towers.")]
    BuildEngines,

    [Description("Storm the target sector from start-hour to end-hour each day.")]
    GeneralAssault,

    [Description("Put the monoxyla into the water at their station.")]
    LaunchCanoes,

    [Description("Receive an embassy: demand the city.")]
    Embassy,

    [Description("Send envoys across the Bosporus to the Persians (see diplomacy).")]
    SendEnvoys,

    [Description("Send boats by night to ferry the Persians across.")]
    FerryPersians,

    [Description("Storm by land and launch the canoes on the agreed fire signal.")]
    CombinedAttack,
}

/// <summary>One step of a commander's written plan, active from one day to another.</summary>
public sealed record PlanStepDefinition
{
    public required PlanAction Action { get; init; }

    [Description("First day (from the scenario start) the step is active.")]
    public required int FromDay { get; init; }

    [Description("Last day the step is active; defaults to the first.")]
    public int? ToDay { get; init; }

    [Description("Hour of day the action starts (assaults, crossings).")]
    public int StartHour { get; init; } = 5;

    [Description("Hour of day the action ends.")]
    public int EndHour { get; init; } = 17;

    [Description("Wall sector (zone id) to attack, or 'weakest' to let the khagan pick.")]
    public string? Target { get; init; }

    [Description("Flotilla used by boat actions.")]
    public string? Flotilla { get; init; }

    [Description("Water zones the boats pass through, in order.")]
    public string[] Route { get; init; } = [];
}

/// <summary>The defenders' standing orders.</summary>
public sealed record DefenderDoctrineDefinition
{
    [Description("Share of the garrison kept back as reserve for counter-attacks.")]
    public required Ratio ReserveShare { get; init; }

    [Description("How many times thicker the threatened sector is manned than its length alone would give.")]
    [Range(0d, 100d)]
    public required Ratio ThreatWeight { get; init; }

    [Description("Manning of the sea walls per metre, relative to the land walls.")]
    [Range(0d, 100d)]
    public required Ratio SeaWallWeight { get; init; }

    [Description("Wall integrity restored per night hour by a full sector garrison's labour.")]
    public required Ratio NightRepairPerHour { get; init; }

    [Description("Odds per defending engine per daylight hour of wrecking one enemy engine.")]
    public required Ratio CounterBattery { get; init; }

    [Description("Odds per tower in action per hour that the defenders burn it.")]
    public required Ratio BurnTower { get; init; }

    [Description("Days between processions with the icons (0 = none).")]
    public required int ProcessionEveryDays { get; init; }

    [Description("Where warships keep watch.")]
    public required PatrolDefinition[] Patrols { get; init; }

    [Description("Lie in wait with hidden warships and light the enemy's signal if it is learned.")]
    public required bool SetTrapIfSignalLearned { get; init; }
}

public sealed record PatrolDefinition
{
    public required string Flotilla { get; init; }

    public required string Zone { get; init; }

    [Description("Hulls of the flotilla on this station.")]
    public required int Hulls { get; init; }
}

/// <summary>When the khagan gives up.</summary>
public sealed record WithdrawalDefinition
{
    [Description("Strength-weighted morale of the host below which it breaks up.")]
    public required Ratio CohesionBelow { get; init; }

    [Description("Withdraw when food in hand falls below this many days.")]
    public required int SupplyDaysBelow { get; init; }

    [Description("Withdraw once the plan is spent and this many days have passed since the main army came.")]
    public required int AfterPlanSpentDays { get; init; }

    [Description("Day the main army (and the khagan) arrives; close-siege days are counted from it.")]
    public required int MainArmyDay { get; init; }
}

public sealed record CommandDefinition
{
    [Description("The khagan's plan, step by step.")]
    public required PlanStepDefinition[] Khagan { get; init; }

    [Description("Share of the survivors of a massacred boat attack the khagan puts to death.")]
    public required Ratio SurvivorsExecutedShare { get; init; }

    public required DefenderDoctrineDefinition Defenders { get; init; }

    public required WithdrawalDefinition Withdrawal { get; init; }
}
