using System.Globalization;
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
using Bosporos.Scenarios;
using Bosporos.Scenarios.Documents;
using Bosporos.Scenarios.Validation;
using Bosporos.Web.Scenarios;

namespace Bosporos.Web.Tests;

/// <summary>
/// A small siege built in code (so the web tests do not depend on the shipped scenario file), served under the id
/// "test-siege". Overrides of the cited numbers are applied with their ranges checked, as the loader does; any other
/// path gives an error diagnostic.
/// </summary>
internal sealed class TestScenarios : IScenarioSource
{
    public const string Id = "test-siege";

    public static readonly (string Path, decimal Value, decimal Low, decimal High, string Source)[] Cited =
    [
        ("contingents.garrison.strength", 12000, 10000, 15000, "Hurbanič 2019 p. 163"),
        ("contingents.host.strength", 30000, 20000, 80000, "Chronicon Paschale"),
        ("flotillas.galleys.hulls", 40, 0, 100, "guess for tests"),
        ("combat.defender-lethality", 0.04m, 0.01m, 0.1m, "model calibration"),
    ];

    public IReadOnlyList<ScenarioSummaryDto> List() => [new(Id, "A test siege")];

    public LoadResult? Load(string id, IReadOnlyList<ScenarioOverride> overrides)
    {
        if (id != Id)
        {
            return null;
        }

        var values = Cited.ToDictionary(c => c.Path, c => c.Value, StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var o in overrides)
        {
            var cited = Cited.FirstOrDefault(c => c.Path == o.Path);
            if (cited.Path is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2001", "--set", 0, 0, o.Path, $"No number at path '{o.Path}'.", "Paths look like contingents.garrison.strength."));
            }
            else if (!decimal.TryParse(o.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2002", "--set", 0, 0, o.Path, $"'{o.Value}' is not a number."));
            }
            else if (v < 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "BOS2003", "--set", 0, 0, o.Path, $"{v} is negative."));
            }
            else
            {
                values[o.Path] = v;
            }
        }

        var document = new ScenarioDocument(Id, "A test siege", "test-siege.yaml", 1,
            Cited.Select((c, i) => new CitedNumber(c.Path, values[c.Path], c.Source, Reliability.Standard, c.Low, c.High, null, i + 5, 7)).ToArray());
        return diagnostics.Count > 0
            ? new LoadResult(null, null, diagnostics, "0")
            : new LoadResult(Definition(values), document, [], "0123456789abcdef");
    }

    private static Ratio R(decimal d) => new((int)(d * Ratio.Scale));

    private static Degrees D(decimal d) => new((int)(d * Degrees.Scale));

    public static SiegeDefinition Definition(IReadOnlyDictionary<string, decimal>? values = null)
    {
        decimal V(string path, decimal fallback) => values is not null && values.TryGetValue(path, out var v) ? v : fallback;
        return new SiegeDefinition
        {
            Id = Id,
            Name = "A test siege",
            Calendar = new CalendarDefinition { StartYear = 626, StartMonth = 6, StartDay = 29, HorizonDays = 60 },
            Zones =
            [
                new ZoneDefinition { Id = "city", Name = "The city", Kind = ZoneKind.City, Latitude = D(41.012m), Longitude = D(28.955m), Neighbours = ["mesoteichion", "golden-horn-wall"] },
                new ZoneDefinition { Id = "mesoteichion", Name = "Mesoteichion", Kind = ZoneKind.LandWall, Latitude = D(41.023m), Longitude = D(28.928m), Neighbours = ["city", "avar-camp"] },
                new ZoneDefinition { Id = "golden-horn-wall", Name = "Golden Horn wall", Kind = ZoneKind.SeaWall, Latitude = D(41.03m), Longitude = D(28.955m), Neighbours = ["city", "golden-horn"] },
                new ZoneDefinition { Id = "golden-horn", Name = "Golden Horn", Kind = ZoneKind.Water, Latitude = D(41.035m), Longitude = D(28.96m), Neighbours = ["golden-horn-wall"] },
                new ZoneDefinition { Id = "avar-camp", Name = "Avar camp", Kind = ZoneKind.Camp, Latitude = D(41.03m), Longitude = D(28.91m), Neighbours = ["mesoteichion"] },
                new ZoneDefinition { Id = "chalcedon", Name = "Chalcedon", Kind = ZoneKind.Camp, Latitude = D(40.99m), Longitude = D(29.025m) },
                new ZoneDefinition { Id = "bosporus", Name = "Bosporus", Kind = ZoneKind.Water, Latitude = D(41.01m), Longitude = D(29.0m) },
            ],
            WallSectors =
            [
                new WallSectorDefinition { Zone = "mesoteichion", LengthMetres = 1700, Towers = 28, Moat = true, OuterWall = true, InnerWall = true, AttackerTerrainBonus = R(0.1m) },
                new WallSectorDefinition { Zone = "golden-horn-wall", LengthMetres = 5600, Towers = 110, Moat = false, OuterWall = true, InnerWall = false },
            ],
            Contingents =
            [
                new ContingentDefinition { Id = "garrison", Name = "Garrison", Side = Side.Roman, People = People.Roman, Troop = TroopType.DismountedCavalry, Role = ContingentRole.Garrison, Strength = (int)V("contingents.garrison.strength", 12000), Training = R(0.8m), Armour = R(0.7m), Morale = R(0.7m), Zone = "mesoteichion" },
                new ContingentDefinition { Id = "reserve", Name = "Reserve", Side = Side.Roman, People = People.Citizen, Troop = TroopType.Militia, Role = ContingentRole.Reserve, Strength = 3000, Training = R(0.3m), Armour = R(0.2m), Morale = R(0.6m), Zone = "city" },
                new ContingentDefinition { Id = "host", Name = "Avar host", Side = Side.Avar, People = People.Avar, Troop = TroopType.HorseArcher, Role = ContingentRole.Assault, Strength = (int)V("contingents.host.strength", 30000), Training = R(0.7m), Armour = R(0.5m), Morale = R(0.8m), ArrivalDay = 2, Zone = "avar-camp", RationDays = 20 },
                new ContingentDefinition { Id = "slavs", Name = "Slav boatmen", Side = Side.Avar, People = People.Slav, Troop = TroopType.LightInfantry, Role = ContingentRole.BoatCrew, Strength = 5000, Training = R(0.4m), Armour = R(0.1m), Morale = R(0.6m), ArrivalDay = 2, Zone = "avar-camp", RationDays = 20, Subject = true },
                new ContingentDefinition { Id = "persians", Name = "Persian army", Side = Side.Persian, People = People.Persian, Troop = TroopType.HeavyInfantry, Role = ContingentRole.Ally, Strength = 20000, Training = R(0.8m), Armour = R(0.6m), Morale = R(0.7m), Zone = "chalcedon" },
            ],
            Flotillas =
            [
                new FlotillaDefinition { Id = "galleys", Name = "Roman galleys", Side = Side.Roman, Craft = CraftKind.Galley, Hulls = (int)V("flotillas.galleys.hulls", 40), CrewPerHull = 100, Crew = "garrison", Station = "golden-horn" },
                new FlotillaDefinition { Id = "canoes", Name = "Monoxyla", Side = Side.Avar, Craft = CraftKind.Monoxylon, Hulls = 300, CrewPerHull = 10, Crew = "slavs", Station = "golden-horn", ArrivalDay = 5 },
            ],
            Engines =
            [
                new EngineParkDefinition { Id = "stone-throwers", Side = Side.Avar, Kind = EngineKind.StoneThrower, Count = 12, Sector = "mesoteichion", BuildHours = 96 },
                new EngineParkDefinition { Id = "towers", Side = Side.Avar, Kind = EngineKind.SiegeTower, Count = 12, Sector = "mesoteichion", BuildHours = 96 },
            ],
            Siegecraft = new SiegecraftDefinition { StoneDamagePerEngineHour = R(0.0005m), TortoiseDamagePerHour = R(0.0002m), SappingPerThousandHour = R(0.0001m) },
            Supply = new SupplyDefinition { ForagePoolManDays = 1_000_000, ForageRatePerDay = R(0.05m), CityFoodDays = 200, CisternDays = 120, SeaResupplyDaysPerDay = R(1m), SeaLaneZone = "bosporus" },
            Morale = new MoraleDefinition
            {
                RefuseAttackBelow = R(0.3m),
                DesertBelow = R(0.2m),
                DesertionPerDayAtZero = R(0.05m),
                DailyRecovery = R(0.01m),
                NegotiateBelow = R(0.1m),
                Reinforcement = R(0.05m),
                Procession = R(0.05m),
                AssaultRepulsed = R(0.03m),
                LossPerTenth = R(0.05m),
                HungerPerDay = R(0.01m),
                Executions = R(0.1m),
                BoatsMassacred = R(0.1m),
                PersiansLanded = R(0.1m),
            },
            Combat = new CombatDefinition
            {
                Law = AttritionLaw.Mixed,
                DefenderLethality = R(V("combat.defender-lethality", 0.04m)),
                AttackerLethality = R(0.02m),
                AttackerFrontagePerMetre = R(2m),
                DefenderFrontagePerMetre = R(1m),
                MoatCover = R(0.2m),
                OuterWallCover = R(0.3m),
                InnerWallCover = R(0.5m),
                WallFireBonus = R(0.2m),
                TowerBonus = R(0.3m),
                Darkness = R(0.5m),
                WoundedShare = R(0.5m),
                SeizeRatio = R(3m),
                HoldHours = 3,
                BreachBelow = R(0.3m),
            },
            Naval = new NavalDefinition
            {
                ReferenceGalleys = 40,
                InterceptByDay = R(0.8m),
                InterceptByNight = R(0.5m),
                BoatsLostWhenCaught = R(0.7m),
                CrewKilledWhenSunk = R(0.6m),
                TrapIntercept = R(0.95m),
                ControlMinGalleys = 10,
                PassengersPerBoat = 10,
                LandingRepulsedLoss = R(0.3m),
            },
            Command = new CommandDefinition
            {
                Khagan =
                [
                    new PlanStepDefinition { Action = PlanAction.Blockade, FromDay = 2, ToDay = 5 },
                    new PlanStepDefinition { Action = PlanAction.BuildEngines, FromDay = 3 },
                    new PlanStepDefinition { Action = PlanAction.GeneralAssault, FromDay = 8, ToDay = 10, Target = "mesoteichion" },
                    new PlanStepDefinition { Action = PlanAction.LaunchCanoes, FromDay = 12, Flotilla = "canoes", Route = ["golden-horn"] },
                ],
                Defenders = new DefenderDoctrineDefinition
                {
                    ReserveShare = R(0.2m),
                    NightRepairPerHour = R(0.01m),
                    CounterBattery = R(0.02m),
                    BurnTower = R(0.05m),
                    ProcessionEveryDays = 7,
                    Patrols = [new PatrolDefinition { Flotilla = "galleys", Zone = "golden-horn", Hulls = 20 }],
                    SetTrapIfSignalLearned = true,
                },
                Withdrawal = new WithdrawalDefinition { CohesionBelow = R(0.3m), SupplyDaysBelow = 3, AfterPlanSpentDays = 2, MainArmyDay = 2 },
            },
            Diplomacy = new DiplomacyDefinition
            {
                EnvoyBoats = 3,
                EnvoyRoute = ["bosporus"],
                LearnSignalWhenCaught = R(0.5m),
                LearnSignalOtherwise = R(0.05m),
                SignalZone = "golden-horn-wall",
                PersianContingent = "persians",
                PersianWillingness = R(0.5m),
                PersianWillingnessIfEnvoysCaught = R(0.1m),
                LandingZone = "golden-horn-wall",
            },
        };
    }
}
