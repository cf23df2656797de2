using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.War;

/// <summary>The powers of the war. Values are frozen (stored in results).</summary>
public enum Power : byte
{
    Rome = 0,
    Persia = 1,
    Turks = 2,
    Avars = 3,
}

/// <summary>How a route is travelled.</summary>
public enum RouteKind : byte
{
    Road = 0,

    /// <summary>A mountain pass: slower, and closed in winter when its winter days are 0.</summary>
    Pass = 1,

    /// <summary>A sea lane: only the power holding the sea (Rome) sails it.</summary>
    Sea = 2,
}

/// <summary>What an army does in the war.</summary>
public enum ArmyRole : byte
{
    /// <summary>A field army that marches and fights battles.</summary>
    Field = 0,

    /// <summary>Holds a city; fights only inside a siege.</summary>
    Garrison = 1,

    /// <summary>Ships and their crews.</summary>
    Fleet = 2,

    /// <summary>An allied host that comes late and leaves early.</summary>
    Ally = 3,

    /// <summary>A besieging host that exists for the siege of the capital only.</summary>
    Host = 4,
}

/// <summary>
/// A validated, immutable campaign of the war (regions, routes, armies and the rules and doctrines with their
/// parameters). The siege of the capital it contains is a separate <see cref="SiegeDefinition"/>, adjusted from the
/// campaign's state when the siege begins. Built by Bosporos.Scenarios from a scenario file.
/// </summary>
public sealed record WarDefinition
{
    [Description("Short identifier, lower-case with hyphens (e.g. war-622-628).")]
    public required string Id { get; init; }

    [Description("Title shown to readers.")]
    public required string Name { get; init; }

    [Description("Where the campaign's clock starts (Julian) and how many days it may run.")]
    public required CalendarDefinition Calendar { get; init; }

    public required SeasonDefinition Season { get; init; }

    [Description("Regions of the Near East with coordinates and their holders at the start.")]
    public required RegionDefinition[] Regions { get; init; }

    [Description("Roads, passes and sea lanes between regions, with days of travel.")]
    public required RouteDefinition[] Routes { get; init; }

    [Description("Field armies, garrisons, fleets, allies and hosts.")]
    public required ArmyDefinition[] Armies { get; init; }

    public required FieldBattleDefinition Battle { get; init; }

    public required CampaignSupplyDefinition Supply { get; init; }

    public required HeracliusDoctrine Heraclius { get; init; }

    public required KhosrowDoctrine Khosrow { get; init; }

    public required TurkDoctrine Turks { get; init; }

    public required CourierDefinition Courier { get; init; }

    public required PoliticsDefinition Politics { get; init; }

    public required TreatyDefinition Treaty { get; init; }

    public required SiegeLinkDefinition Siege { get; init; }

    [Description("The khagan of the Avars before the siege: his threat to the capital keeps the emperor at home (optional).")]
    public AvarDoctrine? Avars { get; init; }
}

/// <summary>When winter closes the passes and sends armies to quarters.</summary>
public sealed record SeasonDefinition
{
    [Description("First month of winter (1-12).")]
    public required int WinterFromMonth { get; init; }

    [Description("Last month of winter (1-12).")]
    public required int WinterToMonth { get; init; }
}

public sealed record RegionDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    [Description("WGS84 latitude of the region's chief place.")]
    public required Degrees Latitude { get; init; }

    [Description("WGS84 longitude of the region's chief place.")]
    public required Degrees Longitude { get; init; }

    [Description("Who holds the region at the start.")]
    public required Power Holder { get; init; }

    [Description("Roman before 602: a province Persia holds is an occupied province a peace may return.")]
    public bool Roman602 { get; init; }

    [Description("Roman under the frontier of 591.")]
    public bool Line591 { get; init; }

    [Description("Roman under the Euphrates line (Arabissus, 629).")]
    public bool EuphratesLine { get; init; }

    [Description("The army whose commander governs the region (its evacuation depends on him), if any.")]
    public string? Governor { get; init; }

    [Description("What sacking the region costs the Persian king's legitimacy (0 for none).")]
    public Ratio SackCost { get; init; }

    [Description("The capital of the empire: its siege is run through the siege model.")]
    public bool Capital { get; init; }
}

public sealed record RouteDefinition
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required RouteKind Kind { get; init; }

    [Description("Days of travel for an army outside winter.")]
    public required int Days { get; init; }

    [Description("Days of travel in winter; 0 means closed in winter.")]
    public required int WinterDays { get; init; }
}

public sealed record ArmyDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Power Side { get; init; }

    [Description("Who leads it (for the chronicle).")]
    public required string Commander { get; init; }

    public required ArmyRole Role { get; init; }

    [Description("Region at the start (or where it is raised).")]
    public required string Region { get; init; }

    [Description("Men at the start (or when raised).")]
    public required int Strength { get; init; }

    [Description("When above strength: the men at the start (or when raised) are drawn evenly from strength to this, each run (a contested number).")]
    public int StrengthMax { get; init; }

    [Description("Training, equipment and leadership, 0-1.")]
    public required Ratio Quality { get; init; }

    [Description("Morale at the start, 0-1.")]
    public required Ratio Morale { get; init; }

    [Description("Ships (fleets only).")]
    public int Hulls { get; init; }

    [Description("Ratio of its side's fighting power to the enemy's it needs before it offers battle (0: always).")]
    [Range(0d, 10d)]
    public Ratio EngageRatio { get; init; }

    [Description("Whether it exists at the start; an army that does not is raised by a doctrine.")]
    public bool Raised { get; init; } = true;
}

/// <summary>Field battles: Helmbold-type attrition by the hour, break points and pursuit, and weather.</summary>
public sealed record FieldBattleDefinition
{
    [Description("Hours of fighting in a battle day (dawn to dusk).")]
    public required int HoursPerDay { get; init; }

    [Description("Loss coefficient per hour of the Helmbold (mixed) law: losses = k x sqrt(enemy power x own men).")]
    public required Ratio Lethality { get; init; }

    [Description("Share of its men a side of morale 1 can lose before it breaks (scaled by morale).")]
    public required Ratio BreakLoss { get; init; }

    [Description("Share of a broken side's remaining men lost in the pursuit.")]
    public required Ratio PursuitLoss { get; init; }

    [Description("Share of the pursuit's losses taken prisoner (the rest killed).")]
    public required Ratio CapturedShare { get; init; }

    [Description("Share of battle losses (not pursuit) that are wounded rather than killed.")]
    public required Ratio WoundedShare { get; init; }

    [Description("Odds that a storm (hail, driving rain) falls on a battle day.")]
    public required Ratio StormOdds { get; init; }

    [Description("Power kept by the side the storm drives into.")]
    public required Ratio StormFactor { get; init; }

    [Description("Morale the winner gains.")]
    public required Ratio MoraleWin { get; init; }

    [Description("Morale the loser loses.")]
    public required Ratio MoraleLoss { get; init; }

    [Description("Share of the loser's men lost above which the battle is decisive.")]
    public required Ratio DecisiveLoss { get; init; }

    [Description("A beaten army below this many men dissolves.")]
    public required int DissolveBelow { get; init; }
}

/// <summary>Attrition and recovery on campaign.</summary>
public sealed record CampaignSupplyDefinition
{
    [Description("Share of men lost per day in a region held by the enemy (sickness, straggling, desertion).")]
    public required Ratio HostileAttrition { get; init; }

    [Description("Share of men lost per day campaigning in winter outside quarters.")]
    public required Ratio WinterAttrition { get; init; }

    [Description("Morale regained per day in quarters on friendly ground.")]
    public required Ratio MoraleRecovery { get; init; }

    [Description("Before the split (Persian armies: before the siege): share of its strength that a standing field army (one of the start) below it gains per day at rest on its own ground (levies).")]
    public Ratio Levy { get; init; }
}

/// <summary>The emperor's doctrine: the split of 626, the alliance, the invasion.</summary>
public sealed record HeracliusDoctrine
{
    [Description("The emperor's field army.")]
    public required string Army { get; init; }

    [Description("Whether he splits his army in three when the capital is threatened.")]
    public required bool Split { get; init; }

    [Description("Day of the split (days from the start).")]
    public required int SplitDay { get; init; }

    [Description("Men sent to the capital.")]
    public required int CapitalSend { get; init; }

    [Description("The army that carries the reinforcements to the capital (raised by the split).")]
    public required string CapitalArmy { get; init; }

    [Description("Share of the rest given to his brother's army.")]
    public required Ratio TheodoreShare { get; init; }

    [Description("His brother's army (raised by the split).")]
    public required string TheodoreArmy { get; init; }

    [Description("Where the emperor goes after the split to meet the Turks.")]
    public required string AllianceRegion { get; init; }

    [Description("Whether he invades Persia when the conditions hold.")]
    public required bool Invade { get; init; }

    [Description("First day he may invade.")]
    public required int InvadeFromDay { get; init; }

    [Description("Last day he may start the invasion.")]
    public required int InvadeUntilDay { get; init; }

    [Description("Men he needs to invade.")]
    public required int InvadeMinStrength { get; init; }

    [Description("Where he seeks the decisive battle.")]
    public required string InvadeTarget { get; init; }

    [Description("The palace he sacks after a victory.")]
    public required string RaidTarget { get; init; }

    [Description("Where he winters after the raid.")]
    public required string WinterRegion { get; init; }

    [Description("Below this many men his army is beaten for good and Rome sues for peace.")]
    public required int BrokenBelow { get; init; }

    [Description("The campaigns before the split: objectives in order, each done when its condition holds (empty when the war starts at the split).")]
    public CampaignStep[] Plan { get; init; } = [];

    [Description("Odds that he forces battle on an enemy that would draw off (a feigned retreat, a night attack); 0: never.")]
    public Ratio Surprise { get; init; }

    [Description("Morale of his army at the start, before it is trained (0: its own morale).")]
    public Ratio StartMorale { get; init; }
}

/// <summary>What an objective of the emperor's early campaigns asks, and when it is done.</summary>
public enum StepKind : byte
{
    /// <summary>March to the region; done on arrival.</summary>
    March = 0,

    /// <summary>March to the region and drill there for the step's days.</summary>
    Train = 1,

    /// <summary>Go after an enemy army wherever it is; done when he has fought it, when it is gone, or when winter comes.</summary>
    Seek = 2,

    /// <summary>March to the region; done when it has been sacked, or when winter comes.</summary>
    Sack = 3,

    /// <summary>Go into winter quarters in the region; done when the next campaigning season opens and the emperor is free to leave.</summary>
    Winter = 4,
}

/// <summary>One objective of the emperor's campaigns before the split of 626.</summary>
public sealed record CampaignStep
{
    public required StepKind Kind { get; init; }

    [Description("The region it aims at (march, train, sack, winter).")]
    public string? Region { get; init; }

    [Description("The enemy army it seeks (seek).")]
    public string? Army { get; init; }

    [Description("Days of drill (train).")]
    public int Days { get; init; }
}

/// <summary>The khagan's threat before the siege: the emperor goes home over winter and buys a peace.</summary>
public sealed record AvarDoctrine
{
    [Description("Odds, drawn at the first day of each winter before a peace is made, that the khagan threatens the capital.")]
    public required Ratio ThreatOdds { get; init; }

    [Description("Fewest days from the threat to the peace that frees the emperor.")]
    public required int PeaceDaysMin { get; init; }

    [Description("Most days from the threat to the peace (the days are drawn evenly between the two).")]
    public required int PeaceDaysMax { get; init; }
}

/// <summary>The Persian king's orders.</summary>
public sealed record KhosrowDoctrine
{
    [Description("The army sent against the Roman rear in 626.")]
    public required string ShahinArmy { get; init; }

    [Description("Where Shahin marches.")]
    public required string ShahinTarget { get; init; }

    [Description("Day Shahin marches.")]
    public required int ShahinMarchDay { get; init; }

    [Description("The army at the capital's straits.")]
    public required string ShahrbarazArmy { get; init; }

    [Description("Armies raised when the Romans invade Persian ground.")]
    public required string[] RaiseOnInvasion { get; init; }

    [Description("Whether loyal armies elsewhere are recalled to the threatened region.")]
    public required bool Recall { get; init; }

    [Description("Armies that march against the emperor in a campaigning season before the split while he stands west of the Euphrates (on ground Roman under the Euphrates line).")]
    public string[] Shadow { get; init; } = [];

    [Description("Where the king keeps his court before the war reaches him; he flees when a Roman army comes.")]
    public string? CourtRegion { get; init; }

    [Description("Armies raised or sent against the emperor when the court has been sacked, to trap him; each fights him once, and the raised ones go home after a defeat.")]
    public string[] Trap { get; init; } = [];

    [Description("Where the general of the straits goes when the emperor winters in his own lands after the court was sacked.")]
    public string? StraitsRegion { get; init; }
}

/// <summary>The Western Turks: an alliance, a late arrival, an early departure.</summary>
public sealed record TurkDoctrine
{
    public required string Army { get; init; }

    [Description("Whether an embassy seeks the alliance.")]
    public required bool Alliance { get; init; }

    [Description("Odds that the khagan of the Turks agrees when the emperor meets his envoys.")]
    public required Ratio AllianceOdds { get; init; }

    [Description("Day the Turkish host arrives when allied.")]
    public required int ArriveDay { get; init; }

    [Description("Where it first strikes (and ravages).")]
    public required string RavageRegion { get; init; }

    [Description("Where it joins the emperor.")]
    public required string JoinRegion { get; init; }

    [Description("Days it stays before going home.")]
    public required int ServiceDays { get; init; }

    [Description("Odds per day of the joint siege that the besieged city falls.")]
    public required Ratio SiegeFallOdds { get; init; }

    [Description("Legitimacy the Persian king loses when the Turks ravage his lands.")]
    public required Ratio RavageCost { get; init; }
}

/// <summary>The king's order to kill his general: a letter that travels and can be caught.</summary>
public sealed record CourierDefinition
{
    [Description("Whether the king sends the order at all.")]
    public required bool Send { get; init; }

    [Description("Persian defeats after which the courtiers' slander moves the king to send it.")]
    public required int AfterDefeats { get; init; }

    [Description("Regions the courier crosses, from the king's court to the general.")]
    public required string[] Route { get; init; }

    [Description("Days in each region of the route.")]
    public required int DaysPerRegion { get; init; }

    [Description("Odds per day that the courier is caught in a Roman-held region.")]
    public required Ratio CatchOddsRoman { get; init; }

    [Description("Odds per day that the courier is caught elsewhere.")]
    public required Ratio CatchOddsOther { get; init; }

    [Description("Odds that the general turns when shown the letter, before defeats and standing.")]
    public required Ratio TurnBase { get; init; }

    [Description("Odds added for each Persian defeat.")]
    public required Ratio TurnPerDefeat { get; init; }

    [Description("The general's standing with the king at the start (lower: more ready to turn).")]
    public required Ratio Standing { get; init; }

    [Description("Standing he loses when his siege fails.")]
    public required Ratio StandingLossSiege { get; init; }

    [Description("Odds that a delivered letter is carried out (the general killed); otherwise it leaks and he turns.")]
    public required Ratio PlotSucceeds { get; init; }

    [Description("Couriers the king sends at most.")]
    public required int MaxCouriers { get; init; }
}

/// <summary>The king's legitimacy and his fall.</summary>
public sealed record PoliticsDefinition
{
    [Description("Legitimacy at the start, 0-1.")]
    public required Ratio Legitimacy { get; init; }

    [Description("Lost for each field battle lost.")]
    public required Ratio DefeatCost { get; init; }

    [Description("Added for a decisive defeat.")]
    public required Ratio DecisiveCost { get; init; }

    [Description("Lost when the siege of the enemy capital fails.")]
    public required Ratio SiegeFailCost { get; init; }

    [Description("Lost when his best general turns.")]
    public required Ratio DefectionCost { get; init; }

    [Description("Below this the nobles may depose him.")]
    public required Ratio Threshold { get; init; }

    [Description("Odds per day of a coup, per unit of legitimacy below the threshold.")]
    [Range(0d, 10d)]
    public required Ratio CoupOddsPerPoint { get; init; }

    [Description("Days the new king's envoy takes to reach the emperor.")]
    public required int EnvoyDays { get; init; }

    [Description("Share of each legitimacy loss the king suffers before the split (the frontier wars before his offensive of 626).")]
    public Ratio EarlyCostShare { get; init; } = Ratio.One;
}

/// <summary>How a peace is made from the state of the war.</summary>
public sealed record TreatyDefinition
{
    [Description("Odds that a loyal general obeys the new king's order to evacuate the provinces he governs.")]
    public required Ratio LoyalEvacuates { get; init; }
}

/// <summary>How the campaign's armies become the siege's contingents and flotillas.</summary>
public sealed record SiegeLinkDefinition
{
    [Description("The siege scenario run inside the campaign (shipped id or path beside this file).")]
    public required string Scenario { get; init; }

    [Description("Which armies fill which contingents and flotillas of the siege.")]
    public required SiegeForceLink[] Links { get; init; }

    [Description("Counterfactual: the capital falls whatever the siege gives.")]
    public bool ForceFall { get; init; }
}

public sealed record SiegeForceLink
{
    public required string Army { get; init; }

    [Description("Siege contingents filled from the army's men, in proportion to their strengths in the siege scenario.")]
    public required string[] Contingents { get; init; }

    [Description("Siege flotillas filled from the army's ships, likewise.")]
    public string[] Flotillas { get; init; } = [];
}
