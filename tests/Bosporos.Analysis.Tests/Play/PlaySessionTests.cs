using Bosporos.Analysis.Play;
using Bosporos.Kernel;
using Bosporos.Kernel.Command;
using Bosporos.Kernel.Forces;
using Bosporos.Kernel.Time;
using Bosporos.Scenarios.Replays;

namespace Bosporos.Analysis.Tests.Play;

public class PlaySessionTests
{
    private static PlaySession Session(ulong seed, Side? human, int level = 1) => PlaySession.Start(PlayFixture.Definition, PlayFixture.Setup(seed, human, level));

    /// <summary>Advances until the first decision point on or after <paramref name="day"/>.</summary>
    private static void AdvanceTo(PlaySession s, int day)
    {
        while (!s.IsOver && s.Now.Day < day)
        {
            s.Advance();
        }
    }

    [Fact]
    public void Every_option_passes_the_kernels_check_and_carrying_on_comes_first()
    {
        var s = Session(11, Side.Roman, 0);
        var seen = new HashSet<string>();
        for (var point = 0; point < 60 && !s.IsOver; point++)
        {
            var sim = s.Snapshot();
            foreach (var side in PlaySides.Both)
            {
                var options = s.Options(side);
                Assert.True(options[0].IsCarryOn);
                Assert.Equal(options.Count, options.Select(o => o.Id).Distinct().Count());
                foreach (var o in options)
                {
                    seen.Add(o.Id.Split(':')[0]);
                    Assert.All(o.Orders, order =>
                    {
                        Assert.Equal(OrderRefusal.None, sim.Check(order));
                        Assert.Equal(side, order.Side);
                    });
                }
            }

            s.Advance();
        }

        // Both sides' kinds of option came up over the first days of the close siege.
        Assert.Superset(new HashSet<string> { "reinforce", "sortie", "procession", "patrol", "answer", "assault", "hold", "demand", "withdraw" }, seen);
    }

    [Fact]
    public void Decision_points_are_dawn_dusk_and_notable_events_never_every_hour()
    {
        var s = Session(3, null, 0);
        var points = 0;
        while (!s.IsOver)
        {
            var reasons = s.Advance();
            points++;
            Assert.NotEmpty(reasons);
            if (!s.IsOver && s.Now.HourOfDay is not (DecisionPoints.Dawn or DecisionPoints.Dusk))
            {
                Assert.All(reasons, r => Assert.Contains(r, new[] { "assault-began", "wall-seized", "signal-learned", "envoys-intercepted", "boats-sunk", "embassy-received" }));
            }
        }

        Assert.InRange(points, s.Now.Day * 2, s.Now.Day * 4);
    }

    [Fact]
    public void Refused_orders_change_nothing()
    {
        var a = Session(21, Side.Roman, 0);
        var b = Session(21, Side.Roman, 0);
        AdvanceTo(a, 31);
        AdvanceTo(b, 31);
        var now = b.Now;
        var refusals = new[]
        {
            b.Give(new Order(now, Side.Roman, OrderKind.Sortie, 2, -500)),            // negative men
            b.Give(new Order(now, Side.Roman, OrderKind.Assault, 2, 0)),              // the khagan's order
            b.Give(new Order(now, Side.Avar, OrderKind.Assault, 2, 0)),               // the khagan's side, not the player's
            b.Give(new Order(now, Side.Roman, OrderKind.Reinforce, 99, 0)),           // no such zone
            b.Give(new Order(now.AddHours(3), Side.Roman, OrderKind.Reinforce, 2, 0)), // not this hour
            b.Give(new Order(now, Side.Roman, (OrderKind)77, 2, 0)),                  // no such kind
            b.Give(new Order(now, Side.Persian, OrderKind.Assault, 2, 0)),            // Shahrbaraz takes no orders
        };

        Assert.All(refusals, r => Assert.False(r.Accepted));
        Assert.Equal(
            [OrderRefusal.BadValue, OrderRefusal.WrongSide, OrderRefusal.WrongSide, OrderRefusal.UnknownTarget, OrderRefusal.NotThisHour, OrderRefusal.UnknownKind, OrderRefusal.WrongSide],
            refusals.Select(r => r.Refusal));
        Assert.Contains("You do not command the khagan's host", refusals[2].Message);
        Assert.Empty(b.Pending);
        a.Advance();
        b.Advance();
        Assert.Equal(a.Snapshot().StateHash, b.Snapshot().StateHash);
        Assert.Equal(a.Orders, b.Orders);
    }

    [Fact]
    public void The_same_game_and_seed_give_the_same_ai_decisions()
    {
        static IReadOnlyList<Order> Game()
        {
            var s = Session(8, null, 1);
            for (var i = 0; i < 80 && !s.IsOver; i++)
            {
                s.Advance();
            }

            return s.Orders;
        }

        var first = Game();
        Assert.NotEmpty(first);
        Assert.All(first, o => Assert.Equal(OrderSource.Ai, o.Source));
        Assert.Equal(first, Game());
    }

    [Fact]
    public void Looking_ahead_leaves_the_real_run_as_it_was()
    {
        var looked = Session(5, Side.Avar, 1);
        var plain = Session(5, Side.Avar, 1);
        AdvanceTo(looked, 31);
        AdvanceTo(plain, 31);
        var before = looked.Snapshot().StateHash;

        var odds = looked.Odds(Side.Avar);
        _ = looked.Odds(Side.Roman);

        Assert.Equal(before, looked.Snapshot().StateHash);
        looked.Advance();
        plain.Advance();
        Assert.Equal(plain.Snapshot().StateHash, looked.Snapshot().StateHash);
        var carry = Assert.Single(odds, o => o.Option.IsCarryOn);
        Assert.Equal(0, carry.Gain);
        Assert.All(odds, o => Assert.InRange(o.Taken, o.TakenLow, o.TakenHigh));
    }

    [Fact]
    public void Odds_use_common_sample_keys_so_an_option_that_changes_nothing_gains_exactly_nothing()
    {
        var s = Session(5, Side.Roman, 1);
        AdvanceTo(s, 31);

        var odds = s.Odds(Side.Roman);

        // Refusing demands while none is made is the doctrine's own answer: same futures, sample by sample.
        var refuse = Assert.Single(odds, o => o.Option.Id == "answer:refuse");
        Assert.Equal(0, refuse.Gain);
        Assert.Equal(0, refuse.GainError);
    }

    [Fact]
    public void A_save_round_trips_through_json_verifies_and_resumes_where_play_stopped()
    {
        var s = Session(13, Side.Roman, 1);
        AdvanceTo(s, 31);
        Assert.True(s.Choose(Side.Roman, s.Options(Side.Roman)[1].Id).Accepted);

        var save = s.Save();
        var read = ReplayJson.Read(ReplayJson.Write(save), "save.json");

        Assert.Empty(read.Diagnostics);
        var loaded = read.Replay!;
        Assert.Equal(save.Orders, loaded.Orders);
        Assert.Equal(save.Play, loaded.Play);
        Assert.Contains(loaded.Orders, o => o.Source == OrderSource.Ai);
        Assert.Contains(loaded.Orders, o => o.Source == OrderSource.Player);
        var check = Simulation.Create(PlayFixture.Definition, loaded.Seed);
        ReplayPlayer.Play(check, loaded.Orders);
        Assert.True(ReplayPlayer.Compare(loaded, check.DailyHashes, check.StateHash, check.DailySubsystemHashes).Identical);

        var resumed = PlaySession.Resume(PlayFixture.Definition, loaded, Side.Roman, 1);
        Assert.Equal(s.Now, resumed.Now);
        Assert.Equal(s.Snapshot().StateHash, resumed.Snapshot().StateHash);
        Assert.Equal(s.Pending, resumed.Pending);
        s.Advance();
        resumed.Advance();
        Assert.Equal(s.Snapshot().StateHash, resumed.Snapshot().StateHash);
        Assert.Equal(s.Orders, resumed.Orders);
    }

    [Fact]
    public void A_save_with_an_ai_level_beyond_the_strongest_cannot_be_resumed()
    {
        var save = Session(1, Side.Roman, 1).Save();

        var e = Assert.Throws<PlayException>(() => PlaySession.Resume(PlayFixture.Definition, save, Side.Roman, 9));

        Assert.Contains("AI level 9 is not one of 0 to 4", e.Message);
    }

    [Fact]
    public void A_replay_that_is_no_saved_game_cannot_be_resumed()
    {
        var sim = Simulation.Create(PlayFixture.Definition, 1);
        sim.RunToEnd();
        var replay = ReplayPlayer.Record(sim, "constantinople-626", "x", [], []);

        var e = Assert.Throws<PlayException>(() => PlaySession.Resume(PlayFixture.Definition, replay, Side.Roman, 1));

        Assert.Contains("not a saved game", e.Message);
    }

    [Fact]
    public void The_defenders_ai_loses_fewer_men_than_their_doctrine_over_paired_games()
    {
        var r = PlayStrength.Run(PlayFixture.Definition, Side.Roman, 1, 4, 626, 2);

        Assert.Equal(4, r.Pairs.Count);
        Assert.True(r.OwnLoss.Value < 0, $"AI {r.AiOwnLoss:N0} vs doctrine {r.DoctrineOwnLoss:N0}");
        Assert.True(r.Held.Value >= 0);
    }

    [Fact]
    public void Without_the_light_craft_the_defenders_ai_holds_the_city_where_their_doctrine_loses_it()
    {
        // Twelve paired games where the doctrines let the city fall in about a fifth of runs (over 500 pairs at level 2
        // the defenders' AI holds it in all; docs/play.md). The khagan's gain there (+24 points at level 2) is not
        // clear in a dozen games at level 1, so it is measured by play-strength, not tested here.
        var roman = PlayStrength.Run(PlayFixture.NoLightCraft, Side.Roman, 1, 12, 626, 2);

        Assert.True(roman.DoctrineFallen > 0, "the doctrine should lose the city in some of these games");
        Assert.True(roman.AiFallen < roman.DoctrineFallen, $"defenders: AI {roman.AiFallen:P0} vs doctrine {roman.DoctrineFallen:P0}");
    }

    [Fact]
    public void Paired_games_give_the_same_result_on_one_thread_or_two()
    {
        var one = PlayStrength.Run(PlayFixture.Definition, Side.Avar, 1, 3, 77, 1);
        var two = PlayStrength.Run(PlayFixture.Definition, Side.Avar, 1, 3, 77, 2);

        Assert.Equal(one.Pairs, two.Pairs);
    }

    [Fact]
    public void The_view_options_and_odds_serialise_to_json_and_back()
    {
        var s = Session(4, Side.Roman, 1);
        AdvanceTo(s, 31);
        var view = s.View();
        var options = s.Options(Side.Roman);
        var odds = s.Odds(Side.Roman);

        var viewBack = System.Text.Json.JsonSerializer.Deserialize<PlayView>(System.Text.Json.JsonSerializer.Serialize(view))!;
        var optionsBack = System.Text.Json.JsonSerializer.Deserialize<PlayOption[]>(System.Text.Json.JsonSerializer.Serialize(options))!;
        var oddsJson = System.Text.Json.JsonSerializer.Serialize(odds);

        Assert.Equal(view.Hour, viewBack.Hour);
        Assert.Equal(view.Sectors, viewBack.Sectors);
        Assert.Equal(view.Water, viewBack.Water);
        Assert.Equal(view.Chronicle, viewBack.Chronicle);
        Assert.Equal(options.Select(o => o.Id), optionsBack.Select(o => o.Id));
        Assert.Equal(options.SelectMany(o => o.Orders), optionsBack.SelectMany(o => o.Orders));
        Assert.Contains("\"Taken\"", oddsJson, StringComparison.Ordinal);
        Assert.True(s.Choose(Side.Roman, optionsBack[1].Id).Accepted);
    }
}
