using Bosporos.Analysis.Statistics;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;

namespace Bosporos.Analysis.Play;

/// <summary>How hard the look-ahead commander thinks: sampled futures per option and their length in days.</summary>
public sealed record AiLevel(int Level, int Samples, int HorizonDays)
{
    /// <summary>Level 0 leaves the side to its doctrine; levels 1 to 4 look ahead ever further.</summary>
    public static readonly AiLevel[] All =
    [
        new(0, 0, 0),
        new(1, 16, 1),
        new(2, 32, 2),
        new(3, 64, 3),
        new(4, 200, 3),
    ];

    public const int Default = 2;

    public const int Max = 4;

    public static AiLevel Of(int level) =>
        level >= 0 && level < All.Length ? All[level] : throw new ArgumentOutOfRangeException(nameof(level), level, $"AI levels run from 0 to {Max}.");

    public bool LooksAhead => Samples > 0;
}

/// <summary>
/// Odds of options from the model itself: each option is tried in <c>samples</c> short futures forked from the
/// current state with sample keys 0..samples-1 (<see cref="Simulation.Fork(ulong)"/>: dice the real run never draws,
/// the same for every option), both sides by doctrine after the option's orders, for <c>horizonDays</c> days or until
/// the siege ends.
/// </summary>
public static class LookAhead
{
    /// <summary>Weight of the siege being lifted in the khagan's objective (against 1 for the city taken).</summary>
    public const double KhaganLiftedWeight = 0.5;

    /// <summary>Weight of the siege being lifted (time: the sooner the better) in the defenders' objective.</summary>
    public const double DefenderLiftedWeight = 0.25;

    /// <summary>How many standard errors an option must beat carrying on by before the commander takes it.</summary>
    public const double Margin = 1.0;

    public static IReadOnlyList<OptionOdds> Evaluate(Simulation sim, Side side, IReadOnlyList<PlayOption> options, int samples, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        var end = sim.Now.Hours + (horizonDays * 24);
        var ownNow = Lost(sim, side);
        var enemyNow = Lost(sim, PlaySides.Enemy(side));
        var ownMen = Math.Max(1, Present(sim, side));
        var enemyMen = Math.Max(1, Present(sim, PlaySides.Enemy(side)));
        var scores = new double[options.Count][];
        var results = new (int Taken, int Lifted, double[] Own, double[] Enemy)[options.Count];
        for (var i = 0; i < options.Count; i++)
        {
            var orders = options[i].Orders.ToArray();
            scores[i] = new double[samples];
            results[i] = (0, 0, new double[samples], new double[samples]);
            for (var k = 0; k < samples; k++)
            {
                var f = sim.Fork((ulong)k);
                f.Step(orders);
                while (!f.IsOver && f.Now.Hours < end)
                {
                    f.Step();
                }

                var taken = PlaySides.Taken(f.Outcome);
                var lifted = f.Outcome == Outcome.Lifted;
                var own = Lost(f, side) - ownNow;
                var enemy = Lost(f, PlaySides.Enemy(side)) - enemyNow;
                results[i].Taken += taken ? 1 : 0;
                results[i].Lifted += lifted ? 1 : 0;
                results[i].Own[k] = own;
                results[i].Enemy[k] = enemy;
                scores[i][k] = side == Side.Avar
                    ? (taken ? 1 : 0) - (lifted ? KhaganLiftedWeight : 0) + ((double)enemy / enemyMen) - ((double)own / ownMen)
                    : -(taken ? 1 : 0) + (lifted ? DefenderLiftedWeight : 0) - ((double)own / ownMen);
            }
        }

        var baseline = IndexOfCarryOn(options);
        var odds = new OptionOdds[options.Count];
        var diff = new double[samples];
        for (var i = 0; i < options.Count; i++)
        {
            var r = results[i];
            var (tl, th) = Wilson.Interval(r.Taken, samples);
            var (ll, lh) = Wilson.Interval(r.Lifted, samples);
            double gain = 0, error = 0;
            if (baseline >= 0)
            {
                for (var k = 0; k < samples; k++)
                {
                    diff[k] = scores[i][k] - scores[baseline][k];
                }

                gain = Descriptive.Mean(diff);
                error = samples > 1 ? Math.Sqrt(Descriptive.Variance(diff) / samples) : 0;
            }

            odds[i] = new OptionOdds(options[i], samples, horizonDays,
                (double)r.Taken / samples, tl, th, (double)r.Lifted / samples, ll, lh,
                Descriptive.Mean(r.Own), Sd(r.Own), Descriptive.Mean(r.Enemy), Sd(r.Enemy),
                Descriptive.Mean(scores[i]), gain, error);
        }

        return odds;
    }

    /// <summary>
    /// The option the commander of <paramref name="side"/> takes among evaluated ones: the one whose gain over carrying
    /// on is largest after subtracting <see cref="Margin"/> standard errors, if that is above zero; else carrying on.
    /// Ties go to the earlier option, so the choice is deterministic.
    /// </summary>
    public static int Choose(IReadOnlyList<OptionOdds> odds)
    {
        ArgumentNullException.ThrowIfNull(odds);
        var best = -1;
        var bestValue = 0.0;
        for (var i = 0; i < odds.Count; i++)
        {
            if (odds[i].Option.IsCarryOn)
            {
                continue;
            }

            var value = odds[i].Gain - (Margin * odds[i].GainError);
            if (value > bestValue)
            {
                best = i;
                bestValue = value;
            }
        }

        return best >= 0 ? best : Math.Max(0, odds.ToList().FindIndex(o => o.Option.IsCarryOn));
    }

    /// <summary>
    /// The AI's choice for <paramref name="side"/> now at <paramref name="level"/>: an option (carry on at level 0).
    /// It sees only sampled futures (sample keys), never the dice of the real continuation.
    /// </summary>
    public static PlayOption Decide(Simulation sim, Side side, AiLevel level, StandingOrders standing)
    {
        ArgumentNullException.ThrowIfNull(level);
        var options = PlayOptions.For(sim, side, standing);
        if (!level.LooksAhead || options.Count < 2)
        {
            return options[0];
        }

        // Screening: a few futures first; options that change nothing in them, or are clearly worse than carrying
        // on, are dropped; the best few of the rest are weighed on every sample.
        var screen = Math.Min(ScreenSamples, level.Samples);
        var first = Evaluate(sim, side, options, screen, level.HorizonDays);
        var kept = first
            .Where(o => o.Option.IsCarryOn || ((o.Gain != 0 || o.GainError != 0) && o.Gain + (2 * o.GainError) >= 0))
            .OrderByDescending(o => o.Option.IsCarryOn)
            .ThenByDescending(o => o.Gain - o.GainError)
            .Take(Finalists + 1)
            .Select(o => o.Option)
            .ToList();
        if (kept.Count < 2)
        {
            return options[0];
        }

        var odds = screen == level.Samples ? first.Where(o => kept.Contains(o.Option)).ToList() : Evaluate(sim, side, kept, level.Samples, level.HorizonDays);
        return odds[Choose(odds)].Option.From(OrderSource.Ai);
    }

    /// <summary>Futures per option in the commander's first, screening pass.</summary>
    public const int ScreenSamples = 8;

    /// <summary>Options besides carrying on that the commander weighs on every sample after screening.</summary>
    public const int Finalists = 3;

    /// <summary>Men of <paramref name="side"/> lost so far: killed, wounded, deserted and captured.</summary>
    public static long Lost(Simulation sim, Side side)
    {
        ArgumentNullException.ThrowIfNull(sim);
        long n = 0;
        var c = sim.Definition.Contingents;
        for (var i = 0; i < c.Length; i++)
        {
            if (c[i].Side == side)
            {
                var l = sim.Ledger(i);
                n += l.Killed + l.Wounded + l.Deserted + l.Captured;
            }
        }

        return n;
    }

    /// <summary>Men of <paramref name="side"/> present now.</summary>
    public static long Present(Simulation sim, Side side)
    {
        ArgumentNullException.ThrowIfNull(sim);
        long n = 0;
        var c = sim.Definition.Contingents;
        for (var i = 0; i < c.Length; i++)
        {
            if (c[i].Side == side)
            {
                n += sim.Ledger(i).Present;
            }
        }

        return n;
    }

    private static int IndexOfCarryOn(IReadOnlyList<PlayOption> options)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].IsCarryOn)
            {
                return i;
            }
        }

        return -1;
    }

    private static double Sd(double[] values) => values.Length > 1 ? Math.Sqrt(Descriptive.Variance(values)) : 0;
}
