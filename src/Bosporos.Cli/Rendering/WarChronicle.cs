using System.Globalization;
using System.Text.Json;
using Bosporos.Analysis.War;
using Bosporos.Kernel.War;

namespace Bosporos.Cli.Rendering;

/// <summary>Tells a war run: a chronicle by month (the siege inside by day, through the siege chronicle), and the outcome.</summary>
internal static class WarChronicle
{
    public static void Write(TextWriter w, WarSimulation sim)
    {
        var month = -1;
        var siegeTold = false;
        foreach (var e in sim.Events)
        {
            var line = WarSentences.Sentence(sim, e);
            if (line is null)
            {
                continue;
            }

            var date = sim.DateOf(e.Day);
            if (date.Year * 12 + date.Month != month)
            {
                month = date.Year * 12 + date.Month;
                w.WriteLine();
                w.WriteLine($"{WarSentences.Months[date.Month - 1]} {date.Year}");
            }

            w.WriteLine($"  {date.Day,2} {WarSentences.Months[date.Month - 1][..3]}  {line}");
            if (e.Kind == WarEventKind.SiegeBegan && !siegeTold && sim.Siege is { } siege)
            {
                siegeTold = true;
                w.WriteLine();
                w.WriteLine("  The siege, day by day:");
                using var inner = new StringWriter(CultureInfo.InvariantCulture);
                Chronicle.Write(inner, siege.Definition, siege.Events.All);
                foreach (var l in inner.ToString().Split('\n'))
                {
                    w.WriteLine(l.Length == 0 ? string.Empty : "    " + l.TrimEnd('\r'));
                }
            }
        }
    }

    public static string Date(WarSimulation sim, int day) => day < 0 ? "-" : sim.DateOf(day).ToString();

    public static void Summary(TextWriter w, WarSimulation sim)
    {
        var s = sim.Summary;
        w.WriteLine();
        w.WriteLine($"Outcome            {s.Outcome}");
        w.WriteLine($"Capital            {(s.Outcome == WarOutcome.Collapse ? "fallen" : "held")} (siege {s.SiegeOutcome}, {Date(sim, s.SiegeStartDay)} to {Date(sim, s.SiegeEndDay)}; {s.CapitalReinforcements.ToString("N0", CultureInfo.InvariantCulture)} men sent)");
        if (sim.Definition.Heraclius.Plan.Length > 0)
        {
            w.WriteLine($"622-625            Shahrbaraz beaten {Date(sim, s.ShahrbarazBeatenDay)}; Ganzak sacked {Date(sim, s.CourtSackDay)}; {s.TrapBattlesWon} of the king's trap beaten; the Sarus {Date(sim, s.SarusDay)}");
        }

        w.WriteLine($"Theodore v. Shahin {(s.TheodoreBeatShahin ? "Theodore won" : "no Roman victory")}");
        w.WriteLine($"Invasion           {Date(sim, s.InvasionDay)}; decisive battle {Date(sim, s.DecisiveBattleDay)} ({(s.DecisiveBattleWon ? "won" : "not won")}); Dastagerd sacked {Date(sim, s.SackDay)}");
        w.WriteLine($"Shahrbaraz turned  {Date(sim, s.ShahrbarazTurnedDay)}");
        w.WriteLine($"Khosrow falls      {Date(sim, s.KhosrowFallDay)}");
        w.WriteLine($"Peace              {Date(sim, s.PeaceDay)}: {s.ProvincesReturned} of {s.ProvincesOccupied} provinces returned, frontier {WarSentences.FrontierName(s.Frontier)}");
        w.WriteLine($"State hash         {s.StateHash:x16}");
    }

    public static string Json(WarSimulation sim, string scenarioHash)
    {
        var s = sim.Summary;
        string? D(int day) => day < 0 ? null : sim.DateOf(day).ToString();
        var o = new Dictionary<string, object?>
        {
            ["scenario"] = sim.Definition.Id,
            ["scenarioHash"] = scenarioHash,
            ["seed"] = sim.Seed,
            ["outcome"] = s.Outcome.ToString(),
            ["startDate"] = D(0),
            ["endDate"] = D(s.EndDay),
            ["shahrbarazBeaten"] = D(s.ShahrbarazBeatenDay),
            ["avarThreat"] = s.AvarThreat,
            ["ganzakSacked"] = D(s.CourtSackDay),
            ["trapBattlesWon"] = s.TrapBattlesWon,
            ["sarus"] = D(s.SarusDay),
            ["capital"] = new Dictionary<string, object?>
            {
                ["fate"] = s.Outcome == WarOutcome.Collapse ? "fallen" : "held",
                ["siegeOutcome"] = s.SiegeOutcome.ToString(),
                ["siegeStart"] = D(s.SiegeStartDay),
                ["siegeEnd"] = D(s.SiegeEndDay),
                ["reinforcements"] = s.CapitalReinforcements,
                ["siegeStateHash"] = sim.Siege?.StateHash.ToString("x16", CultureInfo.InvariantCulture),
            },
            ["theodoreBeatShahin"] = s.TheodoreBeatShahin,
            ["invasion"] = D(s.InvasionDay),
            ["decisiveBattle"] = D(s.DecisiveBattleDay),
            ["decisiveBattleWon"] = s.DecisiveBattleWon,
            ["dastagerdSacked"] = D(s.SackDay),
            ["shahrbarazTurned"] = D(s.ShahrbarazTurnedDay),
            ["khosrowFall"] = D(s.KhosrowFallDay),
            ["turksAllied"] = s.TurksAllied,
            ["treaty"] = s.Outcome != WarOutcome.Peace ? null : new Dictionary<string, object?>
            {
                ["date"] = D(s.PeaceDay),
                ["provincesReturned"] = s.ProvincesReturned,
                ["provincesOccupied"] = s.ProvincesOccupied,
                ["returned"] = sim.Definition.Regions.Where((r, i) => r.Roman602 && r.Holder == Power.Persia && sim.Holder(i) == Power.Rome).Select(r => r.Id).ToArray(),
                ["frontier"] = s.Frontier.ToString(),
                ["frontierContested"] = "the line of 591 (Theophanes, CMH) against the Euphrates line (Arabissus 629, Chronicle of 724)",
                ["prisoners"] = s.Prisoners,
                ["trueCross"] = s.TrueCross,
            },
            ["legitimacy"] = s.LegitimacyPermille / 1000.0,
            ["stateHash"] = s.StateHash.ToString("x16", CultureInfo.InvariantCulture),
            ["days"] = sim.DailyHashes.Count,
        };
        return JsonSerializer.Serialize(o);
    }
}
