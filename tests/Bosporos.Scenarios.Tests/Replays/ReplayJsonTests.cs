using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Replays;
using Bosporos.Scenarios.Validation;

namespace Bosporos.Scenarios.Tests.Replays;

public class ReplayJsonTests
{
    private static readonly ReplayFile Sample = new(
        "constantinople-626",
        "sha256:0123abcd",
        ulong.MaxValue,
        [new ScenarioOverride("combat.defender-lethality", "0.02")],
        [new Order(new SimTime(130), Side.Avar, OrderKind.HoldAssault, -1, 0), new Order(new SimTime(150), Side.Roman, OrderKind.Patrol, 1, 5)],
        [1UL, 0xFFFF_FFFF_FFFF_FFFFUL, 0x0123_4567_89AB_CDEFUL],
        0xFEDC_BA98_7654_3210UL)
    {
        SubsystemHashes = Enumerable.Range(0, 3 * Simulation.SubsystemCount).Select(i => (ulong)(i * 1000) + 7).ToArray(),
    };

    private static void AssertSame(ReplayFile expected, ReplayFile? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Scenario, actual.Scenario);
        Assert.Equal(expected.ScenarioHash, actual.ScenarioHash);
        Assert.Equal(expected.Seed, actual.Seed);
        Assert.Equal(expected.Overrides, actual.Overrides);
        Assert.Equal(expected.Orders, actual.Orders);
        Assert.Equal(expected.DailyHashes, actual.DailyHashes);
        Assert.Equal(expected.FinalHash, actual.FinalHash);
        Assert.Equal(expected.SubsystemHashes, actual.SubsystemHashes);
    }

    [Fact]
    public void Write_then_read_gives_the_same_replay()
    {
        var result = ReplayJson.Read(ReplayJson.Write(Sample), "r.json");
        Assert.Empty(result.Diagnostics);
        AssertSame(Sample, result.Replay);
    }

    [Fact]
    public void Written_text_is_stable_and_names_format_1()
    {
        var text = ReplayJson.Write(Sample);
        Assert.Equal(text, ReplayJson.Write(Sample));
        Assert.Contains("\"format\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"hold-assault\"", text, StringComparison.Ordinal);
        Assert.Contains("\"ffffffffffffffff\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void File_write_is_atomic_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("bosporos-replay-");
        try
        {
            var path = Path.Combine(dir.FullName, "run.replay.json");
            File.WriteAllText(path, "old");
            ReplayJson.WriteFile(path, Sample);
            AssertSame(Sample, ReplayJson.Read(File.ReadAllText(path), path).Replay);
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Malformed_json_gives_a_located_diagnostic()
    {
        var result = ReplayJson.Read("{\n  \"format\": 1,\n  oops\n}", "bad.json");
        Assert.Null(result.Replay);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(ReplayJson.MalformedCode, d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(3, d.Line);
        Assert.Equal("bad.json", d.File);
    }

    [Theory]
    [InlineData("{\"format\": 2}")]
    [InlineData("{\"format\": \"1\"}")]
    [InlineData("{}")]
    public void Other_format_versions_are_refused(string text)
    {
        var d = Assert.Single(ReplayJson.Read(text, "r.json").Diagnostics);
        Assert.Equal(ReplayJson.FormatCode, d.Code);
    }

    [Fact]
    public void A_json_array_is_not_a_replay() =>
        Assert.Equal(ReplayJson.FieldCode, Assert.Single(ReplayJson.Read("[1,2]", "r.json").Diagnostics).Code);

    [Theory]
    [InlineData("\"finalHash\": \"fedcba9876543210\"", "\"finalHash\": \"xyz\"", "finalHash")]
    [InlineData("\"0000000000000001\"", "\"01\"", "dailyHashes.0")]
    [InlineData("\"hour\": 130", "\"hour\": -1", "orders.0")]
    [InlineData("\"kind\": \"hold-assault\"", "\"kind\": \"retreat\"", "orders.0")]
    [InlineData("\"seed\": \"18446744073709551615\"", "\"seed\": \"-3\"", "seed")]
    [InlineData("\"scenario\": \"constantinople-626\"", "\"scenario\": 5", "scenario")]
    [InlineData("\"overrides\": [", "\"overrides\": 3, \"x\": [", "overrides")]
    public void Each_bad_field_is_named(string good, string bad, string path)
    {
        var text = ReplayJson.Write(Sample);
        Assert.Contains(good, text, StringComparison.Ordinal);
        var result = ReplayJson.Read(text.Replace(good, bad, StringComparison.Ordinal), "r.json");
        Assert.Null(result.Replay);
        Assert.Contains(result.Diagnostics, d => d.Path == path && d.Code == ReplayJson.FieldCode);
    }

    [Fact]
    public void Compare_finds_the_first_differing_day()
    {
        Assert.True(ReplayPlayer.Compare(Sample, Sample.DailyHashes.ToArray(), Sample.FinalHash).Identical);
        var changed = Sample.DailyHashes.ToArray();
        changed[1] ^= 1;
        changed[2] ^= 1;
        var check = ReplayPlayer.Compare(Sample, changed, Sample.FinalHash);
        Assert.Equal(1, check.FirstDifferentDay);
        Assert.Equal(Sample.DailyHashes[1], check.Expected);
        Assert.Equal(changed[1], check.Actual);
    }

    [Fact]
    public void Compare_reports_a_shorter_rerun_and_a_different_final_hash()
    {
        var check = ReplayPlayer.Compare(Sample, Sample.DailyHashes.Take(2).ToArray(), 0);
        Assert.Equal(2, check.FirstDifferentDay);
        Assert.Null(check.Actual);
        Assert.False(check.FinalHashMatches);
        Assert.False(ReplayPlayer.Compare(Sample, Sample.DailyHashes.ToArray(), 0).Identical);
    }

    [Theory]
    [InlineData("DismountedCavalry", "dismounted-cavalry")]
    [InlineData("Roman", "roman")]
    [InlineData("HoldAssault", "hold-assault")]
    public void Kebab_case_matches_scenario_spelling(string name, string kebab) => Assert.Equal(kebab, Naming.Kebab(name));

    [Fact]
    public void Subsystem_hashes_are_optional_but_must_cover_every_day()
    {
        var without = ReplayJson.Read(ReplayJson.Write(Sample with { SubsystemHashes = [] }), "r.json");
        Assert.Empty(without.Diagnostics);
        Assert.Empty(without.Replay!.SubsystemHashes);
        var text = ReplayJson.Write(Sample);
        Assert.Contains("\"walls\": [", text, StringComparison.Ordinal);
        var shortened = text.Replace("\"walls\": [", "\"walls\": [\"0000000000000000\",", StringComparison.Ordinal);
        Assert.Contains(ReplayJson.Read(shortened, "r.json").Diagnostics, d => d.Path == "subsystemHashes.walls");
        var notHex = text.Replace("\"walls\": [\n      \"", "\"walls\": [\n      \"zz", StringComparison.Ordinal);
        Assert.Contains(ReplayJson.Read(notHex, "r.json").Diagnostics, d => d.Path.StartsWith("subsystemHashes.walls", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_names_the_differing_subsystems_on_the_first_differing_day()
    {
        var daily = Sample.DailyHashes.ToArray();
        daily[1] ^= 1;
        var subsystems = Sample.SubsystemHashes.ToArray();
        subsystems[(1 * Simulation.SubsystemCount) + (int)Subsystem.Naval] ^= 1;
        subsystems[(1 * Simulation.SubsystemCount) + (int)Subsystem.Supply] ^= 1;
        var check = ReplayPlayer.Compare(Sample, daily, Sample.FinalHash, subsystems);
        Assert.True(check.SubsystemsCompared);
        Assert.Equal([Subsystem.Naval, Subsystem.Supply], check.DifferingSubsystems);
        var unrecorded = ReplayPlayer.Compare(Sample with { SubsystemHashes = [] }, daily, Sample.FinalHash, subsystems);
        Assert.False(unrecorded.SubsystemsCompared);
        Assert.Empty(unrecorded.DifferingSubsystems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void An_edited_subsystem_hash_alone_is_found_on_its_day(int day)
    {
        var subsystems = Sample.SubsystemHashes.ToArray();
        var edited = Sample with { SubsystemHashes = subsystems.Select((h, i) => i == (day * Simulation.SubsystemCount) + (int)Subsystem.Walls ? h ^ 1 : h).ToArray() };
        var check = ReplayPlayer.Compare(edited, Sample.DailyHashes.ToArray(), Sample.FinalHash, subsystems);
        Assert.False(check.Identical);
        Assert.Equal(day, check.FirstDifferentDay);
        Assert.True(check.OnlySubsystemHashesDiffer);
        Assert.Equal([Subsystem.Walls], check.DifferingSubsystems);
        Assert.Equal(day == 0 ? "none: day 0 already differs" : "days 0 to 1", check.AgreeingDays);
    }

    [Fact]
    public void Agreeing_days_are_worded_for_the_first_days()
    {
        Assert.Equal("none: day 0 already differs", new ReplayCheck(0, 0, 1, 2, true).AgreeingDays);
        Assert.Equal("day 0", new ReplayCheck(1, 1, 1, 2, true).AgreeingDays);
        Assert.Equal("days 0 to 4", new ReplayCheck(5, 5, 1, 2, true).AgreeingDays);
    }
}
