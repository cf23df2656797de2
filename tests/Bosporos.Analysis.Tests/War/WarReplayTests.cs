using System.Text.Json;
using Bosporos.Analysis.War;
using Bosporos.Kernel;
using Bosporos.Kernel.War;
using Bosporos.Scenarios;
using Bosporos.Scenarios.War;

namespace Bosporos.Analysis.Tests.War;

public sealed class WarReplayTests
{
    internal static WarLoadResult Load(params ScenarioOverride[] overrides)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
        {
            dir = dir.Parent;
        }

        var loaded = WarScenarioLoader.LoadFile(Path.Combine(dir!.FullName, "scenarios", "war-622-628.yaml"), overrides);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Errors));
        return loaded;
    }

    private static (WarReplay Replay, WarSimulation Sim) Run(ulong seed, params ScenarioOverride[] overrides)
    {
        var loaded = Load(overrides);
        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, seed);
        return (WarReplayBuilder.Run(sim, "war-622-628", loaded.ScenarioHash, overrides), sim);
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes_and_another_seed_another_run()
    {
        var a = WarReplayBuilder.Write(Run(1).Replay);
        var b = WarReplayBuilder.Write(Run(1).Replay);
        Assert.Equal(a, b);
        Assert.NotEqual(a, WarReplayBuilder.Write(Run(2).Replay));
        using var doc = JsonDocument.Parse(a);
        Assert.Equal(1, doc.RootElement.GetProperty("format").GetInt32());
        Assert.Equal("war", doc.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void One_frame_a_day_with_the_kernels_daily_hashes_and_the_kings_legitimacy()
    {
        var (r, sim) = Run(1);
        Assert.Equal(sim.DailyHashes.Count, r.Days);
        Assert.Equal(r.Days, r.Frames.Count);
        for (var d = 0; d < r.Days; d++)
        {
            Assert.Equal(d, r.Frames[d].Day);
            Assert.Equal(sim.DailyHashes[d].ToString("x16", System.Globalization.CultureInfo.InvariantCulture), r.Frames[d].Hash);
            Assert.Equal(sim.DateOf(d).ToString(), r.Frames[d].Date);
        }

        Assert.Equal(r.Frames[^1].Hash, r.Outcome.StateHash);
        Assert.Equal(sim.Legitimacy / 10, r.Frames[^1].LegitimacyPermille);
        Assert.True(r.Frames.Zip(r.Frames.Skip(1)).All(p => p.Second.LegitimacyPermille <= p.First.LegitimacyPermille), "legitimacy only falls");
        Assert.True(r.Frames[^1].LegitimacyPermille < r.Frames[0].LegitimacyPermille);
    }

    [Fact]
    public void Armies_stand_in_regions_or_march_along_a_route_leg_with_progress()
    {
        var (r, sim) = Run(1);
        Assert.Equal(sim.Definition.Armies.Length, r.Armies.Count);
        Assert.Equal(sim.Definition.Regions.Length, r.Regions.Count);
        var legs = r.Routes.Select(x => (Math.Min(x.From, x.To), Math.Max(x.From, x.To))).ToHashSet();
        var marching = 0;
        foreach (var f in r.Frames)
        {
            Assert.Equal(r.Armies.Count, f.Armies.Count);
            foreach (var a in f.Armies.OfType<int[]>())
            {
                Assert.Equal(6, a.Length);
                Assert.InRange(a[0], 0, r.Regions.Count - 1);
                Assert.InRange(a[2], 0, 999);
                Assert.InRange(a[4], 0, 1000);
                Assert.True(a[3] >= 0);
                if (a[1] >= 0)
                {
                    marching++;
                    Assert.Contains((Math.Min(a[0], a[1]), Math.Max(a[0], a[1])), legs); // a leg of a defined route
                }
            }
        }

        Assert.True(marching > 100, $"armies march on many days ({marching})");

        // Armies raised later are null until then; the kernel's own location agrees at the end.
        var last = r.Frames[^1].Armies;
        for (var a = 0; a < r.Armies.Count; a++)
        {
            Assert.Equal(sim.Active(a), last[a] is not null);
            if (last[a] is { } f)
            {
                Assert.Equal(sim.Location(a), f[0]);
                Assert.Equal(sim.Present(a), f[3]);
            }
        }
    }

    [Fact]
    public void Battles_sacks_sieges_and_couriers_come_from_the_events_with_the_chronicles_sentences()
    {
        var (r, sim) = Run(1);
        var fought = sim.Events.Where(e => e.Kind == WarEventKind.BattleFought).ToArray();
        Assert.Equal(fought.Length, r.Battles.Count);
        Assert.Contains(r.Battles, b => b.Date.StartsWith("0627-", StringComparison.Ordinal) && b.Broke == "persia");
        foreach (var b in r.Battles)
        {
            Assert.Contains(b.RomanLead, b.RomanSide);
            Assert.Contains(b.PersianLead, b.PersianSide);
            Assert.StartsWith("Battle in " + r.Regions[b.Region].Name, b.Text, StringComparison.Ordinal);
        }

        Assert.Equal(sim.Events.Count(e => e.Kind == WarEventKind.Sacked), r.Sacks.Count);
        var capital = Assert.Single(r.Sieges, s => s.Kind == "capital");
        Assert.Equal("held", capital.Result);
        Assert.True(r.Regions[capital.Region].Capital);
        foreach (var city in r.Sieges.Where(s => s.Kind == "city"))
        {
            Assert.Contains(city.Result, new[] { "fallen", "lifted", "held" });
            Assert.True(city.Result == "held" ? city.EndDay < 0 : city.EndDay >= city.StartDay);
        }

        Assert.NotEmpty(r.Messages);
        foreach (var m in r.Messages.Where(m => m.Fate != "on the road"))
        {
            Assert.Contains(m.FateRegion, m.Route);
            for (var d = m.SentDay; d < m.FateDay; d++)
            {
                Assert.Contains(r.Frames[d].Courier, m.Route); // on the road between the day he set out and his fate
            }
        }

        // The chronicle is the shared sentences, in the order of the events.
        var sentences = sim.Events.Select(e => WarSentences.Sentence(sim, e)).OfType<string>().ToArray();
        Assert.Equal(sentences, r.Chronicle.Select(l => l.Text));
        Assert.Equal(sim.Events.Count, r.Events.Count);
    }

    [Fact]
    public void The_capital_siege_carries_its_own_replay_record_which_the_siege_kernel_reproduces()
    {
        var (r, sim) = Run(1);
        var siege = Assert.IsType<WarReplayCapitalSiege>(r.CapitalSiege);
        Assert.Equal(sim.Siege!.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), siege.Seed);
        Assert.Equal(sim.SiegeStartDay, siege.StartDay);
        var record = siege.Replay;
        Assert.Equal(siege.Seed, record.GetProperty("seed").GetString());
        var recorded = record.GetProperty("dailyHashes").EnumerateArray().Select(h => h.GetString()).ToArray();
        Assert.Equal(sim.Siege.DailyHashes.Length, recorded.Length);

        // Alone, the definition the campaign built gives the same siege, hash for hash.
        var alone = Simulation.Create(sim.SiegeDefinitionUsed!, sim.Siege.Seed);
        while (!alone.IsOver)
        {
            alone.Step();
        }

        Assert.Equal(sim.Siege.StateHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), siege.StateHash);
        Assert.Equal(sim.Siege.StateHash, alone.StateHash);
    }

    [Fact]
    public void A_lost_capital_changes_its_holder_and_ends_without_a_treaty()
    {
        var (r, _) = Run(1, new ScenarioOverride("siege.force-fall", "true"));
        Assert.Equal("collapse", r.Outcome.Result);
        Assert.Null(r.Outcome.Treaty);
        var capital = r.Regions.Single(x => x.Capital);
        var change = Assert.Single(capital.Changes);
        Assert.Equal("avars", change.Holder);
        Assert.Equal(r.Days - 1, change.Day);
        Assert.Equal("siege.force-fall", Assert.Single(r.Overrides).Path);
    }

    [Fact]
    public void The_event_log_is_one_json_object_a_line_with_the_same_keys()
    {
        var (_, sim) = Run(1);
        using var stream = new MemoryStream();
        WarEventLog.Write(stream, sim);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(sim.Events.Count, lines.Length);
        string[]? keys = null;
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var these = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            keys ??= these;
            Assert.Equal(keys, these);
        }

        Assert.Contains(lines, l => l.Contains("\"kind\":\"battle-fought\"", StringComparison.Ordinal));
    }
}
