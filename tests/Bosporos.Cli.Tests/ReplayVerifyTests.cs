using System.Text.Json.Nodes;

namespace Bosporos.Cli.Tests;

/// <summary>replay --verify checks every recorded hash, the subsystem hashes included, and words day 0 properly.</summary>
public sealed class ReplayVerifyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_replay_whose_subsystem_hashes_alone_were_edited_is_refused(int day)
    {
        var dir = Cli.TempDir();
        var replay = Path.Combine(dir, "run.replay.json");
        var run = Cli.Invoke("run", "test-siege", "--seed", "77", "--replay", replay);
        Assert.True(run.Code == ExitCodes.Success, run.Out + run.Error);
        var json = JsonNode.Parse(File.ReadAllText(replay))!;
        var walls = json["subsystemHashes"]!["walls"]!.AsArray();
        Assert.True(walls.Count > day, "the run is too short for this test");
        var hash = walls[day]!.GetValue<string>();
        walls[day] = (hash[0] == '0' ? "1" : "0") + hash[1..];
        File.WriteAllText(replay, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var r = Cli.Invoke("replay", replay, "--verify");
        Assert.Equal(ExitCodes.InvalidData, r.Code);
        Assert.Contains($"differs: day {day} (", r.Out, StringComparison.Ordinal);
        Assert.Contains("subsystem hashes were altered", r.Out, StringComparison.Ordinal);
        Assert.Contains("subsystem: walls", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("-1", r.Out, StringComparison.Ordinal);
        Assert.Contains(day == 0 ? "identical before it: none: day 0 already differs" : "identical before it: day 0", r.Out, StringComparison.Ordinal);
    }
}
