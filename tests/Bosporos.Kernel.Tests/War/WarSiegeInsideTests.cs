using Bosporos.Kernel.War;

namespace Bosporos.Kernel.Tests.War;

public sealed class WarSiegeInsideTests
{
    [Fact]
    public void The_siege_inside_is_the_siege_kernel_run_on_the_definition_the_campaign_built()
    {
        var war = WarShipped.One(WarShipped.Seed(4));
        var inner = war.Siege!;
        Assert.True(inner.IsOver);

        // The same definition run on its own by the siege kernel with the same seed gives the same siege, hash for hash.
        var alone = Kernel.Simulation.Create(war.SiegeDefinitionUsed!, inner.Seed);
        alone.RunToEnd();
        Assert.Equal(alone.DailyHashes.ToArray(), inner.DailyHashes.ToArray());
        Assert.Equal(alone.Summary, inner.Summary);
    }

    [Fact]
    public void The_campaign_fills_the_siege_from_its_armies_and_the_split()
    {
        var war = WarShipped.One(WarShipped.Seed(1));
        var used = war.SiegeDefinitionUsed!;
        int Strength(string id) => used.Contingents.Single(c => c.Id == id).Strength;
        Assert.Equal(war.Definition.Heraclius.CapitalSend, Strength("field-troops"));
        Assert.Equal(5500, Strength("guards") + Strength("armenians") + Strength("citizens"));
        Assert.Equal(70, used.Flotillas.Single(f => f.Id == "roman-galleys").Hulls + used.Flotillas.Single(f => f.Id == "roman-light-craft").Hulls);

        // No split: the capital gets no reinforcements, and the siege gets no field troops.
        var noSplit = WarShipped.One(WarShipped.Seed(1), ("heraclius.split", "false"));
        Assert.Equal(0, noSplit.SiegeDefinitionUsed!.Contingents.Single(c => c.Id == "field-troops").Strength);
    }

    [Fact]
    public void Reinforcements_still_on_the_way_when_the_siege_begins_arrive_inside_it_late()
    {
        // Split on the eve of the siege: the troops are at sea when the vanguard arrives and join the siege on its day.
        var war = WarShipped.One(WarShipped.Seed(1), ("heraclius.split-day", WarShipped.DayOf(626, 6, 19).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var troops = war.SiegeDefinitionUsed!.Contingents.Single(c => c.Id == "field-troops");
        Assert.Equal(12000, troops.Strength);
        Assert.InRange(troops.ArrivalDay, 10, 30);
        Assert.Contains(war.Siege!.Events.All.ToArray(), e => e.Kind == Events.EventKind.ContingentArrived && e.Time.Day == troops.ArrivalDay && e.Value1 == 12000);
    }

    [Fact]
    public void Without_the_split_the_capital_falls_far_more_often_as_in_the_siege_model()
    {
        const int runs = 200;
        var with = WarShipped.Run(runs);
        var without = WarShipped.Run(runs, ("heraclius.split", "false"));
        var fellWith = WarShipped.Share(with, s => s.Outcome == WarOutcome.Collapse);
        var fellWithout = WarShipped.Share(without, s => s.Outcome == WarOutcome.Collapse);
        Assert.True(fellWithout >= fellWith + 0.3, $"capital fell in {fellWith:P1} with the split, {fellWithout:P1} without");
        Assert.All(without.Where(s => s.Outcome == WarOutcome.Collapse), s => Assert.Equal(Outcome.Fallen, s.SiegeOutcome));
    }

    [Fact]
    public void The_fleet_and_the_garrison_come_out_of_the_siege_with_its_losses()
    {
        var war = WarShipped.One(WarShipped.Seed(6));
        var fleet = war.ArmyIndex("capital-fleet");
        var used = war.SiegeDefinitionUsed!;
        var lost = 0;
        for (var f = 0; f < used.Flotillas.Length; f++)
        {
            if (used.Flotillas[f].Id is "roman-galleys" or "roman-light-craft")
            {
                lost += used.Flotillas[f].Hulls - war.Siege!.Hulls(f);
            }
        }

        Assert.Equal(70 - lost, war.Hulls(fleet));
    }
}
