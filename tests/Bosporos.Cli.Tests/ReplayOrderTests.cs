using Bosporos.Analysis.Tests.Runs;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Cli.Tests;

public class ReplayOrderTests
{
    // The test siege's khagan judges his small siege lost at the first dawn after his host comes up; these orders
    // hold a procession, call off the day's assault and then withdraw before he would have judged (given out of order).
    private static readonly Order[] Orders =
    [
        new(SimTime.FromDay(0, 20), Side.Avar, OrderKind.Withdraw, -1, 0),
        new(SimTime.FromDay(0, 0), Side.Avar, OrderKind.HoldAssault, -1, 0),
        new(SimTime.FromDay(0, 7), Side.Roman, OrderKind.Procession, -1, 0),
    ];

    private static ReplayFile Recorded(IReadOnlyList<Order> orders)
    {
        var sim = Simulation.Create(TestSieges.Small(), 31);
        ReplayPlayer.Play(sim, orders);
        return ReplayPlayer.Record(sim, "test-siege", new TestScenarios().Hash, [], orders);
    }

    [Fact]
    public void A_replay_with_orders_verifies_and_the_orders_matter()
    {
        var dir = Cli.TempDir();
        try
        {
            var withOrders = Recorded(Orders);
            var path = Path.Combine(dir, "orders.json");
            ReplayJson.WriteFile(path, withOrders);
            var ok = Cli.Invoke("replay", path, "--verify");
            Assert.Equal(ExitCodes.Success, ok.Code);
            Assert.StartsWith("verified: ", ok.Out, StringComparison.Ordinal);

            // Same hashes, orders dropped: the re-run follows the written plan and parts from the record.
            Assert.NotEqual(withOrders.FinalHash, Recorded([]).FinalHash);
            ReplayJson.WriteFile(path, withOrders with { Orders = [] });
            var dropped = Cli.Invoke("replay", path, "--verify");
            Assert.Equal(ExitCodes.InvalidData, dropped.Code);
            Assert.Contains("differs: day ", dropped.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Orders_are_played_in_time_order_whatever_order_they_are_listed_in()
    {
        var sorted = Orders.OrderBy(o => o.Time.Hours).ToArray();
        Assert.Equal(Recorded(sorted).DailyHashes, Recorded(Orders).DailyHashes);
    }
}
