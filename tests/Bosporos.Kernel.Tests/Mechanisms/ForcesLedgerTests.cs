using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Numerics;
using Bosporos.Testing;

namespace Bosporos.Kernel.Tests.Mechanisms;

/// <summary>
/// How the defenders' losses are spread over the wall contingents, who stands in reserve, and who fights at the front
/// of a sector: each recomputed exactly from the contingents' men and quality.
/// </summary>
public class ForcesLedgerTests
{
    /// <summary>The compact siege with militia beside the garrison, after its first hour (everyone at their posts).</summary>
    private static (SiegeDefinition D, Kernel.Simulation Sim, int[] Wall) Started()
    {
        var d = new SiegeBuilder { Militia = 3_001 }.Build();
        var sim = Kernel.Simulation.Create(d, 7);
        sim.Step();
        var wall = Enumerable.Range(0, d.Contingents.Length)
            .Where(i => d.Contingents[i].Side == Side.Roman && d.Contingents[i].Role == ContingentRole.Garrison).ToArray();
        return (d, sim, wall);
    }

    private static int Hurt(ContingentLedger l) => l.Killed + l.Wounded;

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1_000)]
    [InlineData(4_321)]
    public void Losses_on_the_wall_are_spread_by_men_with_the_remainder_to_the_earlier_contingents(int casualties)
    {
        var (_, sim, wall) = Started();
        var before = wall.Select(sim.Ledger).ToArray();
        long total = before.Sum(l => (long)l.Present);
        Assert.Equal(casualties, sim.InflictOnWall(casualties));
        var shares = before.Select(l => (int)((long)casualties * l.Present / total)).ToArray();
        var left = casualties - shares.Sum();
        for (var j = 0; j < wall.Length; j++)
        {
            var extra = j < left ? 1 : 0;
            var lost = Hurt(sim.Ledger(wall[j])) - Hurt(before[j]);
            Assert.Equal(shares[j] + extra, lost);
            Assert.Equal(before[j].Present - lost, sim.Ledger(wall[j]).Present);
        }
    }

    [Fact]
    public void No_losses_or_no_men_on_the_wall_inflict_nothing_and_more_than_all_kills_all()
    {
        var (_, sim, wall) = Started();
        var before = wall.Select(sim.Ledger).ToArray();
        Assert.Equal(0, sim.InflictOnWall(0));
        Assert.Equal(0, sim.InflictOnWall(-5));
        Assert.Equal(before, wall.Select(sim.Ledger).ToArray());
        var all = before.Sum(l => l.Present);
        Assert.Equal(all, sim.InflictOnWall(all + 10_000));
        Assert.All(wall, i => Assert.Equal(0, sim.Ledger(i).Present));
        Assert.Equal(0, sim.InflictOnWall(10));
    }

    [Fact]
    public void The_reserve_is_the_reserve_contingents_and_the_reserve_share_of_the_wall_with_their_quality()
    {
        var (d, sim, wall) = Started();
        var reserve = Enumerable.Range(0, d.Contingents.Length).Where(i => d.Contingents[i].Role == ContingentRole.Reserve).ToArray();
        Assert.NotEmpty(reserve);
        var share = d.Command.Defenders.ReserveShare;
        long men = 0, quality = 0;
        foreach (var i in reserve)
        {
            men += sim.Ledger(i).Present;
            quality += (long)sim.Ledger(i).Present * sim.Quality(i);
        }

        foreach (var i in wall)
        {
            var r = share.Of(sim.Ledger(i).Present);
            men += r;
            quality += r * sim.Quality(i);
        }

        Assert.Equal(men, sim.ReserveMen(out var q));
        Assert.Equal(quality, q);
        Assert.True(men > 1_000 && q > men * 1_000, $"{men} men, quality {q}");
    }

    [Fact]
    public void The_front_is_filled_best_first_from_each_contingents_share_of_the_sector()
    {
        var (d, sim, wall) = Started();
        var middle = Sieges.Sector(d, "middle");
        sim.AllotDefenders(middle);
        long wallMen = wall.Sum(i => (long)sim.Ledger(i).Present);
        var here = sim.DefendersAt(middle);
        Assert.True(here > 0);
        var best = wall.OrderByDescending(i => sim.Quality(i)).ToArray();
        foreach (var engaged in new long[] { 1, 50, 400, here / 2, here - 100, here, here * 3 })
        {
            long filled = 0, q = 0, a = 0;
            foreach (var i in best)
            {
                var take = Math.Min((long)sim.Ledger(i).Present * here / wallMen, engaged - filled);
                if (take <= 0)
                {
                    break;
                }

                filled += take;
                q += take * sim.Quality(i);
                a += take * d.Contingents[i].Armour.Raw;
            }

            Assert.Equal((int)(q / filled), sim.FrontQuality(middle, engaged, out var armour));
            Assert.Equal((int)(a / filled), armour);
        }

        // The militia is the poorer contingent: a front small enough for the garrison alone is all garrison.
        var garrison = Sieges.Contingent(d, "garrison");
        Assert.Equal(sim.Quality(garrison), sim.FrontQuality(middle, 10, out var garrisonArmour));
        Assert.Equal(d.Contingents[garrison].Armour.Raw, garrisonArmour);
        Assert.Equal(0, sim.FrontQuality(middle, 0, out var none));
        Assert.Equal(0, none);

        // With no one left on the walls there is no front.
        sim.InflictOnWall((int)wallMen);
        Assert.Equal(0, sim.FrontQuality(middle, 10, out var gone));
        Assert.Equal(0, gone);
    }

    [Fact]
    public void A_procession_takes_its_share_off_the_walls_before_they_are_allotted()
    {
        // The men on the walls are the garrison less the reserve share; while a procession walks, a further share of
        // them goes with the icons. Allotted by length and threat (the stormed sector thickest), to within a man a sector.
        var d = new SiegeBuilder { Militia = 3_001 }.Build();
        var at = Time.SimTime.FromDay(0, 3);
        Command.Order[] orders = [new(at, Side.Roman, Command.OrderKind.Procession, -1, 0)];
        var sim = Kernel.Simulation.Create(d, 7);
        Sieges.StepTo(sim, at.AddHours(1), orders);

        Assert.Contains(sim.Events.All.ToArray(), e => e.Kind == Events.EventKind.ProcessionHeld);
        var wall = Enumerable.Range(0, d.Contingents.Length)
            .Where(i => d.Contingents[i].Side == Side.Roman && d.Contingents[i].Role == ContingentRole.Garrison).ToArray();
        var middle = Sieges.Sector(d, "middle");
        sim.AllotDefenders(middle);
        var allotted = Enumerable.Range(0, d.WallSectors.Length).Sum(s => (long)sim.DefendersAt(s));
        long wallMen = wall.Sum(i => (long)sim.Ledger(i).Present);
        var onWalls = wallMen - d.Command.Defenders.ReserveShare.Of(wallMen);
        onWalls -= d.Command.Defenders.ProcessionShare.Of(onWalls);
        Assert.InRange(allotted, onWalls - d.WallSectors.Length, onWalls);
        Assert.True(d.Command.Defenders.ProcessionShare.Of(onWalls) > d.WallSectors.Length, "the procession's share is more than the rounding");
        Assert.True(sim.DefendersAt(middle) > Enumerable.Range(0, d.WallSectors.Length).Where(s => s != middle).Max(sim.DefendersAt), "the threatened sector is manned most thickly");
    }
}
