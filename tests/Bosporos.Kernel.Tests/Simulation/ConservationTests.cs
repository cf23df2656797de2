using Bosporos.Kernel.Combat;
using Bosporos.Testing;
using CsCheck;

namespace Bosporos.Kernel.Tests.Simulation;

public class ConservationTests
{
    private static readonly Gen<SiegeBuilder> Sieges =
        from garrison in Gen.Int[0, 30_000]
        from host in Gen.Int[0, 150_000]
        from persians in Gen.Int[0, 60_000]
        from galleys in Gen.Int[0, 80]
        from canoes in Gen.Int[0, 800]
        from rations in Gen.Int[0, 40]
        from walled in Gen.Bool
        from law in Gen.Enum<AttritionLaw>()
        select new SiegeBuilder
        {
            Garrison = garrison,
            Host = host,
            Persians = persians,
            Galleys = galleys,
            Canoes = canoes,
            RationDays = rations,
            BlachernaeWalled = walled,
            Law = law,
            HorizonDays = 40,
        };

    [Fact]
    public void Every_contingent_balances_at_every_hour_of_generated_sieges() =>
        Gen.Select(Sieges, Gen.ULong).Sample((builder, seed) =>
        {
            var d = builder.Build();
            var sim = Kernel.Simulation.Create(d, seed);
            while (!sim.IsOver)
            {
                sim.Step();
                for (var i = 0; i < d.Contingents.Length; i++)
                {
                    var l = sim.Ledger(i);
                    if (!l.Balances || l.Present < 0 || l.Killed < 0 || l.Wounded < 0 || l.Deserted < 0 || l.Captured < 0)
                    {
                        return false;
                    }
                }

                for (var f = 0; f < d.Flotillas.Length; f++)
                {
                    if (sim.Hulls(f) < 0 || sim.Hulls(f) > d.Flotillas[f].Hulls)
                    {
                        return false;
                    }
                }
            }

            return true;
        }, iter: 60);

    [Fact]
    public void Walls_and_morale_stay_within_their_scales() =>
        Gen.Select(Sieges, Gen.ULong).Sample((builder, seed) =>
        {
            var d = builder.Build();
            var sim = Kernel.Simulation.Create(d, seed);
            sim.RunToEnd();
            for (var s = 0; s < d.WallSectors.Length; s++)
            {
                if (sim.OuterIntegrity(s) is < 0 or > 10_000 || sim.InnerIntegrity(s) is < 0 or > 10_000)
                {
                    return false;
                }
            }

            return Enumerable.Range(0, d.Contingents.Length).All(i => sim.Morale(i) is >= 0 and <= 10_000);
        }, iter: 60);

    [Fact]
    public void Every_run_ends_by_the_horizon_with_a_stated_cause() =>
        Gen.Select(Sieges, Gen.ULong).Sample((builder, seed) =>
        {
            var d = builder.Build();
            var s = Kernel.Simulation.Create(d, seed).RunToEnd();
            return s.End.Day <= d.Calendar.HorizonDays && (s.Outcome == Outcome.Undecided) == (s.Cause == EndCause.Horizon);
        }, iter: 60);
}
