namespace Bosporos.Kernel.War;

/// <summary>
/// The commanders' doctrines: the emperor's split, alliance, invasion, raid and winter quarters; his brother's
/// stand against Shahin; the king's orders to Shahin, the armies he raises and recalls; the Turks' coming and going.
/// Each acts on the state of the war, not on dates of the historical campaign (the days in the doctrines are the
/// earliest moments at which a decision could be taken, cited in the scenario).
/// </summary>
public sealed partial class WarSimulation
{
    private readonly int capitalRegion;
    private readonly int heraclius;
    private readonly int capitalArmy;
    private readonly int theodore;
    private readonly int shahin;
    private readonly int shahrbaraz;
    private readonly int turks;

    private bool allianceSought;
    private bool turksAllied;
    private int turksArrivedDay;
    private int invasionDay;
    private bool persiansOrdered;
    private bool theodoreBeatShahin;
    private int decisiveBattleDay;
    private bool decisiveBattleWon;
    private int sackDay;
    private int capitalReinforcements;
    private bool citySiegeBegun;

    private void ResetDoctrine()
    {
        allianceSought = false;
        turksAllied = false;
        turksArrivedDay = -1;
        invasionDay = -1;
        persiansOrdered = false;
        theodoreBeatShahin = false;
        decisiveBattleDay = -1;
        decisiveBattleWon = false;
        sackDay = -1;
        capitalReinforcements = 0;
        citySiegeBegun = false;
        battles.Clear();
    }

    private void Doctrines()
    {
        var h = Definition.Heraclius;
        if (BeforeSplit)
        {
            EarlyDoctrines();
        }

        if (Day == h.SplitDay && active[heraclius])
        {
            Split(h);
        }

        if (Day == Definition.Khosrow.ShahinMarchDay)
        {
            // The king's new army of 626 (Theophanes) is raised when it marches, unless it stood from the start.
            Raise(shahin);
            if (active[shahin])
            {
                Order(shahin, regionIndex[Definition.Khosrow.ShahinTarget]);
            }
        }

        TheodoreDoctrine();
        TurkDoctrine();
        InvasionDoctrine(h);
    }

    private void Split(HeracliusDoctrine h)
    {
        var at = location[heraclius];
        var send = 0;
        var brother = 0;
        DisbandTrap();
        quartered = false;
        courierDefeatsBase = persianDefeats;
        if (h.Split)
        {
            send = Math.Min(h.CapitalSend, present[heraclius]);
            Activate(capitalArmy, at);
            Transfer(heraclius, capitalArmy, send);
            Order(capitalArmy, capitalRegion);
            brother = (int)Numerics.FixedMath.MulDivRound(present[heraclius], h.TheodoreShare.Raw, Numerics.Ratio.Scale);
            Activate(theodore, at);
            Transfer(heraclius, theodore, brother);
            capitalReinforcements = send;
        }

        Emit(WarEventKind.ArmySplit, at, heraclius, v1: send, v2: brother, v3: present[heraclius]);
        Order(heraclius, regionIndex[h.AllianceRegion]);
    }

    private void Activate(int army, int region)
    {
        active[army] = true;
        location[army] = region;
        morale[army] = Definition.Armies[army].Morale.Raw;
    }

    /// <summary>
    /// The brother bars the road where the split leaves him; once Shahin is beaten or gone he rejoins the emperor
    /// and his men become the emperor's.
    /// </summary>
    private void TheodoreDoctrine()
    {
        if (!active[theodore] || daysLeft[theodore] > 0 || present[theodore] == 0)
        {
            return;
        }

        var shahinAbroad = active[shahin] && present[shahin] > 0 && holder[location[shahin]] != Power.Persia;
        if (!theodoreBeatShahin && (shahinAbroad || Day < Definition.Khosrow.ShahinMarchDay + 60))
        {
            return;
        }

        if (location[theodore] == location[heraclius] && daysLeft[heraclius] == 0)
        {
            Transfer(theodore, heraclius, present[theodore]);
            active[theodore] = false;
            Emit(WarEventKind.ArmyArrived, location[heraclius], heraclius, theodore, v1: present[heraclius]);
        }
        else if (daysLeft[heraclius] == 0 && destination[theodore] != location[heraclius])
        {
            Order(theodore, location[heraclius]);
        }
    }

    private void TurkDoctrine()
    {
        var t = Definition.Turks;
        var h = Definition.Heraclius;
        if (!allianceSought && t.Alliance && location[heraclius] == regionIndex[h.AllianceRegion] && daysLeft[heraclius] == 0 && Day > h.SplitDay)
        {
            allianceSought = true;
            turksAllied = diplomacyDice.Chance(t.AllianceOdds, out var roll);
            Emit(WarEventKind.AllianceSought, location[heraclius], heraclius, turks, v1: turksAllied ? 1 : 0, odds: t.AllianceOdds.Raw, roll: roll);
        }

        if (turksAllied && turksArrivedDay < 0 && Day >= t.ArriveDay)
        {
            var ravage = regionIndex[t.RavageRegion];
            location[turks] = ravage;
            Raise(turks);
            turksArrivedDay = Day;
            Emit(WarEventKind.TurksArrived, ravage, turks, v1: present[turks]);
            if (!sacked[ravage])
            {
                sacked[ravage] = true;
                Emit(WarEventKind.Ravaged, ravage, turks);
                persianDefeats++;
                LoseLegitimacy(t.RavageCost.Raw, WarEventKind.Ravaged);
            }

            Order(turks, regionIndex[t.JoinRegion]);
            if (invasionDay < 0)
            {
                Order(heraclius, regionIndex[t.JoinRegion]);
            }
        }

        if (turksArrivedDay >= 0 && active[turks] && Day > turksArrivedDay && (Day >= turksArrivedDay + t.ServiceDays || IsWinter(Day)))
        {
            active[turks] = false;
            Emit(WarEventKind.TurksLeft, location[turks], turks, v1: present[turks]);
        }
    }

    private void InvasionDoctrine(HeracliusDoctrine h)
    {
        if (!h.Invade || invasionDay >= 0 || Day < h.InvadeFromDay || Day > h.InvadeUntilDay || !active[heraclius]
            || daysLeft[heraclius] > 0 || IsWinter(Day) || !CapitalSafe || present[heraclius] < h.InvadeMinStrength)
        {
            return;
        }

        invasionDay = Day;
        var target = regionIndex[h.InvadeTarget];
        Emit(WarEventKind.InvasionBegan, location[heraclius], heraclius, v1: present[heraclius], v2: target);
        Order(heraclius, target);

        // The king answers: new armies, and every loyal army not held by an enemy is called to the threatened region.
        persiansOrdered = true;
        foreach (var id in Definition.Khosrow.RaiseOnInvasion)
        {
            var a = armyIndex[id];
            Raise(a);
            Order(a, target);
        }

        if (!Definition.Khosrow.Recall)
        {
            return;
        }

        for (var a = 0; a < present.Length; a++)
        {
            if (Definition.Armies[a].Side == Power.Persia && Definition.Armies[a].Role == ArmyRole.Field && active[a] && !inSiege[a]
                && present[a] > 0 && !(a == shahrbaraz && (shahrbarazTurned || shahrbarazEstranged)) && location[a] != target
                && !Array.Exists(Definition.Khosrow.RaiseOnInvasion, id => armyIndex[id] == a) && !EnemyStands(a, location[a]))
            {
                Order(a, target);
                Emit(WarEventKind.Recalled, location[a], a, v1: target);
            }
        }
    }

    /// <summary>
    /// The joint siege of the city where the Turks join the emperor (Tiflis): while both stand before it and the
    /// enemy holds it, it may fall on any day with the cited odds.
    /// </summary>
    private void CitySiege()
    {
        if (turksArrivedDay < 0 || !active[turks])
        {
            return;
        }

        var city = regionIndex[Definition.Turks.JoinRegion];
        if (holder[city] != Power.Persia || location[turks] != city || daysLeft[turks] > 0 || location[heraclius] != city || daysLeft[heraclius] > 0)
        {
            return;
        }

        if (!citySiegeBegun)
        {
            citySiegeBegun = true;
            Emit(WarEventKind.CitySiegeBegan, city, heraclius, turks, v1: present[heraclius] + present[turks]);
        }

        if (battleDice.Chance(Definition.Turks.SiegeFallOdds, out var roll))
        {
            holder[city] = Power.Rome;
            Emit(WarEventKind.CityFell, city, heraclius, turks, odds: Definition.Turks.SiegeFallOdds.Raw, roll: roll);
            persianDefeats++;
            LoseLegitimacy(Definition.Politics.DefeatCost.Raw, WarEventKind.CityFell);
        }
    }

    /// <summary>The capital's siege is over and the city held (or there was none to fear).</summary>
    private bool CapitalSafe => holder[capitalRegion] == Power.Rome && !siegeRunning && (siegeDone || Day > SiegeStartDay);

    private void OnBattle(int region, bool romeWon, bool decisive, List<int> winners, List<int> losers)
    {
        if (romeWon)
        {
            persianDefeats++;
            LoseLegitimacy(Definition.Politics.DefeatCost.Raw + (decisive ? Definition.Politics.DecisiveCost.Raw : 0), WarEventKind.BattleFought);
            if (winners.Contains(theodore) && losers.Contains(shahin))
            {
                theodoreBeatShahin = true;
            }
        }

        var h = Definition.Heraclius;
        if (winners.Contains(heraclius) || losers.Contains(heraclius))
        {
            if (invasionDay >= 0 && decisiveBattleDay < 0 && region == regionIndex[h.InvadeTarget])
            {
                decisiveBattleDay = Day;
                decisiveBattleWon = romeWon && decisive;
            }

            if (romeWon && invasionDay >= 0 && sackDay < 0)
            {
                Order(heraclius, regionIndex[h.RaidTarget]);
            }
        }
    }

    /// <summary>Palaces and fire temples with no Persian army to defend them are sacked by the first Roman army to come.</summary>
    private void Sacks()
    {
        if (!AnyRomanOnSackableGround())
        {
            return;
        }

        for (var r = 0; r < holder.Length; r++)
        {
            if (sacked[r] || holder[r] != Power.Persia || Definition.Regions[r].SackCost.Raw == 0)
            {
                continue;
            }

            int roman = -1;
            var defended = false;
            for (var a = 0; a < present.Length; a++)
            {
                if (location[a] != r || !Fights(a) || present[a] == 0)
                {
                    continue;
                }

                if (Side(a) == Power.Rome && Definition.Armies[a].Side == Power.Rome)
                {
                    roman = a;
                }
                else if (Side(a) == Power.Persia)
                {
                    defended = true;
                }
            }

            if (roman < 0 || defended)
            {
                continue;
            }

            if (Definition.Khosrow.CourtRegion is { } court && regionIndex[court] == r && !kingFled)
            {
                kingFled = true;
                Emit(WarEventKind.KingFled, r, roman);
            }

            sacked[r] = true;
            if (Definition.Khosrow.CourtRegion is { } seat && regionIndex[seat] == r && courtSackDay < 0)
            {
                courtSackDay = Day;
            }

            Emit(WarEventKind.Sacked, r, roman);
            LoseLegitimacy(Definition.Regions[r].SackCost.Raw, WarEventKind.Sacked);
            if (roman == heraclius && r == regionIndex[Definition.Heraclius.RaidTarget])
            {
                sackDay = Day;
                Order(heraclius, regionIndex[Definition.Heraclius.WinterRegion]);
            }
        }
    }

    /// <summary>
    /// Whether a Roman field army stands in an unsacked enemy region that has something to sack: without one the sack
    /// loop changes nothing, and on most days there is none.
    /// </summary>
    private bool AnyRomanOnSackableGround()
    {
        for (var a = 0; a < present.Length; a++)
        {
            if (present[a] == 0 || Definition.Armies[a].Side != Power.Rome || !Fights(a))
            {
                continue;
            }

            var r = location[a];
            if (!sacked[r] && holder[r] == Power.Persia && Definition.Regions[r].SackCost.Raw != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sickness, straggling and desertion on enemy ground and in winter; morale mends on one's own ground.</summary>
    private void Attrition()
    {
        Levies();
        var s = Definition.Supply;
        var winter = IsWinter(Day);
        for (var a = 0; a < present.Length; a++)
        {
            if (!active[a] || inSiege[a] || present[a] == 0 || Definition.Armies[a].Role is not (ArmyRole.Field or ArmyRole.Ally))
            {
                continue;
            }

            var here = daysLeft[a] > 0 && nextRegion[a] >= 0 ? nextRegion[a] : location[a];
            var side = Side(a);
            var own = holder[here] == side || (side == Power.Rome && holder[here] == Power.Turks);
            var enemy = !own && holder[here] != Power.Avars;
            var housed = a == heraclius && quartered;
            long rate = (enemy ? s.HostileAttrition.Raw : 0) + (winter && !own && !housed ? s.WinterAttrition.Raw : 0);
            if (rate > 0)
            {
                var lost = supplyDice.Casualties(Numerics.FixedMath.MulDivRound(present[a], rate * 100, Numerics.Ratio.Scale), present[a]);
                present[a] -= lost;
                deserted[a] += lost;
            }
            else if (daysLeft[a] == 0 && morale[a] < Definition.Armies[a].Morale.Raw)
            {
                morale[a] = Math.Min(Definition.Armies[a].Morale.Raw, morale[a] + s.MoraleRecovery.Raw);
            }
        }
    }
}
