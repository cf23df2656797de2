using Bosporos.Kernel.War;

namespace Bosporos.Kernel.Tests.War;

public sealed class WarConservationTests
{
    public static TheoryData<string, string> Variants => new()
    {
        { "", "" },
        { "heraclius.split", "false" },
        { "turks.alliance", "false" },
        { "courier.send", "false" },
        { "battle.lethality", "0.045" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_army_accounts_for_its_men_every_day_across_both_layers(string path, string value)
    {
        (string, string)[] sets = path.Length == 0 ? [] : [(path, value)];
        var (war, siege) = WarShipped.Load(sets);
        for (var k = 0; k < 6; k++)
        {
            var sim = WarSimulation.Create(war, siege, WarShipped.Seed(k));
            long arrivedAtStart = Enumerable.Range(0, war.Armies.Length).Sum(i => (long)sim.Ledger(i).Arrived);
            while (!sim.IsOver)
            {
                sim.Step();
                for (var i = 0; i < war.Armies.Length; i++)
                {
                    var l = sim.Ledger(i);
                    Assert.True(l.Balances, $"{war.Armies[i].Id} on day {sim.Day}: {l}");
                    Assert.True(l.Present >= 0, $"{war.Armies[i].Id} on day {sim.Day}: {l}");
                }

                var (arrived, accounted) = sim.Totals();
                Assert.Equal(arrived, accounted);
            }

            // Men enter the war only when an army is raised or levies join it (told by its Levied events); transfers (the
            // split, the brother rejoining, allies merging at the straits) move men between ledgers without creating any.
            long raised = sim.Events.Where(e => e.Kind is WarEventKind.ArmyRaised or WarEventKind.Levied).Sum(e => (long)e.Value1);
            long transferredOut = war.Armies.Sum(a => (long)sim.Ledger(sim.ArmyIndex(a.Id)).Transferred);
            long arrivedAll = war.Armies.Sum(a => (long)sim.Ledger(sim.ArmyIndex(a.Id)).Arrived);
            Assert.Equal(arrivedAtStart + raised + transferredOut, arrivedAll);
        }
    }

    [Fact]
    public void The_siege_losses_of_each_linked_army_are_the_siege_kernels_own_ledgers()
    {
        var sim = WarShipped.One(WarShipped.Seed(2));
        var siege = sim.Siege!;
        var used = sim.SiegeDefinitionUsed!;
        foreach (var link in sim.Definition.Siege.Links)
        {
            var ledgers = link.Contingents.Select(id => siege.Ledger(Array.FindIndex(used.Contingents, c => c.Id == id))).ToList();
            var army = sim.Ledger(sim.ArmyIndex(link.Army));
            var men = link.Contingents.Sum(id => used.Contingents.Single(c => c.Id == id).Strength);
            Assert.True(ledgers.Sum(l => l.Killed) <= army.Killed, link.Army);
            Assert.True(ledgers.Sum(l => l.Killed + l.Wounded + l.Deserted + l.Captured) <= men, link.Army);
        }

        // The capital's garrison fought nowhere else: its losses are exactly the siege's.
        var garrison = sim.Definition.Siege.Links.Single(l => l.Army == "capital-garrison");
        var g = sim.Ledger(sim.ArmyIndex("capital-garrison"));
        Assert.Equal(garrison.Contingents.Sum(id => siege.Ledger(Array.FindIndex(used.Contingents, c => c.Id == id)).Killed), g.Killed);
        Assert.Equal(garrison.Contingents.Sum(id => used.Contingents.Single(c => c.Id == id).Strength), g.Arrived);
    }
}
