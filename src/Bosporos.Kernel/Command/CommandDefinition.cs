using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.Command;

/// <summary>What an intention of the khagan asks for. The mechanisms decide what comes of it.</summary>
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

    [Description("Storm the target sector from start-hour to end-hour.")]
    GeneralAssault,

    [Description("Put the monoxyla into the water at their station.")]
    LaunchCanoes,

    [Description("Receive an embassy from the city and demand its surrender.")]
    Embassy,

    [Description("Send envoys across the water to the allies (see diplomacy) and agree a signal.")]
    SendEnvoys,

    [Description("Send boats by night to ferry the allies across.")]
    FerryPersians,

    [Description("Storm by land and launch the boats on the agreed fire signal.")]
    CombinedAttack,
}

/// <summary>What must be true before the khagan acts on an intention. The conditions are read from the live state.</summary>
public enum IntentionCondition
{
    [Description("Nothing: act as soon as the hour comes.")]
    Always,

    [Description("The whole host has come up: every assault contingent has arrived.")]
    HostAssembled,

    [Description("The stone-throwers and towers are built and stand ready.")]
    EnginesReady,

    [Description("Envoys have gone to the allies with the signal agreed (whatever became of them).")]
    SignalAgreed,

    [Description("The allies answered the envoys: they are ready to cross.")]
    AlliesAgreed,
}

/// <summary>
/// One intention of the khagan: an action he means to take when its conditions hold, at its hour of the day. He
/// decides at that hour (dawn for assaults, dusk or night for boats); nothing in it is a date.
/// </summary>
public sealed record IntentionDefinition
{
    public required PlanAction Action { get; init; }

    [Description("What must hold before he acts.")]
    public IntentionCondition When { get; init; } = IntentionCondition.Always;

    [Description("Days to wait after the condition first holds (rest after the march, time to bring engines up).")]
    public int DaysAfter { get; init; }

    [Description("Act only after this many assault days in a row have failed to hold a stretch of wall (0 = no such need).")]
    public int AfterFailedAssaults { get; init; }

    [Description("Act only once the land walls are worn this far toward a breach (the best sector's progress from 0 to 1; 0 = no such need). Before judging the siege lost he acts anyway: the last card.")]
    public Ratio WallsWorn { get; init; }

    [Description("Act only once the engines no longer gain on the repairs: at dawn the land walls are worn no further toward a breach than at the dawn before (after the bombardment has begun). Before judging the siege lost he acts anyway: the last card.")]
    public bool AfterWallsStall { get; init; }

    [Description("Act again each day while the conditions hold (assaults, crossings); otherwise once.")]
    public bool Repeat { get; init; }

    [Description("Give up a repeated action after this many failures in a row, unless a wall is breached (0 = never).")]
    public int AbandonAfterFailures { get; init; }

    [Description("Hour of day the action starts (the hour he decides).")]
    public int StartHour { get; init; } = 5;

    [Description("Hour of day the action ends.")]
    public int EndHour { get; init; } = 17;

    [Description("Wall sector (zone id) to attack, or 'weakest' to let the khagan pick. A breached sector is preferred to a written one for general assaults.")]
    public string? Target { get; init; }

    [Description("Flotilla used by boat actions.")]
    public string? Flotilla { get; init; }

    [Description("Water zones the boats pass through, in order.")]
    public string[] Route { get; init; } = [];
}

/// <summary>The defenders' doctrine under their commanders: how they man the walls, sortie, patrol and keep heart.</summary>
public sealed record DefenderDoctrineDefinition
{
    [Description("Share of the garrison kept back as reserve for counter-attacks.")]
    public required Ratio ReserveShare { get; init; }

    [Description("How many times thicker a threatened sector is manned than its length alone would give.")]
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

    [Description("Hold a procession with the icons when the defenders' mean morale falls below this.")]
    public required Ratio ProcessionBelow { get; init; }

    [Description("Fewest days between two processions.")]
    public required int ProcessionMinGapDays { get; init; }

    [Description("Share of the men on the walls who walk in a procession (off the walls for its hours).")]
    public required Ratio ProcessionShare { get; init; }

    [Description("Men of the reserve sent out by night against engines that batter a sector (0 = no sorties).")]
    public required int SortieMen { get; init; }

    [Description("Odds that a sortie reaches and fires the engines when no horse guards the camp.")]
    public required Ratio SortieOdds { get; init; }

    [Description("Share of the engines of the sector a successful sortie burns.")]
    public required Ratio SortieBurnShare { get; init; }

    [Description("Sortie only against a sector whose standing wall is below this integrity.")]
    public required Ratio SortieWhenWallBelow { get; init; }

    [Description("Where warships keep watch.")]
    public required PatrolDefinition[] Patrols { get; init; }

    [Description("When the signal is learned: mass the light craft and galleys where the boats will come and light the signal.")]
    public required bool SetTrapIfSignalLearned { get; init; }

    [Description("Warships moved from the other stations to the boats' route for the trap.")]
    public required int TrapMassHulls { get; init; }
}

public sealed record PatrolDefinition
{
    public required string Flotilla { get; init; }

    public required string Zone { get; init; }

    [Description("Hulls of the flotilla on this station.")]
    public required int Hulls { get; init; }
}

/// <summary>How the khagan judges his prospects each dawn, and when he gives up.</summary>
public sealed record WithdrawalDefinition
{
    [Description("Day the main army (and the khagan) arrives; close-siege days are counted from it.")]
    public required int MainArmyDay { get; init; }

    [Description("Weight of the walls in his hopes: breaches and stretches of wall won.")]
    public required Ratio WeightWalls { get; init; }

    [Description("Weight of the water: boats left for an attack he still means to make, and allies brought across.")]
    public required Ratio WeightWater { get; init; }

    [Description("Weight of his engines still standing.")]
    public required Ratio WeightEngines { get; init; }

    [Description("Weight of his force: willing assault troops against the numbers he needs.")]
    public required Ratio WeightForce { get; init; }

    [Description("Assault troops he needs for each defender on the walls to hope to storm them.")]
    [Range(0d, 100d)]
    public required Ratio NumbersNeeded { get; init; }

    [Description("He judges the siege lost when his hopes fall below this, when he has no food in hand or in reach.")]
    public required Ratio GiveUpBelow { get; init; }

    [Description("How much lower his hopes may fall before he gives up when he is fully fed (food lets him wait).")]
    public required Ratio FoodPatience { get; init; }

    [Description("Days of food in hand and in reach that let him wait without care.")]
    public required int FoodHorizonDays { get; init; }

    [Description("The host will not fight when fewer than this share of the assault troops will go forward.")]
    public required Ratio WillNotFightBelow { get; init; }

    [Description("Dawns in a row on which the host will not fight before it breaks up and he must go.")]
    public required int UnwillingDays { get; init; }

    [Description("Days in a row with men unfed after which the host is starving and must go.")]
    public required int StarvingDays { get; init; }

    [Description("Share of the host unfed on a day for the day to count as a starving day.")]
    public required Ratio StarvingShare { get; init; }
}

/// <summary>What Shahrbaraz does across the water.</summary>
public sealed record AllyDoctrineDefinition
{
    [Description("The allies join a land assault once at least this many of them are ashore.")]
    public required int JoinAssaultWhenAshore { get; init; }
}

public sealed record CommandDefinition
{
    [Description("The khagan's intentions, each with its conditions.")]
    public required IntentionDefinition[] Khagan { get; init; }

    [Description("Share of the survivors of a massacred boat attack the khagan puts to death.")]
    public required Ratio SurvivorsExecutedShare { get; init; }

    public required DefenderDoctrineDefinition Defenders { get; init; }

    public required WithdrawalDefinition Withdrawal { get; init; }

    public required AllyDoctrineDefinition Allies { get; init; }
}
