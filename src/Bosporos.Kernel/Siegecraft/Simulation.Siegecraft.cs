using Bosporos.Kernel.Events;
using Bosporos.Kernel.Numerics;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Kernel;

// Engines are built over hours, shoot by day, are shot at and burned; walls lose integrity to stones, rams and
// sappers and win it back by the defenders' labour at night.
public sealed partial class Simulation
{
    private int batteredMask;
    private bool allEnginesReady;
    private int repairedMask;

    private void RunSiegecraft(int hour)
    {
        var sc = Definition.Siegecraft;
        if (engineBuildStartHour >= 0 && !allEnginesReady)
        {
            allEnginesReady = true;
            foreach (var p in Index.AttackerParks)
            {
                CompleteBuilding(p);
            }
        }

        if (hour >= sc.ShootFromHour && hour < sc.ShootUntilHour)
        {
            Bombard();
        }
        else if (hour == sc.ShootUntilHour && batteredMask != 0)
        {
            for (var s = 0; s < outerIntegrity.Length; s++)
            {
                if ((batteredMask & (1 << s)) != 0)
                {
                    Emit(EventKind.WallBattered, Index.SectorZone[s], v1: outerIntegrity[s] / 10, v2: innerIntegrity[s] / 10, v3: AttackerEnginesAt(s));
                }
            }

            batteredMask = 0;
        }

        if (IsNight(hour))
        {
            Repair();
        }

        // The night's work is told at its last hour, before the dawn's decisions and assaults.
        if (hour == DawnHour - 1 && repairedMask != 0)
        {
            for (var s = 0; s < outerIntegrity.Length; s++)
            {
                if ((repairedMask & (1 << s)) != 0)
                {
                    Emit(EventKind.WallRepaired, Index.SectorZone[s], v1: outerIntegrity[s] / 10, v2: innerIntegrity[s] / 10);
                }
            }

            repairedMask = 0;
        }
    }

    private void CompleteBuilding(int park)
    {
        if (enginesReady[park])
        {
            return;
        }

        if (Now.Hours < engineBuildStartHour + Definition.Engines[park].BuildHours)
        {
            allEnginesReady = false;
            return;
        }

        enginesReady[park] = true;
        Emit(EventKind.EnginesBuilt, Index.SectorZone[Index.EngineSector[park]], park, v1: engines[park]);
    }

    private void Bombard()
    {
        var dmg = Definition.Siegecraft.StoneDamagePerEngineHour.Raw;
        foreach (var p in Index.AttackerStoneThrowers)
        {
            if (!enginesReady[p] || engines[p] <= 0)
            {
                continue;
            }

            var s = Index.EngineSector[p];
            DamageWall(s, siegecraftDice.Casualties((long)engines[p] * dmg * 100, int.MaxValue));
            batteredMask |= 1 << s;
        }

        // Counter-battery: every defending engine gets a shot at an enemy engine facing its sector. The hits of the
        // hour are drawn at once (a binomial over the engines' shots); each wrecks one engine.
        var odds = Definition.Command.Defenders.CounterBattery;
        foreach (var d in Index.DefenderEngines)
        {
            var s = Index.EngineSector[d];
            if (engines[d] <= 0 || EnemyEngineAt(s) < 0)
            {
                continue;
            }

            var hits = siegecraftDice.Binomial(engines[d], odds, out var roll);
            for (var j = 0; j < hits; j++)
            {
                var target = EnemyEngineAt(s);
                if (target < 0)
                {
                    break;
                }

                engines[target]--;
                enginesLost++;
                Emit(EventKind.EngineWrecked, Index.SectorZone[s], target, v1: engines[target], odds: RandomStream.AnyOf(engines[d], odds), roll: roll);
            }
        }
    }

    /// <summary>The enemy park at a sector the defenders shoot at first: stone-throwers, then towers.</summary>
    private int EnemyEngineAt(int sector)
    {
        foreach (var p in Index.AttackerStoneThrowers)
        {
            if (Index.EngineSector[p] == sector && enginesReady[p] && engines[p] > 0)
            {
                return p;
            }
        }

        foreach (var p in Index.AttackerTowers)
        {
            if (Index.EngineSector[p] == sector && enginesReady[p] && engines[p] > 0)
            {
                return p;
            }
        }

        return -1;
    }

    private int AttackerEnginesAt(int sector)
    {
        var n = 0;
        foreach (var p in Index.AttackerStoneThrowers)
        {
            if (Index.EngineSector[p] == sector)
            {
                n += engines[p];
            }
        }

        return n;
    }

    /// <summary>Stones hit the outer wall first; the inner wall only once the outer is down or where there is none.</summary>
    private void DamageWall(int sector, int damage)
    {
        if (damage <= 0)
        {
            return;
        }

        var sec = Definition.WallSectors[sector];
        if (sec.OuterWall && outerIntegrity[sector] > 0)
        {
            outerIntegrity[sector] = Math.Max(0, outerIntegrity[sector] - damage);
        }
        else if (sec.InnerWall)
        {
            innerIntegrity[sector] = Math.Max(0, innerIntegrity[sector] - damage);
        }

        if (!Index.IsSeaWall[sector])
        {
            var standing = sec.OuterWall ? outerIntegrity[sector] : innerIntegrity[sector];
            minWallIntegrity = Math.Min(minWallIntegrity, standing);
        }
    }

    /// <summary>Rams under tortoises and trained men with picks at the wall foot during an assault hour.</summary>
    private void Sap(int sector, long sapWeight)
    {
        var sc = Definition.Siegecraft;
        var tortoises = 0;
        foreach (var p in Index.AttackerTortoises)
        {
            if (Index.EngineSector[p] == sector && enginesReady[p])
            {
                tortoises += engines[p];
            }
        }

        var damage = ((long)tortoises * sc.TortoiseDamagePerHour.Raw) + (sapWeight * sc.SappingPerThousandHour.Raw / 1000);
        DamageWall(sector, (int)Math.Min(int.MaxValue, damage));
    }

    private void BurnTowers(int sector)
    {
        var odds = Definition.Command.Defenders.BurnTower;
        foreach (var p in Index.AttackerTowers)
        {
            if (Index.EngineSector[p] != sector || !enginesReady[p])
            {
                continue;
            }

            var burned = Math.Min(engines[p], siegecraftDice.Binomial(engines[p], odds, out var roll));
            var anyOdds = RandomStream.AnyOf(engines[p], odds);
            for (var j = 0; j < burned; j++)
            {
                engines[p]--;
                towersBurned++;
                enginesLost++;
                Emit(EventKind.TowerBurned, Index.SectorZone[sector], p, v1: engines[p], odds: anyOdds, roll: roll);
            }
        }
    }

    /// <summary>Night labour: each hour restores integrity in proportion to how fully the sector is manned.</summary>
    private void Repair()
    {
        var d = Definition;
        var perHour = d.Command.Defenders.NightRepairPerHour.Raw;
        for (var s = 0; s < outerIntegrity.Length; s++)
        {
            var sec = d.WallSectors[s];
            var full = sec.Integrity.Raw;
            var outerDown = sec.OuterWall && outerIntegrity[s] < full;
            if (!outerDown && !(sec.InnerWall && innerIntegrity[s] < full))
            {
                continue;
            }

            var manning = Math.Min(Ratio.Scale, defendersAt[s] * (long)Ratio.Scale / Index.SectorFrontage[s]);
            var amount = (int)(perHour * manning / Ratio.Scale);
            if (amount <= 0)
            {
                continue;
            }

            if (outerDown)
            {
                outerIntegrity[s] = Math.Min(full, outerIntegrity[s] + amount);
            }
            else
            {
                innerIntegrity[s] = Math.Min(full, innerIntegrity[s] + amount);
            }

            repairedMask |= 1 << s;
        }
    }
}
