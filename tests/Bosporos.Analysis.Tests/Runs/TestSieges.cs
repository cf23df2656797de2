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

namespace Bosporos.Analysis.Tests.Runs;

/// <summary>A small but complete siege built in code, so runner and command tests need no scenario file.</summary>
internal static class TestSieges
{
    private static Ratio R(int permille) => Ratio.FromPermille(permille);

    private static ZoneDefinition Zone(string id, string name, ZoneKind kind, params string[] neighbours) =>
        new() { Id = id, Name = name, Kind = kind, Latitude = new Degrees(41_020_000), Longitude = new Degrees(28_930_000), Neighbours = neighbours };

    public static SiegeDefinition Small(int horizonDays = 12) => new()
    {
        Id = "test-siege",
        Name = "A test siege",
        Calendar = new CalendarDefinition { StartYear = 626, StartMonth = 7, StartDay = 29, HorizonDays = horizonDays },
        Zones =
        [
            Zone("lycus", "Lycus valley wall", ZoneKind.LandWall, "city", "camp"),
            Zone("blachernae", "Blachernae sea wall", ZoneKind.SeaWall, "city", "horn"),
            Zone("city", "The city", ZoneKind.City, "lycus", "blachernae"),
            Zone("camp", "The khagan's camp", ZoneKind.Camp, "lycus"),
            Zone("horn", "Golden Horn", ZoneKind.Water, "blachernae", "bosporus"),
            Zone("bosporus", "Bosporus", ZoneKind.Water, "horn", "chalcedon"),
            Zone("chalcedon", "Chalcedon", ZoneKind.Shore, "bosporus"),
        ],
        WallSectors =
        [
            new WallSectorDefinition { Zone = "lycus", LengthMetres = 1200, Towers = 20, Moat = true, OuterWall = true, InnerWall = true },
            new WallSectorDefinition { Zone = "blachernae", LengthMetres = 800, Towers = 10, Moat = false, OuterWall = false, InnerWall = true },
        ],
        Contingents =
        [
            Contingent("garrison", "City garrison", Side.Roman, People.Roman, TroopType.HeavyInfantry, ContingentRole.Garrison, 8000, "city"),
            Contingent("reserve", "Guard reserve", Side.Roman, People.Roman, TroopType.Guard, ContingentRole.Reserve, 2000, "city"),
            Contingent("sailors", "Fleet crews", Side.Roman, People.Roman, TroopType.Sailor, ContingentRole.Sailors, 1500, "city"),
            Contingent("avars", "Avar horde", Side.Avar, People.Avar, TroopType.HorseArcher, ContingentRole.Assault, 20000, "camp"),
            Contingent("slavs", "Slav boatmen", Side.Avar, People.Slav, TroopType.LightInfantry, ContingentRole.BoatCrew, 5000, "camp", subject: true),
            Contingent("persians", "Shahrbaraz's army", Side.Persian, People.Persian, TroopType.HeavyInfantry, ContingentRole.Ally, 10000, "chalcedon"),
        ],
        Flotillas =
        [
            new FlotillaDefinition { Id = "guard-ships", Name = "Roman guard ships", Side = Side.Roman, Craft = CraftKind.Galley, Hulls = 40, CrewPerHull = 30, Crew = "sailors", Station = "horn" },
            new FlotillaDefinition { Id = "monoxyla", Name = "Slav monoxyla", Side = Side.Avar, Craft = CraftKind.Monoxylon, Hulls = 300, CrewPerHull = 8, Crew = "slavs", Station = "horn", ArrivalDay = 2 },
        ],
        Engines =
        [
            new EngineParkDefinition { Id = "stone-throwers", Side = Side.Avar, Kind = EngineKind.StoneThrower, Count = 12, Sector = "lycus", BuildHours = 48 },
            new EngineParkDefinition { Id = "towers", Side = Side.Avar, Kind = EngineKind.SiegeTower, Count = 4, Sector = "lycus", BuildHours = 72 },
            new EngineParkDefinition { Id = "city-engines", Side = Side.Roman, Kind = EngineKind.StoneThrower, Count = 6, Sector = "lycus" },
        ],
        Siegecraft = new SiegecraftDefinition { StoneDamagePerEngineHour = new Ratio(5), TortoiseDamagePerHour = new Ratio(10), SappingPerThousandHour = new Ratio(2) },
        Supply = new SupplyDefinition { ForagePoolManDays = 600_000, ForageRatePerDay = R(50), ForagePerForagerPerDay = 3, CityFoodDays = 200, CisternDays = 300, SeaResupplyDaysPerDay = R(1000), SeaLaneZone = "horn" },
        Morale = new MoraleDefinition
        {
            RefuseAttackBelow = R(300),
            DesertBelow = R(250),
            DesertionPerDayAtZero = R(50),
            DailyRecovery = R(10),
            NegotiateBelow = R(150),
            Reinforcement = R(50),
            Procession = R(30),
            AssaultRepulsed = R(40),
            LossPerTenth = R(50),
            HungerPerDay = R(20),
            Executions = R(80),
            BoatsMassacred = R(100),
            PersiansLanded = R(100),
            Thanksgiving = R(100),
        },
        Combat = new CombatDefinition
        {
            Law = AttritionLaw.Mixed,
            DefenderLethality = R(20),
            AttackerLethality = R(8),
            AttackerFrontagePerMetre = R(2000),
            DefenderFrontagePerMetre = R(1500),
            MoatCover = R(200),
            OuterWallCover = R(300),
            InnerWallCover = R(400),
            WallFireBonus = R(500),
            TowerBonus = R(300),
            FatiguePerHour = R(50),
            FatigueRecoveryPerHour = R(50),
            ArmourProtection = R(400),
            CounterAttackReach = R(3000),
            Darkness = R(500),
            WoundedShare = R(600),
            SeizeRatio = R(3000),
            HoldHours = 6,
            BreachBelow = R(300),
            CounterAttackBonus = R(500),
            LodgementLossWhenRetaken = R(500),
        },
        Naval = new NavalDefinition
        {
            ReferenceGalleys = 40,
            InterceptByDay = R(700),
            InterceptByNight = R(400),
            BoatsLostWhenCaught = R(600),
            CrewKilledWhenSunk = R(500),
            TrapAdvantage = R(2000),
            WarshipDamagedPerCatch = R(50),
            ControlMinGalleys = 10,
            PassengersPerBoat = 10,
            LandingRepulsedLoss = R(500),
            BoatsPerGroup = 50,
        },
        Command = new CommandDefinition
        {
            Khagan =
            [
                new IntentionDefinition { Action = PlanAction.Blockade },
                new IntentionDefinition { Action = PlanAction.BuildEngines, When = IntentionCondition.HostAssembled },
                new IntentionDefinition { Action = PlanAction.GeneralAssault, When = IntentionCondition.HostAssembled, DaysAfter = 2, Repeat = true, AbandonAfterFailures = 4, Target = "lycus" },
                new IntentionDefinition { Action = PlanAction.SendEnvoys, When = IntentionCondition.EnginesReady, Route = ["horn", "bosporus", "chalcedon"] },
                new IntentionDefinition { Action = PlanAction.LaunchCanoes, When = IntentionCondition.EnginesReady, DaysAfter = 2, Flotilla = "monoxyla", Target = "blachernae", Route = ["horn", "blachernae"] },
            ],
            Defenders = new DefenderDoctrineDefinition
            {
                ReserveShare = R(200),
                NightRepairPerHour = new Ratio(20),
                CounterBattery = R(50),
                BurnTower = R(100),
                ProcessionBelow = R(650),
                ProcessionMinGapDays = 3,
                ProcessionShare = R(100),
                SortieMen = 200,
                SortieOdds = R(500),
                SortieBurnShare = R(200),
                SortieWhenWallBelow = R(800),
                TrapMassHulls = 5,
                Patrols = [new PatrolDefinition { Flotilla = "guard-ships", Zone = "bosporus", Hulls = 10 }],
                SetTrapIfSignalLearned = true,
                ThreatWeight = R(800),
                SeaWallWeight = R(250),
            },
            SurvivorsExecutedShare = R(500),
            Withdrawal = new WithdrawalDefinition
            {
                MainArmyDay = 1,
                WeightWalls = R(400),
                WeightWater = R(300),
                WeightEngines = R(100),
                WeightForce = R(200),
                NumbersNeeded = R(3000),
                GiveUpBelow = R(450),
                FoodPatience = R(300),
                FoodHorizonDays = 20,
                WillNotFightBelow = R(250),
                UnwillingDays = 3,
                StarvingDays = 3,
                StarvingShare = R(400),
            },
            Allies = new AllyDoctrineDefinition { JoinAssaultWhenAshore = 500 },
        },
        Diplomacy = new DiplomacyDefinition
        {
            EnvoyBoats = 3,
            EnvoyRoute = ["horn", "bosporus", "chalcedon"],
            LearnSignalWhenCaught = R(500),
            LearnSignalOtherwise = R(100),
            SignalZone = "chalcedon",
            PersianContingent = "persians",
            PersianWillingness = R(600),
            PersianWillingnessIfEnvoysCaught = R(200),
            LandingZone = "blachernae",
        },
        Weather = new Bosporos.Kernel.Weather.WeatherDefinition { CalmShare = R(500), GaleShare = R(200), Persistence = R(700), BreezeIntercept = new Ratio(13000) },
    };

    private static ContingentDefinition Contingent(string id, string name, Side side, People people, TroopType troop, ContingentRole role, int strength, string zone, bool subject = false) =>
        new()
        {
            Id = id,
            Name = name,
            Side = side,
            People = people,
            Troop = troop,
            Role = role,
            Strength = strength,
            Training = R(600),
            Armour = R(500),
            Morale = R(700),
            Zone = zone,
            RationDays = 20,
            Subject = subject,
        };
}
