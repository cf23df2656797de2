using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.War;

/// <summary>
/// Field battles at the grain of the hour: Helmbold's mixed law (each side's losses grow with the square root of the
/// enemy's power times its own men), break points scaled by morale, pursuit, and the weather of the day.
/// </summary>
public sealed partial class WarSimulation
{
    private readonly List<int> romans = [];
    private readonly List<int> persians = [];

    /// <summary>One fought battle, for the chronicle and the checks.</summary>
    public readonly record struct BattleRecord(int Day, int Region, int RomanLead, int PersianLead, bool RomeWon, bool Decisive, int RomanLosses, int PersianLosses, int RomanMen, int PersianMen, int StormOn)
    {
        /// <summary>Neither side broke by dusk.</summary>
        public bool Drawn { get; init; }
    }

    private readonly List<BattleRecord> battles = [];

    public IReadOnlyList<BattleRecord> FieldBattles => battles;

    private void Battles()
    {
        if (!AnyRegionContested())
        {
            return;
        }

        for (var region = 0; region < Definition.Regions.Length; region++)
        {
            romans.Clear();
            persians.Clear();
            for (var a = 0; a < present.Length; a++)
            {
                if (location[a] != region || !Fights(a) || present[a] <= 0)
                {
                    continue;
                }

                (Side(a) == Power.Rome ? romans : Side(a) == Power.Persia ? persians : null)?.Add(a);
            }

            if (romans.Count == 0 || persians.Count == 0)
            {
                continue;
            }

            var pr = SidePower(romans, Ratio.Scale);
            var pp = SidePower(persians, Ratio.Scale);
            var romeWants = Wants(romans, pr, pp);
            var persiaWants = persiansOrdered || Wants(persians, pp, pr);
            if (romeWants && persiaWants)
            {
                Fight(region);
            }
            else if (romeWants && romans.Contains(heraclius) && Definition.Heraclius.Surprise.Raw > 0
                && manoeuvreDice.Chance(Definition.Heraclius.Surprise, out var surpriseRoll))
            {
                // A feigned retreat or a night attack: the enemy that would draw off is caught and must fight.
                Emit(WarEventKind.Surprise, region, heraclius, persians[0], odds: Definition.Heraclius.Surprise.Raw, roll: surpriseRoll);
                Fight(region);
            }
            else if (romeWants || persiaWants)
            {
                // The side that will not fight at these odds draws off towards its own ground.
                foreach (var a in romeWants ? persians : romans)
                {
                    Withdraw(a, region);
                }
            }
        }
    }

    /// <summary>
    /// Whether some region has fighting armies of both sides in it (most days none has, and the battle loop can be
    /// skipped: with no such region at its start it changes nothing).
    /// </summary>
    private bool AnyRegionContested()
    {
        if (Definition.Regions.Length > 64)
        {
            return true;
        }

        ulong roman = 0, persian = 0;
        for (var a = 0; a < present.Length; a++)
        {
            if (present[a] <= 0 || !Fights(a))
            {
                continue;
            }

            var side = Side(a);
            if (side == Power.Rome)
            {
                roman |= 1UL << location[a];
            }
            else if (side == Power.Persia)
            {
                persian |= 1UL << location[a];
            }
        }

        return (roman & persian) != 0;
    }

    private bool Wants(List<int> side, long own, long enemy)
    {
        foreach (var a in side)
        {
            var need = Definition.Armies[a].EngageRatio.Raw;
            if (own * Ratio.Scale >= enemy * need)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fighting power: Σ men × quality × (0.5 + morale/2) × weather, in men.</summary>
    private long SidePower(List<int> side, int weather)
    {
        long p = 0;
        foreach (var a in side)
        {
            var q = FixedMath.MulDivRound(Definition.Armies[a].Quality.Raw, (Ratio.Scale / 2) + (morale[a] / 2), Ratio.Scale);
            p += FixedMath.MulDivRound(present[a], q * weather, (long)Ratio.Scale * Ratio.Scale);
        }

        return p;
    }

    private static long Men(List<int> side, int[] counts)
    {
        long m = 0;
        foreach (var a in side)
        {
            m += counts[a];
        }

        return m;
    }

    /// <summary>Strength-weighted morale of a side (Ratio raw).</summary>
    private int SideMorale(List<int> side)
    {
        long men = 0, sum = 0;
        foreach (var a in side)
        {
            men += present[a];
            sum += (long)present[a] * morale[a];
        }

        return men == 0 ? 0 : (int)(sum / men);
    }

    private void Fight(int region)
    {
        var b = Definition.Battle;
        var startR = Men(romans, present);
        var startP = Men(persians, present);
        var breakR = FixedMath.MulDivRound(startR, FixedMath.MulDivRound(b.BreakLoss.Raw, SideMorale(romans), Ratio.Scale), Ratio.Scale);
        var breakP = FixedMath.MulDivRound(startP, FixedMath.MulDivRound(b.BreakLoss.Raw, SideMorale(persians), Ratio.Scale), Ratio.Scale);

        // The weather of the battle day: a storm drives into one side's faces.
        int weatherR = Ratio.Scale, weatherP = Ratio.Scale, stormOn = -1;
        if (weatherDice.Chance(b.StormOdds, out var stormRoll))
        {
            stormOn = weatherDice.NextInt(2);
            if (stormOn == 0)
            {
                weatherR = b.StormFactor.Raw;
            }
            else
            {
                weatherP = b.StormFactor.Raw;
            }

            Emit(WarEventKind.Storm, region, stormOn == 0 ? romans[0] : persians[0], v1: stormOn, odds: b.StormOdds.Raw, roll: stormRoll);
        }

        long lostR = 0, lostP = 0;
        var hours = 0;
        while (hours < b.HoursPerDay && lostR < breakR && lostP < breakP)
        {
            hours++;
            var pr = SidePower(romans, weatherR);
            var pp = SidePower(persians, weatherP);
            var nr = Men(romans, present);
            var np = Men(persians, present);
            var meanR = FixedMath.MulDivRound(b.Lethality.Raw, FixedMath.ISqrt(pp * nr) * 100, Ratio.Scale);
            var meanP = FixedMath.MulDivRound(b.Lethality.Raw, FixedMath.ISqrt(pr * np) * 100, Ratio.Scale);
            var hitR = battleDice.Casualties(meanR, (int)nr);
            var hitP = battleDice.Casualties(meanP, (int)np);
            Spread(romans, hitR, b.WoundedShare, toCaptured: false);
            Spread(persians, hitP, b.WoundedShare, toCaptured: false);
            lostR += hitR;
            lostP += hitP;
        }

        // Who gave way: a side past its break point. When neither broke by dusk the day is drawn: the side nearer to
        // its break point loses heart, both stay on the field, and the fight goes on tomorrow if both still want it.
        var nearerP = lostP * Math.Max(1, breakR) > lostR * Math.Max(1, breakP);
        if (lostR < breakR && lostP < breakP)
        {
            foreach (var a in nearerP ? persians : romans)
            {
                morale[a] = Math.Max(0, morale[a] - (b.MoraleLoss.Raw / 2));
            }

            battles.Add(new BattleRecord(Day, region, romans[0], persians[0], false, false, (int)lostR, (int)lostP, (int)startR, (int)startP, stormOn) { Drawn = true });
            NoteEarlyBattle(region, drawn: true, romeWon: false);
            Emit(WarEventKind.BattleFought, region, romans[0], persians[0], v1: (int)lostR, v2: (int)lostP, v3: 8);
            return;
        }

        var romeWon = lostP >= breakP && (lostR < breakR || nearerP);

        var losers = romeWon ? persians : romans;
        var winners = romeWon ? romans : persians;

        // Pursuit of the broken side.
        {
            var remaining = Men(losers, present);
            var pursuit = battleDice.Casualties(FixedMath.MulDivRound(remaining, b.PursuitLoss.Raw * 100L, Ratio.Scale), (int)remaining);
            var taken = (int)FixedMath.MulDivRound(pursuit, b.CapturedShare.Raw, Ratio.Scale);
            Spread(losers, taken, Ratio.Zero, toCaptured: true);
            Spread(losers, pursuit - taken, Ratio.Zero, toCaptured: false);
            if (romeWon)
            {
                lostP += pursuit;
            }
            else
            {
                lostR += pursuit;
            }
        }

        var loserStart = romeWon ? startP : startR;
        var loserLost = romeWon ? lostP : lostR;
        var decisive = loserLost * Ratio.Scale >= loserStart * b.DecisiveLoss.Raw;
        foreach (var a in winners)
        {
            morale[a] = Math.Min(Ratio.Scale, morale[a] + b.MoraleWin.Raw);
        }

        foreach (var a in losers)
        {
            morale[a] = Math.Max(0, morale[a] - b.MoraleLoss.Raw);
        }

        battles.Add(new BattleRecord(Day, region, romans[0], persians[0], romeWon, decisive, (int)lostR, (int)lostP, (int)startR, (int)startP, stormOn));
        NoteEarlyBattle(region, drawn: false, romeWon: romeWon);
        Emit(WarEventKind.BattleFought, region, romans[0], persians[0], v1: (int)lostR, v2: (int)lostP, v3: (romeWon ? 1 : 0) + (decisive ? 2 : 0) + 4);
        AfterBattle(region, romeWon, decisive, winners, losers);
    }

    /// <summary>Spreads a side's losses over its armies in proportion to their men (the remainder in army order).</summary>
    private void Spread(List<int> side, long losses, Ratio woundedShare, bool toCaptured)
    {
        if (losses <= 0)
        {
            return;
        }

        var men = Men(side, present);
        if (men <= 0)
        {
            return;
        }

        var left = losses;
        Span<long> part = stackalloc long[side.Count];
        for (var i = 0; i < side.Count; i++)
        {
            part[i] = Math.Min(present[side[i]], losses * present[side[i]] / men);
            left -= part[i];
        }

        for (var i = 0; left > 0 && i < side.Count * 2; i++)
        {
            var k = i % side.Count;
            if (part[k] < present[side[k]])
            {
                part[k]++;
                left--;
            }
        }

        for (var i = 0; i < side.Count; i++)
        {
            var a = side[i];
            var n = (int)part[i];
            present[a] -= n;
            if (toCaptured)
            {
                captured[a] += n;
            }
            else
            {
                var w = (int)FixedMath.MulDivRound(n, woundedShare.Raw, Ratio.Scale);
                wounded[a] += w;
                killed[a] += n - w;
            }
        }
    }

    /// <summary>The beaten side falls back towards its own ground or dissolves; the result moves the war.</summary>
    private void AfterBattle(int region, bool romeWon, bool decisive, List<int> winners, List<int> losers)
    {
        foreach (var a in losers.ToArray())
        {
            // An army whose commander governs provinces his side still holds falls back to them to be filled again
            // (Shahrbaraz's, beaten in 622-625, stood at Chalcedon in 626); one with nothing behind it breaks up.
            if (present[a] < Definition.Battle.DissolveBelow && Definition.Armies[a].Side != Power.Rome && !GovernsHeldRegion(a))
            {
                active[a] = false;
                deserted[a] += present[a];
                present[a] = 0;
                Emit(WarEventKind.ArmyDissolved, region, a);
                continue;
            }

            Withdraw(a, region);
        }

        AfterTrapDefeat(losers);
        OnBattle(region, romeWon, decisive, winners, losers);
    }

    /// <summary>An army falls back one leg towards the nearest region its side holds (it stays when there is no way).</summary>
    private void Withdraw(int army, int region)
    {
        var side = Side(army);
        var (dist, _) = Paths(army, region, -1);
        int goal = -1;
        for (var r = 0; r < dist.Length; r++)
        {
            var own = holder[r] == side || (side == Power.Rome && holder[r] == Power.Turks);
            if (r != region && own && dist[r] != int.MaxValue && (goal < 0 || dist[r] < dist[goal]))
            {
                goal = r;
            }
        }

        if (goal < 0)
        {
            return;
        }

        var (next, days) = NextLeg(army, region, goal);
        if (next < 0)
        {
            return;
        }

        destination[army] = goal;
        nextRegion[army] = next;
        daysLeft[army] = days;
        Emit(WarEventKind.MarchBegan, region, army, v1: goal, v2: 1);
    }

    /// <summary>Whether army <paramref name="a"/>'s commander governs a region its side holds.</summary>
    private bool GovernsHeldRegion(int a)
    {
        for (var r = 0; r < holder.Length; r++)
        {
            if (holder[r] == Side(a) && Definition.Regions[r].Governor is { } g && armyIndex[g] == a)
            {
                return true;
            }
        }

        return false;
    }
}
