using Bosporos.Kernel.Numerics;

namespace Bosporos.Kernel.War;

/// <summary>
/// The campaigns before the split of 626 (622–625): the emperor's objectives in order (drill, seek the enemy's
/// general, winter quarters, strike at the king's court), each done when the state of the war says so, not on a date;
/// the khagan's threat that keeps the emperor at home until a peace is bought; the king's generals shadowing the
/// emperor west of the Euphrates, the armies he sends to trap him after his court is sacked, and the general of the
/// straits marching on Chalcedon once the emperor winters in his own lands.
/// </summary>
public sealed partial class WarSimulation
{
    private int planStep;
    private int stepArrivedDay;
    private bool stepSawWinter;
    private bool quartered;
    private int avarHoldUntil;
    private bool avarPeace;
    private bool avarThreat;
    private bool kingFled;
    private int courtSackDay;
    private bool trapSprung;
    private bool straitsOrdered;
    private int trapBattlesWon;
    private int shahrbarazBeatenDay;
    private int sarusDay;
    private int courierDefeatsBase;
    private int[] metEmperor = [];
    private int[] levied = [];

    private void ResetEarly()
    {
        planStep = 0;
        stepArrivedDay = -1;
        stepSawWinter = false;
        quartered = false;
        avarHoldUntil = -1;
        avarPeace = false;
        avarThreat = false;
        kingFled = false;
        courtSackDay = -1;
        trapSprung = false;
        straitsOrdered = false;
        trapBattlesWon = 0;
        shahrbarazBeatenDay = -1;
        sarusDay = -1;
        courierDefeatsBase = 0;
        metEmperor = new int[present.Length];
        Array.Fill(metEmperor, -1);
        seekSince = new int[present.Length];
        Array.Fill(seekSince, -1);
        levied = new int[present.Length];
        if (Definition.Heraclius.StartMorale.Raw > 0)
        {
            morale[heraclius] = Definition.Heraclius.StartMorale.Raw;
        }
    }

    /// <summary>Whether the campaign is still before the split (the years 622–625 when it starts in 622).</summary>
    private bool BeforeSplit => Day < Definition.Heraclius.SplitDay;

    /// <summary>The emperor is held at home by the khagan's threat until the peace is bought.</summary>
    private bool EmperorHeld => avarHoldUntil >= 0 && Day < avarHoldUntil;

    private void EarlyDoctrines()
    {
        AvarDoctrine();

        // The king's generals aim at where the emperor stands before he decides whether to wait for them.
        ShadowDoctrine();
        TrapDoctrine();
        if (active[heraclius])
        {
            Plan();
        }
    }

    /// <summary>On the first day of each winter before a peace, the khagan may threaten the capital; the emperor goes home until the peace.</summary>
    private void AvarDoctrine()
    {
        if (Definition.Avars is not { } av)
        {
            return;
        }

        if (avarHoldUntil >= 0 && Day == avarHoldUntil)
        {
            avarPeace = true;
            Emit(WarEventKind.AvarPeace, capitalRegion, heraclius);
        }

        if (avarPeace || avarHoldUntil >= 0 || !IsWinter(Day) || (Day > 0 && IsWinter(Day - 1)))
        {
            return;
        }

        if (avarDice.Chance(av.ThreatOdds, out var roll))
        {
            var days = av.PeaceDaysMin + avarDice.NextInt(Math.Max(1, av.PeaceDaysMax - av.PeaceDaysMin + 1));
            avarHoldUntil = Day + days;
            avarThreat = true;
            Emit(WarEventKind.AvarThreat, capitalRegion, heraclius, v1: days, odds: av.ThreatOdds.Raw, roll: roll);
        }
    }

    /// <summary>The emperor's objectives in order: each is pursued until its condition holds, then the next begins.</summary>
    private void Plan()
    {
        var plan = Definition.Heraclius.Plan;
        for (var guard = 0; planStep < plan.Length && guard < plan.Length; guard++)
        {
            var step = plan[planStep];
            if (!StepDone(step))
            {
                Pursue(step);
                return;
            }

            if (step.Kind == StepKind.Train)
            {
                Emit(WarEventKind.Trained, location[heraclius], heraclius, v1: morale[heraclius]);
            }

            planStep++;
            stepArrivedDay = -1;
            stepSawWinter = false;
            quartered = false;
        }
    }

    private bool StepDone(CampaignStep step)
    {
        var here = location[heraclius] == StepRegion(step) && daysLeft[heraclius] == 0;
        if (here && stepArrivedDay < 0)
        {
            stepArrivedDay = Day;
        }

        var winter = IsWinter(Day);
        stepSawWinter |= winter;
        switch (step.Kind)
        {
            case StepKind.March:
                return here;
            case StepKind.Train:
                return stepArrivedDay >= 0 && Day - stepArrivedDay >= step.Days;
            case StepKind.Seek:
                var t = armyIndex[step.Army!];
                return winter || !active[t] || present[t] == 0 || (seekSince[t] >= 0 && metEmperor[t] >= seekSince[t]);
            case StepKind.Sack:
                return winter || sacked[StepRegion(step)];
            default:
                // Winter quarters: left when the next campaigning season opens (the first two months after winter)
                // and the emperor is not held at home.
                var m = DateOf(Day).Month;
                var open = (Definition.Season.WinterToMonth % 12) + 1;
                return stepSawWinter && !winter && !EmperorHeld && (m == open || m == (open % 12) + 1);
        }
    }

    /// <summary>The day the emperor began to seek each army (-1: not sought); a battle counts from then.</summary>
    private int[] seekSince = [];

    private int StepRegion(CampaignStep step) => step.Region is { } r ? regionIndex[r] : -1;

    private void Pursue(CampaignStep step)
    {
        if (step.Kind == StepKind.Seek)
        {
            var t = armyIndex[step.Army!];
            if (seekSince[t] < 0)
            {
                seekSince[t] = Day;
            }

            // Aim where the enemy stands, or where he is going when he is on the march (so they meet, not pass).
            var goal = daysLeft[t] > 0 && nextRegion[t] >= 0 ? nextRegion[t] : location[t];
            if (daysLeft[heraclius] == 0 && goal != location[heraclius] && destination[heraclius] != goal)
            {
                Order(heraclius, goal);
            }

            return;
        }

        var region = StepRegion(step);
        if (daysLeft[heraclius] == 0 && step.Kind != StepKind.Winter && EnemyComing())
        {
            return; // he turns on an enemy marching into his region and waits for him (the Sarus, 625)
        }

        if (location[heraclius] == region && daysLeft[heraclius] == 0)
        {
            if (step.Kind == StepKind.Winter && !quartered)
            {
                quartered = true;
                Emit(WarEventKind.WinterQuarters, region, heraclius, v1: present[heraclius]);
            }

            return;
        }

        if (destination[heraclius] != region)
        {
            Order(heraclius, region);
        }
    }

    /// <summary>Longest wait, in days of the enemy's march, for an enemy army coming for him.</summary>
    private const int WaitDays = 30;

    /// <summary>A Persian field army is marching on the emperor's region and will be there within a month.</summary>
    private bool EnemyComing()
    {
        var here = location[heraclius];
        for (var a = 0; a < present.Length; a++)
        {
            if (!active[a] || inSiege[a] || destination[a] != here || Side(a) != Power.Persia || Definition.Armies[a].Role != ArmyRole.Field
                || present[a] == 0 || (a == shahrbaraz && shahrbarazTurned))
            {
                continue;
            }

            var rest = daysLeft[a] > 0 && nextRegion[a] >= 0 ? daysLeft[a] + PathDays(a, nextRegion[a], here) : PathDays(a, location[a], here);
            if (rest >= 0 && rest <= WaitDays)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In a campaigning season the king's generals of the west go against the emperor while he stands west of the Euphrates.</summary>
    private void ShadowDoctrine()
    {
        if (IsWinter(Day))
        {
            return;
        }

        var plan = Definition.Heraclius.Plan;
        if (quartered || (planStep < plan.Length && plan[planStep].Kind == StepKind.Train))
        {
            return; // the emperor in quarters or at his drill is not sought out
        }

        var at = location[heraclius];
        var west = Definition.Regions[at].EuphratesLine;
        foreach (var id in Definition.Khosrow.Shadow)
        {
            var s = armyIndex[id];
            // A general whose army is below half its strength rebuilds it before he takes the field again.
            if (!west || !active[s] || inSiege[s] || present[s] * 2 < Definition.Armies[s].Strength || (s == shahrbaraz && (shahrbarazTurned || straitsOrdered)) || daysLeft[s] > 0)
            {
                continue;
            }

            // He waits where he is when the emperor is already coming for him.
            if (location[s] != at && destination[s] != at && !(destination[heraclius] == location[s] || nextRegion[heraclius] == location[s]))
            {
                Order(s, at);
            }
        }
    }

    /// <summary>
    /// When his court has been sacked the king raises and sends armies to trap the emperor; each goes after him until it
    /// has fought him. Once the emperor winters in his own lands, the general of the straits marches on Chalcedon.
    /// </summary>
    private void TrapDoctrine()
    {
        var k = Definition.Khosrow;
        if (courtSackDay < 0)
        {
            return;
        }

        if (!trapSprung)
        {
            trapSprung = true;
            foreach (var id in k.Trap)
            {
                var t = armyIndex[id];
                Raise(t);
            }
        }

        if (!straitsOrdered && k.StraitsRegion is { } straits && quartered && holder[location[heraclius]] == Power.Rome
            && active[shahrbaraz] && !shahrbarazTurned)
        {
            straitsOrdered = true;
            Order(shahrbaraz, regionIndex[straits]);
        }

        // Until he stands at the straits he makes for them again whenever a withdrawal turned him aside.
        if (straitsOrdered && k.StraitsRegion is { } goal && active[shahrbaraz] && !shahrbarazTurned && !inSiege[shahrbaraz] && daysLeft[shahrbaraz] == 0
            && location[shahrbaraz] != regionIndex[goal] && destination[shahrbaraz] != regionIndex[goal])
        {
            Order(shahrbaraz, regionIndex[goal]);
        }

        foreach (var id in k.Trap)
        {
            var t = armyIndex[id];
            var follows = t == shahrbaraz; // the general of the west follows the emperor until he winters in his own lands
            // The others set out when they are at rest; the follower re-aims every day at where the emperor now is.
            if (!active[t] || inSiege[t] || present[t] == 0 || (metEmperor[t] >= courtSackDay && !follows) || (daysLeft[t] > 0 && !follows)
                || (t == shahrbaraz && (straitsOrdered || shahrbarazTurned)))
            {
                continue;
            }

            var at = location[heraclius];
            if (location[t] != at && destination[t] != at && !(destination[heraclius] == location[t] || nextRegion[heraclius] == location[t]))
            {
                Order(t, at);
            }
        }
    }

    /// <summary>After the split the armies raised for the king's trap go home (their men folded into the offensive of 626).</summary>
    private void DisbandTrap()
    {
        foreach (var id in Definition.Khosrow.Trap)
        {
            var t = armyIndex[id];
            if (Definition.Armies[t].Raised || !active[t] || inSiege[t])
            {
                continue;
            }

            Disband(t);
        }
    }

    private void Disband(int army)
    {
        Emit(WarEventKind.ArmyDisbanded, location[army], army, v1: present[army]);
        deserted[army] += present[army];
        present[army] = 0;
        active[army] = false;
        destination[army] = -1;
        nextRegion[army] = -1;
        daysLeft[army] = 0;
    }

    /// <summary>Records who fought the emperor, his wins over Shahrbaraz and the king's trap, and the Sarus.</summary>
    private void NoteEarlyBattle(int region, bool drawn, bool romeWon)
    {
        if (!romans.Contains(heraclius))
        {
            return;
        }

        // A day that ends with neither side broken does not settle the encounter: the emperor keeps after him.
        foreach (var p in persians)
        {
            if (!drawn)
            {
                metEmperor[p] = Day;
            }
        }

        if (persians.Contains(shahrbaraz))
        {
            if (romeWon && !drawn && shahrbarazBeatenDay < 0)
            {
                shahrbarazBeatenDay = Day;
            }

            if (courtSackDay >= 0 && sarusDay < 0 && BeforeSplit && Definition.Regions[region].EuphratesLine && holder[region] == Power.Persia)
            {
                sarusDay = Day;
            }
        }

        if (romeWon && !drawn && courtSackDay >= 0 && BeforeSplit && persians.Exists(p => Array.IndexOf(Definition.Khosrow.Trap, Definition.Armies[p].Id) >= 0))
        {
            trapBattlesWon++;
        }
    }

    /// <summary>A beaten army raised for the trap goes home.</summary>
    private void AfterTrapDefeat(List<int> losers)
    {
        foreach (var a in losers.ToArray())
        {
            if (active[a] && !Definition.Armies[a].Raised && courtSackDay >= 0 && BeforeSplit && Array.IndexOf(Definition.Khosrow.Trap, Definition.Armies[a].Id) >= 0)
            {
                Disband(a);
            }
        }
    }

    /// <summary>Before the split (the king's: before the siege), standing field armies below their strength at rest on their own ground take in levies.</summary>
    private void Levies()
    {
        var share = Definition.Supply.Levy.Raw;
        if (share == 0)
        {
            return;
        }

        for (var a = 0; a < present.Length; a++)
        {
            var def = Definition.Armies[a];
            // Only the standing armies (those of the start) are rebuilt: armies raised for a purpose are not. The emperor's
            // levies end when he splits his army; the king's go on until his offensive of 626 reaches the capital.
            var levying = def.Side == Power.Persia ? Day < SiegeStartDay : BeforeSplit;
            if (!levying || !def.Raised || !active[a] || inSiege[a] || daysLeft[a] > 0 || def.Role != ArmyRole.Field || present[a] >= def.Strength
                || holder[location[a]] != Side(a))
            {
                if (levied[a] > 0)
                {
                    Emit(WarEventKind.Levied, location[a], a, v1: levied[a]);
                    levied[a] = 0;
                }

                continue;
            }

            var men = (int)Math.Min(def.Strength - present[a], Math.Max(1, FixedMath.MulDivRound(def.Strength, share, Ratio.Scale)));
            present[a] += men;
            arrived[a] += men;
            levied[a] += men;
        }
    }

    private void HashEarly(ref WarHasher h)
    {
        h.Add(planStep);
        h.Add(stepArrivedDay);
        h.Add((stepSawWinter ? 1 : 0) + (quartered ? 2 : 0) + (avarPeace ? 4 : 0) + (kingFled ? 8 : 0) + (trapSprung ? 16 : 0) + (straitsOrdered ? 32 : 0));
        h.Add(avarHoldUntil);
        h.Add(courtSackDay);
        h.Add(trapBattlesWon);
        h.Add(shahrbarazBeatenDay);
        h.Add(sarusDay);
        h.Add(courierDefeatsBase);
        for (var i = 0; i < metEmperor.Length; i++)
        {
            h.Add(metEmperor[i]);
            h.Add(seekSince[i]);
        }
    }
}
