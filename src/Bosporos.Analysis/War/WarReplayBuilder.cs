using System.Globalization;
using System.Text.Json;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Analysis.War;

/// <summary>
/// Runs a war once, a day at a time, and records what a viewer needs (<see cref="WarReplay"/>). Everything comes from
/// the definition and the events, nothing from fixed ids: the same inputs give the same document, byte for byte.
/// </summary>
public static class WarReplayBuilder
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
    };

    /// <summary>
    /// Steps <paramref name="sim"/> (fresh from Create or Reset) to the end, recording every day, and builds the replay.
    /// <paramref name="scenario"/> is how the run names its scenario (a shipped id or a path), as in siege replays.
    /// </summary>
    public static WarReplay Run(WarSimulation sim, string scenario, string scenarioHash, IReadOnlyList<ScenarioOverride> overrides, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sim);
        ArgumentNullException.ThrowIfNull(overrides);
        if (sim.Day != 0)
        {
            throw new ArgumentException("The war must not have been stepped yet.", nameof(sim));
        }

        var d = sim.Definition;
        var n = d.Armies.Length;
        var frames = new List<WarReplayDay>();
        var legTotal = new int[n];
        var lastNext = new int[n];
        Array.Fill(lastNext, -1);
        var holders = d.Regions.Select(r => r.Holder).ToArray();
        var changes = d.Regions.Select(_ => new List<WarReplayHolding>()).ToArray();
        while (!sim.IsOver)
        {
            cancellation.ThrowIfCancellationRequested();
            sim.Step();
            var day = sim.Day - 1;
            var armies = new int[]?[n];
            for (var a = 0; a < n; a++)
            {
                var next = sim.NextRegion(a);
                if (next < 0)
                {
                    legTotal[a] = 0;
                }
                else if (next != lastNext[a] || sim.DaysLeft(a) + 1 > legTotal[a])
                {
                    legTotal[a] = sim.DaysLeft(a) + 1; // the first day of the leg is already marched
                }

                lastNext[a] = next;
                if (!sim.Active(a))
                {
                    continue;
                }

                var progress = next < 0 || legTotal[a] == 0 ? 0 : (int)((legTotal[a] - sim.DaysLeft(a)) * 1000L / legTotal[a]);
                armies[a] = [sim.Location(a), next, progress, sim.Present(a), sim.Morale(a) / 10, sim.InSiege(a) ? 1 : 0];
            }

            for (var r = 0; r < holders.Length; r++)
            {
                if (sim.Holder(r) != holders[r])
                {
                    holders[r] = sim.Holder(r);
                    changes[r].Add(new WarReplayHolding(day, Date(sim, day), Side(holders[r])));
                }
            }

            frames.Add(new WarReplayDay(day, Date(sim, day), armies, sim.Legitimacy / 10, sim.CourierRegion, Hex(sim.DailyHashes[day])));
        }

        var events = new List<WarReplayEvent>(sim.Events.Count);
        var chronicle = new List<WarReplayLine>();
        for (var i = 0; i < sim.Events.Count; i++)
        {
            var e = sim.Events[i];
            var text = WarSentences.Sentence(sim, e);
            events.Add(new WarReplayEvent(i, e.Day, Date(sim, e.Day), Naming.Kebab(e.Kind.ToString()), e.Region, e.Army, e.Other, e.Value1, e.Value2, e.Value3, e.Odds, e.Roll, text));
            if (text is not null)
            {
                chronicle.Add(new WarReplayLine(e.Day, Date(sim, e.Day), i, text));
            }
        }

        return new WarReplay(
            WarReplay.CurrentFormat,
            "war",
            scenario,
            d.Name,
            scenarioHash,
            sim.Seed.ToString(CultureInfo.InvariantCulture),
            overrides.Select(o => new WarReplayOverride(o.Path, o.Value)).ToArray(),
            sim.DateOf(0).ToString(),
            frames.Count,
            d.Regions.Select((r, i) => new WarReplayRegion(
                r.Id, r.Name, r.Latitude.Micro / 1e6, r.Longitude.Micro / 1e6, r.Capital, r.Roman602, Side(r.Holder), changes[i])).ToArray(),
            d.Routes.Select(r => new WarReplayRoute(sim.RegionIndex(r.From), sim.RegionIndex(r.To), Naming.Kebab(r.Kind.ToString()), r.Days, r.WinterDays)).ToArray(),
            d.Armies.Select(a => new WarReplayArmy(a.Id, a.Name, Side(a.Side), a.Commander, Naming.Kebab(a.Role.ToString()), a.Strength)).ToArray(),
            "region,next,progressPermille,present,moralePermille,inSiege",
            frames,
            Battles(sim, frames),
            sim.Events.Where(e => e.Kind == WarEventKind.Sacked)
                .Select(e => new WarReplaySack(e.Day, Date(sim, e.Day), e.Region, e.Army, WarSentences.Sentence(sim, e) ?? string.Empty)).ToArray(),
            Sieges(sim, frames),
            Messages(sim),
            events,
            chronicle,
            Outcome(sim),
            CapitalSiege(sim, scenario, scenarioHash, overrides));
    }

    /// <summary>The replay as JSON (UTF-8 text, no indentation): the bytes the command line writes and the site serves.</summary>
    public static string Write(WarReplay replay) => JsonSerializer.Serialize(replay, Options);

    /// <summary>A side as the files write it: rome, persia, turks, avars.</summary>
    public static string Side(Power p) => Naming.Kebab(p.ToString());

    private static string Date(WarSimulation sim, int day) => sim.DateOf(day).ToString();

    private static string Hex(ulong h) => h.ToString("x16", CultureInfo.InvariantCulture);

    private static List<WarReplayBattle> Battles(WarSimulation sim, List<WarReplayDay> frames)
    {
        var d = sim.Definition;
        var battles = new List<WarReplayBattle>();
        foreach (var e in sim.Events.Where(e => e.Kind == WarEventKind.BattleFought))
        {
            List<int> romans = [], persians = [];
            var armies = e.Day < frames.Count ? frames[e.Day].Armies : [];
            for (var a = 0; a < armies.Count; a++)
            {
                var side = d.Armies[a].Side;
                var there = armies[a] is { } f && f[0] == e.Region && f[1] < 0 && f[5] == 0;
                if (!there && a != e.Army && a != e.Other)
                {
                    continue;
                }

                if (side is Power.Rome or Power.Turks && (there || a == e.Army))
                {
                    romans.Add(a);
                }
                else if (side == Power.Persia && (there || a == e.Other))
                {
                    persians.Add(a);
                }
            }

            var drawn = (e.Value3 & 8) != 0;
            string? broke = drawn ? null : (e.Value3 & 1) != 0 ? Side(Power.Persia) : Side(Power.Rome);
            battles.Add(new WarReplayBattle(
                e.Day, Date(sim, e.Day), e.Region, romans, persians, e.Army, e.Other, e.Value1, e.Value2, broke, !drawn && (e.Value3 & 2) != 0,
                WarSentences.Sentence(sim, e) ?? string.Empty));
        }

        return battles;
    }

    private static List<WarReplaySiege> Sieges(WarSimulation sim, List<WarReplayDay> frames)
    {
        var sieges = new List<WarReplaySiege>();
        var events = sim.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == WarEventKind.SiegeBegan)
            {
                var end = events.Skip(i + 1).FirstOrDefault(x => x.Kind == WarEventKind.SiegeEnded);
                var ended = end.Kind == WarEventKind.SiegeEnded;
                var result = !ended ? "undecided" : end.Value1 == (int)Bosporos.Kernel.Outcome.Fallen ? "fallen" : "held";
                sieges.Add(new WarReplaySiege("capital", e.Region, e.Day, ended ? end.Day : -1, result, WarSentences.Sentence(sim, e) ?? string.Empty));
            }
            else if (e.Kind == WarEventKind.CitySiegeBegan)
            {
                // It lasts while the besiegers both stand before the city; it ends when it falls or one of them leaves.
                var fell = events.Skip(i + 1).FirstOrDefault(x => x.Kind == WarEventKind.CityFell && x.Region == e.Region);
                var end = fell.Kind == WarEventKind.CityFell ? fell.Day : -1;
                var lifted = -1;
                for (var day = e.Day + 1; day < frames.Count && (end < 0 || day < end); day++)
                {
                    bool Before(int army) => army >= 0 && frames[day].Armies[army] is { } f && f[0] == e.Region && f[1] < 0;
                    if (!Before(e.Army) || (e.Other >= 0 && !Before(e.Other)))
                    {
                        lifted = day - 1;
                        break;
                    }
                }

                var (last, result) = end >= 0 ? (end, "fallen") : lifted >= 0 ? (lifted, "lifted") : (-1, "held");
                sieges.Add(new WarReplaySiege("city", e.Region, e.Day, last, result, WarSentences.Sentence(sim, e) ?? string.Empty));
            }
        }

        return sieges;
    }

    private static List<WarReplayMessage> Messages(WarSimulation sim)
    {
        var route = sim.Definition.Courier.Route.Select(sim.RegionIndex).ToArray();
        var messages = new List<WarReplayMessage>();
        var events = sim.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind != WarEventKind.CourierSent)
            {
                continue;
            }

            var fate = events.Skip(i + 1).FirstOrDefault(x => x.Kind is WarEventKind.CourierCaught or WarEventKind.CourierDelivered or WarEventKind.CourierSent);
            var text = WarSentences.Sentence(sim, e) ?? string.Empty;
            messages.Add(fate.Kind switch
            {
                WarEventKind.CourierCaught => new WarReplayMessage(e.Value1, e.Day, route, "caught", fate.Day, fate.Region, fate.Value1 != 0, text),
                WarEventKind.CourierDelivered => new WarReplayMessage(e.Value1, e.Day, route, "delivered", fate.Day, fate.Region, false, text),
                _ => new WarReplayMessage(e.Value1, e.Day, route, "on the road", -1, -1, false, text),
            });
        }

        return messages;
    }

    private static WarReplayOutcome Outcome(WarSimulation sim)
    {
        var s = sim.Summary;
        string? D(int day) => day < 0 ? null : Date(sim, day);
        var treaty = s.Outcome != WarOutcome.Peace ? null : new WarReplayTreaty(
            D(s.PeaceDay) ?? string.Empty, s.ProvincesReturned, s.ProvincesOccupied,
            sim.Definition.Regions.Where((r, i) => r.Roman602 && r.Holder == Power.Persia && sim.Holder(i) == Power.Rome).Select(r => r.Id).ToArray(),
            WarSentences.FrontierName(s.Frontier), s.Prisoners, s.TrueCross);
        return new WarReplayOutcome(
            Naming.Kebab(s.Outcome.ToString()), Date(sim, Math.Max(0, s.EndDay - 1)), s.Outcome == WarOutcome.Collapse ? "fallen" : "held",
            D(s.ShahrbarazTurnedDay), D(s.KhosrowFallDay), D(s.DecisiveBattleDay), s.TurksAllied, s.LegitimacyPermille, treaty, Hex(s.StateHash));
    }

    private static WarReplayCapitalSiege? CapitalSiege(WarSimulation sim, string scenario, string scenarioHash, IReadOnlyList<ScenarioOverride> overrides)
    {
        if (sim.Siege is not { } siege)
        {
            return null;
        }

        var ended = sim.Events.FirstOrDefault(e => e.Kind == WarEventKind.SiegeEnded);
        var record = ReplayPlayer.Record(siege, scenario, scenarioHash, overrides, []);
        using var json = JsonDocument.Parse(ReplayJson.Write(record));
        return new WarReplayCapitalSiege(
            sim.SiegeStartDay,
            ended.Kind == WarEventKind.SiegeEnded ? ended.Day : -1,
            sim.Definition.Siege.Scenario,
            siege.Seed.ToString(CultureInfo.InvariantCulture),
            Naming.Kebab(siege.Summary.Outcome.ToString()),
            Hex(siege.StateHash),
            "The siege definition is the one the campaign built on the siege's first day from its armies (contingents and flotillas filled from them); the record names the war scenario, so it is checked by running the war again, whose daily hashes fold in the siege's.",
            json.RootElement.Clone());
    }
}
