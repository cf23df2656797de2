using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Analysis.Tests.Play;

public class ReplaySourceTests
{
    private static ReplayFile Replay(params Order[] orders) => new("s", "h", 1, [], orders, [1UL], 2UL);

    [Fact]
    public void Each_orders_source_is_written_and_read_back()
    {
        var orders = new[]
        {
            new Order(new SimTime(5), Side.Roman, OrderKind.Procession, -1, 0) { Source = OrderSource.Player },
            new Order(new SimTime(5), Side.Avar, OrderKind.Assault, 2, 0) { Source = OrderSource.Ai },
            new Order(new SimTime(6), Side.Avar, OrderKind.HoldAssault, -1, 0) { Source = OrderSource.Script },
        };

        var read = ReplayJson.Read(ReplayJson.Write(Replay(orders)), "r.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(orders, read.Replay!.Orders);
        Assert.Null(read.Replay.Play);
    }

    [Fact]
    public void A_replay_written_before_sources_were_recorded_reads_its_orders_as_the_players()
    {
        const string Old = """
            { "format": 1, "scenario": "s", "scenarioHash": "h", "seed": "1", "overrides": [],
              "orders": [ { "hour": 5, "side": "roman", "kind": "procession", "target": -1, "value": 0 } ],
              "dailyHashes": [ "0000000000000001" ], "finalHash": "0000000000000002" }
            """;

        var read = ReplayJson.Read(Old, "old.json");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(OrderSource.Player, Assert.Single(read.Replay!.Orders).Source);
    }

    [Fact]
    public void An_unknown_source_is_refused_at_its_field()
    {
        var text = ReplayJson.Write(Replay(new Order(new SimTime(5), Side.Avar, OrderKind.Assault, 2, 0) { Source = OrderSource.Ai }))
            .Replace("\"source\": \"ai\"", "\"source\": \"oracle\"", StringComparison.Ordinal);

        var read = ReplayJson.Read(text, "bad.json");

        Assert.Null(read.Replay);
        Assert.Equal("orders.0.source", Assert.Single(read.Diagnostics).Path);
    }

    [Theory]
    [InlineData("\"hour\": 30", "\"hour\": -1", "play.hour")]
    [InlineData("\"aiLevel\": 2", "\"aiLevel\": \"two\"", "play.aiLevel")]
    [InlineData("\"human\": \"roman\"", "\"human\": 3", "play.human")]
    public void A_broken_play_record_is_refused_at_its_field(string from, string to, string path)
    {
        var text = ReplayJson.Write(Replay() with { Play = new SavedPlay(30, "roman", 2) });
        Assert.Contains(from, text);

        var read = ReplayJson.Read(text.Replace(from, to, StringComparison.Ordinal), "bad.json");

        Assert.Null(read.Replay);
        Assert.Equal(path, Assert.Single(read.Diagnostics).Path);
    }
}
