using System.Text.Json;

namespace Bosporos.Cli.Tests;

/// <summary>'run war-622-628 --replay FILE --events FILE': the war replay and the event log, and the output-file rules.</summary>
public sealed class WarOutputTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("bosporos-war-out-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Replay_and_events_are_written_the_same_for_the_same_run_and_a_missing_folder_is_made()
    {
        var replay = Path.Combine(dir, "new", "folder", "war.replay.json");
        var events = Path.Combine(dir, "war.events.jsonl");
        var r = Experiments.Run("run", "war-622-628", "--seed", "1", "--replay", replay, "--events", events);
        Assert.Equal(ExitCodes.Success, r.Code);
        Assert.Empty(r.Error);

        using (var doc = JsonDocument.Parse(File.ReadAllText(replay)))
        {
            var root = doc.RootElement;
            Assert.Equal("war", root.GetProperty("kind").GetString());
            Assert.Equal("war-622-628", root.GetProperty("scenario").GetString());
            Assert.Equal("1", root.GetProperty("seed").GetString());
            Assert.Equal(root.GetProperty("days").GetInt32(), root.GetProperty("frames").GetArrayLength());
            Assert.NotEqual(JsonValueKind.Null, root.GetProperty("capitalSiege").ValueKind);

            // The chronicle's sentences are the ones the command prints.
            foreach (var line in root.GetProperty("chronicle").EnumerateArray().Take(20))
            {
                Assert.Contains(line.GetProperty("text").GetString()!, r.Out, StringComparison.Ordinal);
            }
        }

        var lines = File.ReadAllLines(events);
        Assert.NotEmpty(lines);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.True(first.RootElement.TryGetProperty("kind", out _));
            Assert.True(first.RootElement.TryGetProperty("date", out _));
        }

        var bytes = File.ReadAllBytes(replay);
        var again = Experiments.Run("run", "war-622-628", "--seed", "1", "--replay", replay, "--format", "json");
        Assert.Equal(ExitCodes.Success, again.Code);
        Assert.Equal(bytes, File.ReadAllBytes(replay));
    }

    [Theory]
    [InlineData("--replay")]
    [InlineData("--events")]
    public void A_directory_given_as_the_file_exits_2_before_the_run(string option)
    {
        var r = Experiments.Run("run", "war-622-628", option, dir);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains($"error: {option}: '{dir}' is a directory", r.Error, StringComparison.Ordinal);
        Assert.Empty(r.Out);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_the_way_of_the_folder_exits_2()
    {
        var blocker = Path.Combine(dir, "blocker");
        File.WriteAllText(blocker, "x");
        var r = Experiments.Run("run", "war-622-628", "--replay", Path.Combine(blocker, "war.json"));
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("is a file, not a directory", r.Error, StringComparison.Ordinal);
    }
}
