using System.Reflection;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Simulation;

/// <summary>
/// Which piece of a run's state each subsystem hash covers. Each field is changed alone on a fork of a run in the
/// middle of its siege: the hash of its own subsystem must move and no other. Every other field of the run is named
/// below with the reason it is left out, so a new field must be placed on one side or the other.
/// </summary>
public class StateHashTests
{
    private static readonly (Subsystem Subsystem, string[] Fields)[] Hashed =
    [
        (Subsystem.Forces, ["present", "killed", "wounded", "deserted", "captured", "morale", "persianLandedAlive", "landedCrew", "attackerFatigue", "defenderFatigue", "defendersAt"]),
        (Subsystem.Walls, ["engines", "enginesReady", "outerIntegrity", "innerIntegrity", "lodgementHours", "lodgementMen", "engineBuildStartHour"]),
        (Subsystem.Naval, ["hulls", "patrolHulls", "canoesLost", "warshipsDamaged", "wind"]),
        (Subsystem.Supply, ["foragePool", "campStore", "daysStarving", "shortfallTotal", "food", "cityFoodRaw", "cisternRaw"]),
        (Subsystem.Command,
        [
            "outcome", "persiansLanded", "signalLearned", "envoysResolved", "combinedAttackFailed", "hostAssembledDay", "failedAssaultsInRow",
            "unwillingDawns", "prospect", "lastProcessionDay", "reinforceOrdered", "sortieOrderDay", "sortieOrderSector", "sortieOrderMen",
            "trapOrder", "answerOrder", "spareOrder", "boatsOrderedDay", "assaultOrderedDay", "lastCardDay", "lastDawnWalls", "wallsStalled",
            "intentionDoneDay", "intentionFailures", "intentionAbandoned",
        ]),
    ];

    /// <summary>
    /// Left out of the hashes: the definition and its lookups, the dice (their draws show in the state they change),
    /// the hash records themselves, tallies for the summary and the chronicle, and state that follows within the day
    /// from hashed state and the event log (whose length the command hash counts).
    /// </summary>
    private static readonly string[] NotHashed =
    [
        "<Definition>k__BackingField", "<Seed>k__BackingField", "<Now>k__BackingField", "<Events>k__BackingField", "<Index>k__BackingField",
        "combatDice", "moraleDice", "navalDice", "supplyDice", "siegecraftDice", "weatherDice", "diplomacyDice",
        "dailyHashes", "dailySubsystemHashes", "dailyHashCount",
        "arrived", "assaultAttackerLosses", "assaultDefenderLosses", "assaultDayAttackerLosses", "assaultDayDefenderLosses", "canoesLaunched",
        "enginesLost", "towersBurned", "minWallIntegrity", "factors", "endCause", "horizonReached", "lossesToday", "shortToday", "lastHungryDay",
        "activeAssaultSector", "assaultOverrideSector", "assaultSectorToday", "assaultStartHour", "runningAssault", "todaysAssault", "holdAssaultToday",
        "foughtThisHour", "batteredMask", "repairedMask", "allEnginesReady", "engineCountAtStart", "boatsAtStart", "boatsMassacred", "aqueductCut",
        "envoysSent", "signalUsed", "combinedTrap", "landedCrewContingent", "lastAssaultSector", "lastLodgementDay", "lodgementQuality",
        "processionUntilHour", "threatenedSector", "intentionSince", "withdrawOrdered",
    ];

    private static FieldInfo Field(string name) =>
        typeof(Kernel.Simulation).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"no field {name}");

    /// <summary>The value changed a little: one more, the flag flipped, the first element of an array changed.</summary>
    private static object Nudged(object value) => value switch
    {
        int i => i + 1,
        long l => l + 1,
        sbyte b => (sbyte)(b + 1),
        bool b => !b,
        int[] a => a.Select((x, j) => j == 0 ? x + 1 : x).ToArray(),
        long[] a => a.Select((x, j) => j == 0 ? x + 1 : x).ToArray(),
        bool[] a => a.Select((x, j) => j == 0 ? !x : x).ToArray(),
        Enum e => Enum.ToObject(e.GetType(), Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) + 1),
        _ => throw new InvalidOperationException($"cannot nudge a {value.GetType()}"),
    };

    public static TheoryData<string> HashedFields => [.. Hashed.SelectMany(h => h.Fields)];

    [Theory]
    [MemberData(nameof(HashedFields))]
    public void A_change_to_a_hashed_field_moves_its_own_subsystems_hash_and_no_other(string name)
    {
        var sim = Kernel.Simulation.Create(new SiegeBuilder().Build(), 8);
        while (sim.Now.Day < 14)
        {
            Assert.False(sim.IsOver);
            sim.Step();
        }

        var own = Hashed.Single(h => h.Fields.Contains(name)).Subsystem;
        var before = Enum.GetValues<Subsystem>().Select(sim.SubsystemHash).ToArray();
        var fork = sim.Fork();
        var field = Field(name);
        field.SetValue(fork, Nudged(field.GetValue(fork)!));
        var after = Enum.GetValues<Subsystem>().Select(fork.SubsystemHash).ToArray();
        Assert.Equal(Enum.GetValues<Subsystem>().Select(s => s == own), before.Zip(after, (b, a) => b != a));
        Assert.NotEqual(sim.StateHash, fork.StateHash);
        Assert.Equal(before, Enum.GetValues<Subsystem>().Select(sim.SubsystemHash));
    }

    [Fact]
    public void Every_field_of_a_run_is_hashed_or_named_as_left_out()
    {
        var all = typeof(Kernel.Simulation).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Select(f => f.Name).ToHashSet();
        var hashed = Hashed.SelectMany(h => h.Fields).ToArray();
        Assert.Empty(hashed.Intersect(NotHashed));
        Assert.Equal(hashed.Length, hashed.Distinct().Count());
        Assert.Empty(all.Except(hashed).Except(NotHashed).Order());
        Assert.Empty(hashed.Concat(NotHashed).Except(all).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void A_run_started_again_is_in_every_field_the_run_a_fresh_simulation_starts(int galleys)
    {
        // A finished siege (assaults, boats, engines, lodgements, food) leaves every kind of state behind: Reset must
        // clear all of it. Scratch buffers (the daily hash arrays past their count) are not state.
        var d = new SiegeBuilder { Galleys = galleys, Canoes = 600 }.Build();
        var reused = Kernel.Simulation.Create(d, 1);
        for (ulong seed = 2; seed < 6; seed++)
        {
            reused.RunToEnd();
            reused.Reset(seed);
            var fresh = Kernel.Simulation.Create(d, seed);
            foreach (var f in typeof(Kernel.Simulation).GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                if (f.Name is "dailyHashes" or "dailySubsystemHashes" or "<Events>k__BackingField" or "<Index>k__BackingField")
                {
                    continue;
                }

                var (a, b) = (f.GetValue(reused), f.GetValue(fresh));
                if (a is Array x && b is Array y)
                {
                    Assert.True(x.Cast<object>().SequenceEqual(y.Cast<object>()), $"{f.Name} after a reset");
                }
                else
                {
                    Assert.True(Equals(a, b), $"{f.Name} after a reset: {a} against {b}");
                }
            }

            Assert.Equal(0, reused.Events.Count);
            Assert.Equal(fresh.StateHash, reused.StateHash);
        }
    }

    [Fact]
    public void A_fork_owns_a_copy_of_every_array_of_state_and_shares_only_the_definition()
    {
        var sim = Kernel.Simulation.Create(new SiegeBuilder().Build(), 3);
        while (sim.Now.Day < 15)
        {
            Assert.False(sim.IsOver);
            sim.Step();
        }

        var fork = sim.Fork();
        foreach (var f in typeof(Kernel.Simulation).GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
        {
            var (a, b) = (f.GetValue(sim), f.GetValue(fork));
            if (a is Array x && b is Array y)
            {
                Assert.False(ReferenceEquals(x, y), $"{f.Name} is shared with the fork");
                Assert.True(x.Cast<object>().SequenceEqual(y.Cast<object>()), $"{f.Name} differs in the fork");
            }
        }

        Assert.NotSame(sim.Events, fork.Events);
        Assert.Same(sim.Definition, fork.Definition);
    }

    [Fact]
    public void A_variant_has_the_same_shape_only_if_every_list_and_the_horizon_match()
    {
        var d = new SiegeBuilder().Build();
        Assert.True(Kernel.Simulation.SameShape(d, d with { Combat = d.Combat with { HoldHours = 5 } }));
        SiegeDefinition[] others =
        [
            d with { Contingents = d.Contingents[1..] },
            d with { Flotillas = d.Flotillas[1..] },
            d with { Engines = d.Engines[1..] },
            d with { WallSectors = d.WallSectors[1..] },
            d with { Zones = d.Zones[1..] },
            d with { Command = d.Command with { Khagan = d.Command.Khagan[1..] } },
            d with { Calendar = d.Calendar with { HorizonDays = d.Calendar.HorizonDays + 1 } },
        ];
        Assert.All(others, o => Assert.False(Kernel.Simulation.SameShape(d, o)));
        Assert.All(others, o => Assert.False(Kernel.Simulation.SameShape(o, d)));
    }
}
