using Bosporos.Kernel;
using Bosporos.Kernel.Combat;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Diplomacy;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Fortifications;
using Bosporos.Kernel.Geography;
using Bosporos.Kernel.Morale;
using Bosporos.Kernel.Naval;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Siegecraft;
using Bosporos.Kernel.Supply;
using Bosporos.Kernel.Weather;

namespace Bosporos.Testing;

/// <summary>
/// A compact siege in the shape of 626 (two land sectors, Blachernae, a sea wall, the Horn and the Bosporus),
/// built in code so kernel tests need no scenario files. Knobs scale the forces for property tests.
/// </summary>
public sealed record SiegeBuilder
{
    public int Garrison { get; init; } = 12_000;

    public int Host { get; init; } = 40_000;

    public int Persians { get; init; } = 10_000;

    public int Galleys { get; init; } = 30;

    public int Canoes { get; init; } = 200;

    public int RationDays { get; init; } = 12;

    public bool BlachernaeWalled { get; init; }

    public int HorizonDays { get; init; } = 60;

    public AttritionLaw Law { get; init; } = AttritionLaw.Mixed;

    /// <summary>Armed citizens added to the wall garrison (poor troops).</summary>
    public int Militia { get; init; }

    /// <summary>Training of the garrison's best troops.</summary>
    public decimal GarrisonTraining { get; init; } = 0.8m;

    /// <summary>Long-run share of calm days.</summary>
    public decimal CalmShare { get; init; } = 0.5m;

    /// <summary>Long-run share of days with a gale that keeps boats ashore.</summary>
    public decimal GaleShare { get; init; } = 0.2m;

    public int SortieMen { get; init; } = 400;

    public int TrapMassHulls { get; init; } = 5;

    public decimal LearnSignalOtherwise { get; init; } = 0.25m;

    /// <summary>Integrity at the start of the southern sector's walls (not in the khagan's written plan).</summary>
    public decimal SouthIntegrity { get; init; } = 1m;

    public static Ratio R(decimal value) => new((int)(value * Ratio.Scale));

    private static Degrees D(decimal value) => new((int)(value * Degrees.Scale));

    private static ZoneDefinition Zone(string id, ZoneKind kind, decimal lat, decimal lon) =>
        new() { Id = id, Name = id, Kind = kind, Latitude = D(lat), Longitude = D(lon) };

    private static ContingentDefinition Contingent(string id, Side side, ContingentRole role, int strength, decimal training, decimal armour, string zone, int arrival = 0, int rations = 0, bool subject = false) =>
        new()
        {
            Id = id,
            Name = id,
            Side = side,
            People = side == Side.Roman ? People.Roman : side == Side.Persian ? People.Persian : People.Slav,
            Troop = TroopType.LightInfantry,
            Role = role,
            Strength = strength,
            Training = R(training),
            Armour = R(armour),
            Morale = R(0.7m),
            ArrivalDay = arrival,
            Zone = zone,
            RationDays = rations,
            Subject = subject,
        };

    public SiegeDefinition Build() => new()
    {
        Id = "test-siege",
        Name = "Test siege",
        Calendar = new CalendarDefinition { StartYear = 626, StartMonth = 7, StartDay = 20, HorizonDays = HorizonDays },
        Zones =
        [
            Zone("south", ZoneKind.LandWall, 41.00m, 28.92m),
            Zone("middle", ZoneKind.LandWall, 41.02m, 28.93m),
            Zone("blachernae", ZoneKind.LandWall, 41.04m, 28.94m),
            Zone("horn-wall", ZoneKind.SeaWall, 41.03m, 28.96m),
            Zone("city", ZoneKind.City, 41.01m, 28.98m),
            Zone("camp", ZoneKind.Camp, 41.02m, 28.90m),
            Zone("barbyses", ZoneKind.Shore, 41.05m, 28.93m),
            Zone("pteron", ZoneKind.Shore, 41.045m, 28.94m),
            Zone("horn", ZoneKind.Water, 41.04m, 28.95m),
            Zone("strait", ZoneKind.Water, 41.03m, 29.00m),
            Zone("chelae", ZoneKind.Shore, 41.07m, 29.04m),
            Zone("chalcedon", ZoneKind.Camp, 40.99m, 29.02m),
        ],
        WallSectors =
        [
            new() { Zone = "south", LengthMetres = 2000, Towers = 60, Moat = true, OuterWall = true, InnerWall = true, Integrity = R(SouthIntegrity) },
            new() { Zone = "middle", LengthMetres = 1700, Towers = 58, Moat = true, OuterWall = true, InnerWall = true, AttackerTerrainBonus = R(0.15m) },
            new() { Zone = "blachernae", LengthMetres = 1000, Towers = 6, Moat = false, OuterWall = true, InnerWall = BlachernaeWalled },
            new() { Zone = "horn-wall", LengthMetres = 5000, Towers = 100, Moat = false, OuterWall = true, InnerWall = false },
        ],
        Contingents =
        [
            Contingent("garrison", Side.Roman, ContingentRole.Garrison, Garrison, GarrisonTraining, 0.7m, "city"),
            Contingent("guards", Side.Roman, ContingentRole.Reserve, Garrison / 8, 0.4m, 0.6m, "city"),
            Contingent("militia", Side.Roman, ContingentRole.Garrison, Militia, 0.15m, 0.05m, "city"),
            Contingent("vanguard", Side.Avar, ContingentRole.Camp, Host / 4, 0.7m, 0.4m, "camp", 0, RationDays),
            Contingent("slavs", Side.Avar, ContingentRole.Assault, Host / 2, 0.25m, 0.05m, "camp", 10, RationDays, subject: true),
            Contingent("armoured", Side.Avar, ContingentRole.Assault, Host / 8, 0.6m, 0.7m, "camp", 10, RationDays),
            Contingent("crews", Side.Avar, ContingentRole.BoatCrew, Host / 8, 0.3m, 0.1m, "barbyses", 10, RationDays, subject: true),
            Contingent("persians", Side.Persian, ContingentRole.Ally, Persians, 0.8m, 0.7m, "chalcedon"),
        ],
        Flotillas =
        [
            new() { Id = "galleys", Name = "galleys", Side = Side.Roman, Craft = CraftKind.Galley, Hulls = Galleys, CrewPerHull = 150, Station = "horn" },
            new() { Id = "canoes", Name = "canoes", Side = Side.Avar, Craft = CraftKind.Monoxylon, Hulls = Canoes, CrewPerHull = 10, Crew = "crews", Station = "barbyses", ArrivalDay = 10 },
            new() { Id = "ferries", Name = "ferries", Side = Side.Avar, Craft = CraftKind.Monoxylon, Hulls = Canoes / 2, CrewPerHull = 2, Crew = "crews", Station = "chelae", ArrivalDay = 10 },
        ],
        Engines =
        [
            new() { Id = "throwers", Name = "the throwers", Side = Side.Avar, Kind = EngineKind.StoneThrower, Count = 40, Sector = "middle", BuildHours = 48 },
            new() { Id = "towers", Side = Side.Avar, Kind = EngineKind.SiegeTower, Count = 10, Sector = "middle", BuildHours = 48 },
            new() { Id = "tortoises", Side = Side.Avar, Kind = EngineKind.Tortoise, Count = 6, Sector = "middle", BuildHours = 36 },
            new() { Id = "roman-engines", Side = Side.Roman, Kind = EngineKind.StoneThrower, Count = 20, Sector = "middle" },
        ],
        Siegecraft = new() { StoneDamagePerEngineHour = R(0.00012m), TortoiseDamagePerHour = R(0.001m), SappingPerThousandHour = R(0.004m) },
        Supply = new() { ForagePoolManDays = 600_000, ForageRatePerDay = R(0.04m), ForagePerForagerPerDay = 3, CityFoodDays = 90, CisternDays = 180, SeaResupplyDaysPerDay = R(1.2m), SeaLaneZone = "strait" },
        Morale = new()
        {
            RefuseAttackBelow = R(0.3m),
            DesertBelow = R(0.35m),
            DesertionPerDayAtZero = R(0.15m),
            DailyRecovery = R(0.1m),
            NegotiateBelow = R(0.2m),
            Reinforcement = R(0.1m),
            Procession = R(0.05m),
            AssaultRepulsed = R(0.03m),
            LossPerTenth = R(0.08m),
            HungerPerDay = R(0.12m),
            Executions = R(0.15m),
            BoatsMassacred = R(0.25m),
            PersiansLanded = R(0.1m),
            Thanksgiving = R(0.2m),
        },
        Combat = new()
        {
            Law = Law,
            DefenderLethality = R(0.016m),
            AttackerLethality = R(0.02m),
            AttackerFrontagePerMetre = R(4m),
            DefenderFrontagePerMetre = R(2m),
            MoatCover = R(0.8m),
            OuterWallCover = R(0.45m),
            InnerWallCover = R(0.6m),
            WallFireBonus = R(0.3m),
            TowerBonus = R(0.03m),
            FatiguePerHour = R(0.05m),
            FatigueRecoveryPerHour = R(0.05m),
            ArmourProtection = R(0.4m),
            CounterAttackReach = R(3m),
            Darkness = R(0.5m),
            WoundedShare = R(0.6m),
            SeizeRatio = R(1m),
            HoldHours = 2,
            BreachBelow = R(0.3m),
            CounterAttackBonus = R(1.8m),
            LodgementLossWhenRetaken = R(0.5m),
        },
        Naval = new()
        {
            ReferenceGalleys = 8,
            InterceptByDay = R(0.85m),
            InterceptByNight = R(0.75m),
            BoatsLostWhenCaught = R(0.85m),
            CrewKilledWhenSunk = R(0.9m),
            TrapAdvantage = R(2m),
            WarshipDamagedPerCatch = R(0.05m),
            ControlMinGalleys = 5,
            PassengersPerBoat = 10,
            BoatsPerGroup = 25,
            LandingRepulsedLoss = R(0.5m),
        },
        Command = new()
        {
            SurvivorsExecutedShare = R(0.5m),
            Khagan =
            [
                new() { Action = PlanAction.CutAqueduct, When = IntentionCondition.Always, StartHour = 10 },
                new() { Action = PlanAction.BuildEngines, When = IntentionCondition.HostAssembled, StartHour = 6 },
                new() { Action = PlanAction.GeneralAssault, When = IntentionCondition.HostAssembled, DaysAfter = 1, Repeat = true, AbandonAfterFailures = 8, StartHour = 5, EndHour = 17, Target = "middle" },
                new() { Action = PlanAction.SendEnvoys, When = IntentionCondition.EnginesReady, StartHour = 22 },
                new() { Action = PlanAction.FerryPersians, When = IntentionCondition.SignalAgreed, DaysAfter = 1, Repeat = true, AbandonAfterFailures = 1, StartHour = 21, EndHour = 4, Flotilla = "ferries", Route = ["strait"] },
                new() { Action = PlanAction.CombinedAttack, When = IntentionCondition.SignalAgreed, AfterFailedAssaults = 5, Repeat = true, AbandonAfterFailures = 1, StartHour = 6, EndHour = 17, Target = "blachernae", Flotilla = "canoes", Route = ["horn"] },
            ],
            Defenders = new()
            {
                ReserveShare = R(0.2m),
                ThreatWeight = R(2m),
                SeaWallWeight = R(0.25m),
                NightRepairPerHour = R(0.015m),
                CounterBattery = R(0.004m),
                BurnTower = R(0.012m),
                ProcessionBelow = R(0.62m),
                ProcessionMinGapDays = 3,
                ProcessionShare = R(0.1m),
                SortieMen = SortieMen,
                SortieOdds = R(0.5m),
                SortieBurnShare = R(0.2m),
                SortieWhenWallBelow = R(0.8m),
                TrapMassHulls = TrapMassHulls,
                Patrols = Galleys == 0 ? [] :
                [
                    new() { Flotilla = "galleys", Zone = "horn", Hulls = Galleys / 2 },
                    new() { Flotilla = "galleys", Zone = "strait", Hulls = Galleys - (Galleys / 2) },
                ],
                SetTrapIfSignalLearned = true,
            },
            Withdrawal = new()
            {
                MainArmyDay = 10,
                WeightWalls = R(0.4m),
                WeightWater = R(0.3m),
                WeightEngines = R(0.1m),
                WeightForce = R(0.2m),
                NumbersNeeded = R(3m),
                GiveUpBelow = R(0.45m),
                FoodPatience = R(0.3m),
                FoodHorizonDays = 20,
                WillNotFightBelow = R(0.25m),
                UnwillingDays = 3,
                StarvingDays = 3,
                StarvingShare = R(0.4m),
            },
            Allies = new() { JoinAssaultWhenAshore = 500 },
        },
        Diplomacy = new()
        {
            EnvoyBoats = 2,
            EnvoyRoute = ["strait"],
            LearnSignalWhenCaught = R(0.5m),
            LearnSignalOtherwise = R(LearnSignalOtherwise),
            SignalZone = "pteron",
            PersianContingent = "persians",
            PersianWillingness = R(0.4m),
            PersianWillingnessIfEnvoysCaught = R(0.05m),
            LandingZone = "chelae",
        },
        Weather = new() { CalmShare = R(CalmShare), GaleShare = R(GaleShare), Persistence = R(0.7m), BreezeIntercept = R(1.3m) },
    };
}
