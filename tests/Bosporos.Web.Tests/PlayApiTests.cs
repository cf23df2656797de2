using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bosporos.Kernel;
using Bosporos.Scenarios.Replays;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

/// <summary>The Play API: games against the look-ahead AI, their orders, odds, advances, saves and resumes, and every refusal.</summary>
public sealed class PlayApiTests : IClassFixture<PlayApiTests.PlaySite>
{
    private readonly HttpClient client;

    public PlayApiTests(PlaySite factory) => client = factory.CreateClient();

    /// <summary>The site with room for every game these tests start.</summary>
    public sealed class PlaySite() : SiteFactory(new WebOptions { MaxGames = 1000 });

    internal static async Task<JsonElement> NewGame(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/games", body ?? new { scenario = TestScenarios.Id, seed = 7, side = "roman", aiLevel = 1 });
        var game = await HttpAssert.Json(response, HttpStatusCode.Created);
        Assert.Equal($"/api/games/{game.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return game;
    }

    private static string Id(JsonElement game) => game.GetProperty("id").GetString()!;

    private Task<HttpResponseMessage> Order(string id, object body) => client.PostAsJsonAsync($"/api/games/{id}/orders", body);

    private async Task<JsonElement[]> Options(string id, string side)
    {
        var json = await HttpAssert.Json(await client.GetAsync($"/api/games/{id}/options?side={side}"), HttpStatusCode.OK);
        return json.GetProperty("options").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task A_new_game_stands_at_the_start_with_the_player_and_the_ai_and_a_map_of_one_frame()
    {
        var game = await NewGame(client);
        Assert.Matches("^[0-9a-f]{32}$", Id(game));
        Assert.Equal("roman", game.GetProperty("human").GetString());
        Assert.Equal("player", game.GetProperty("commanders").GetProperty("roman").GetString());
        Assert.Equal("ai", game.GetProperty("commanders").GetProperty("avar").GetString());
        var view = game.GetProperty("view");
        Assert.Equal(0, view.GetProperty("hour").GetInt32());
        Assert.Equal("start", view.GetProperty("reasons")[0].GetString());
        Assert.Equal(TestScenarios.Definition().WallSectors.Length, view.GetProperty("sectors").GetArrayLength());
        var map = game.GetProperty("map");
        Assert.Equal(TestScenarios.Definition().Zones.Length, map.GetProperty("zones").GetArrayLength());
        Assert.Equal(1, map.GetProperty("frames").GetArrayLength());
        Assert.Equal(1, map.GetProperty("positions").GetArrayLength());
        Assert.Equal(0, map.GetProperty("frames")[0][0].GetInt32());

        var again = await HttpAssert.Json(await client.GetAsync($"/api/games/{Id(game)}"), HttpStatusCode.OK);
        Assert.Equal(Id(game), Id(again));
    }

    [Theory]
    [InlineData("{\"scenario\":\"../etc\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"scenario\":\"test-siege\",\"side\":\"persian\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"scenario\":\"test-siege\",\"aiLevel\":9}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"scenario\":\"test-siege\",\"aiLevel\":-1}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"scenario\":\"constantinople-1453\"}", HttpStatusCode.NotFound)]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"contingents.nobody.strength\":5}}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"a\":[1]}}", HttpStatusCode.BadRequest)]
    [InlineData("{\"scenario\":\"test-siege\",\"seed\":-1}", HttpStatusCode.BadRequest)]
    [InlineData("{\"scenario\":\"test-siege\",\"extra\":1}", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task A_bad_new_game_is_a_problem(string body, HttpStatusCode status)
    {
        var response = await client.PostAsync("/api/games", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, status);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("GET", "/api/games/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/games/not-an-id")]
    [InlineData("GET", "/api/games/0123456789abcdef0123456789abcdef/options?side=roman")]
    [InlineData("GET", "/api/games/0123456789abcdef0123456789abcdef/odds?side=roman")]
    [InlineData("POST", "/api/games/0123456789abcdef0123456789abcdef/advance")]
    [InlineData("GET", "/api/games/0123456789abcdef0123456789abcdef/save")]
    [InlineData("DELETE", "/api/games/0123456789abcdef0123456789abcdef")]
    [InlineData("DELETE", "/api/games/0123456789abcdef0123456789abcdef/orders")]
    public async Task An_unknown_game_is_404_with_a_hint(string method, string path)
    {
        var problem = await HttpAssert.Problem(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.NotFound);
        Assert.Contains("resume", problem.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_list_carry_on_first_for_the_players_side_and_refuse_a_bad_side()
    {
        var game = await NewGame(client);
        var json = await HttpAssert.Json(await client.GetAsync($"/api/games/{Id(game)}/options"), HttpStatusCode.OK);
        Assert.Equal("roman", json.GetProperty("side").GetString());
        var options = json.GetProperty("options").EnumerateArray().ToArray();
        Assert.Equal("carry-on", options[0].GetProperty("id").GetString());
        Assert.Contains(options, o => o.GetProperty("id").GetString()!.StartsWith("reinforce:", StringComparison.Ordinal) && o.GetProperty("target").GetString() is not null);
        await HttpAssert.Problem(await client.GetAsync($"/api/games/{Id(game)}/options?side=persian"), HttpStatusCode.BadRequest);

        var watch = await NewGame(client, new { scenario = TestScenarios.Id, seed = 7 });
        await HttpAssert.Problem(await client.GetAsync($"/api/games/{Id(watch)}/options"), HttpStatusCode.BadRequest);
        Assert.Equal("carry-on", (await Options(Id(watch), "avar"))[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Odds_give_every_option_its_chances_and_losses_and_mark_the_ais_choice()
    {
        var game = await NewGame(client);
        var odds = await HttpAssert.Json(await client.GetAsync($"/api/games/{Id(game)}/odds?side=roman&level=1"), HttpStatusCode.OK);
        Assert.Equal(1, odds.GetProperty("level").GetInt32());
        Assert.Equal(16, odds.GetProperty("samples").GetInt32());
        var list = odds.GetProperty("options").EnumerateArray().ToArray();
        Assert.Equal((await Options(Id(game), "roman")).Length, list.Length);
        Assert.All(list, o =>
        {
            Assert.InRange(o.GetProperty("taken").GetDouble(), 0, 1);
            Assert.InRange(o.GetProperty("takenLow").GetDouble(), 0, o.GetProperty("taken").GetDouble());
            Assert.True(o.GetProperty("ownLossMean").GetDouble() >= 0);
        });
        Assert.Single(list, o => o.GetProperty("aiChoice").GetBoolean());
        await HttpAssert.Problem(await client.GetAsync($"/api/games/{Id(game)}/odds?level=9"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.GetAsync($"/api/games/{Id(game)}/odds?level=one"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Odds_beyond_the_cap_are_422_and_beyond_the_concurrency_429()
    {
        await using (var capped = new SiteFactory(new WebOptions { MaxOddsFutures = 20 }))
        {
            var c = capped.CreateClient();
            var game = await NewGame(c);
            var problem = await HttpAssert.Problem(await c.GetAsync($"/api/games/{Id(game)}/odds?level=2"), HttpStatusCode.UnprocessableEntity);
            Assert.Contains("at most 20", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("lower level", problem.GetProperty("hint").GetString(), StringComparison.Ordinal);
        }

        await using var busy = new SiteFactory(new WebOptions { MaxConcurrentPlayComputations = 0 });
        var b = busy.CreateClient();
        var g = await NewGame(b);
        await HttpAssert.Problem(await b.GetAsync($"/api/games/{Id(g)}/odds?level=1"), HttpStatusCode.TooManyRequests);
        await HttpAssert.Problem(await b.PostAsync($"/api/games/{Id(g)}/advance", null), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Orders_by_option_and_by_kind_wait_for_the_advance_and_can_be_withdrawn()
    {
        var game = await NewGame(client);
        var id = Id(game);
        var reinforce = (await Options(id, "roman")).First(o => o.GetProperty("id").GetString()!.StartsWith("reinforce:", StringComparison.Ordinal));
        var answer = await HttpAssert.Json(await Order(id, new { side = "roman", option = reinforce.GetProperty("id").GetString() }), HttpStatusCode.OK);
        var pending = Assert.Single(answer.GetProperty("pending").EnumerateArray());
        Assert.Equal("reinforce", pending.GetProperty("kind").GetString());
        Assert.Equal(reinforce.GetProperty("target").GetString(), pending.GetProperty("target").GetString());
        Assert.Equal(reinforce.GetProperty("label").GetString(), pending.GetProperty("text").GetString());

        answer = await HttpAssert.Json(await Order(id, new { side = "roman", kind = "procession" }), HttpStatusCode.OK);
        Assert.Equal(2, answer.GetProperty("pending").GetArrayLength());
        Assert.Contains("Order given", answer.GetProperty("message").GetString(), StringComparison.Ordinal);

        var cleared = await HttpAssert.Json(await client.DeleteAsync($"/api/games/{id}/orders"), HttpStatusCode.OK);
        Assert.Equal(0, cleared.GetProperty("pending").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"side\":\"roman\",\"option\":\"storm:the-moon\"}", HttpStatusCode.UnprocessableEntity, "unknown-target")]
    [InlineData("{\"side\":\"avar\",\"kind\":\"withdraw\"}", HttpStatusCode.UnprocessableEntity, "wrong-side")]
    [InlineData("{\"side\":\"roman\",\"kind\":\"reinforce\",\"target\":\"atlantis\"}", HttpStatusCode.UnprocessableEntity, "unknown-target")]
    [InlineData("{\"side\":\"roman\",\"kind\":\"reinforce\",\"target\":\"horn\"}", HttpStatusCode.UnprocessableEntity, "unknown-target")]
    [InlineData("{\"side\":\"roman\",\"kind\":\"sortie\",\"target\":\"south\",\"value\":-5}", HttpStatusCode.UnprocessableEntity, "bad-value")]
    [InlineData("{\"side\":\"roman\",\"kind\":\"launch-missiles\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"side\":\"roman\",\"option\":\"procession\",\"kind\":\"procession\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"side\":\"roman\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"option\":\"procession\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"side\":\"roman\",\"option\":\"procession\",\"extra\":true}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"side\":\"roman\",\"option\":7}", HttpStatusCode.BadRequest, null)]
    public async Task A_refused_order_is_a_problem_with_the_kernels_reason_and_a_hint_and_changes_nothing(string body, HttpStatusCode status, string? refusal)
    {
        var id = Id(await NewGame(client));
        var problem = await HttpAssert.Problem(await client.PostAsync($"/api/games/{id}/orders", new StringContent(body, Encoding.UTF8, "application/json")), status);
        if (refusal is not null)
        {
            Assert.Equal(refusal, problem.GetProperty("refusal").GetString());
            Assert.Equal("Order refused", problem.GetProperty("title").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("hint").GetString()));
        }

        var game = await HttpAssert.Json(await client.GetAsync($"/api/games/{id}"), HttpStatusCode.OK);
        Assert.Equal(0, game.GetProperty("pending").GetArrayLength());
    }

    [Fact]
    public async Task The_khagans_assaults_target_the_land_wall_sectors_the_map_shows()
    {
        var id = Id(await NewGame(client, new { scenario = TestScenarios.Id, seed = 7, side = "avar", aiLevel = 1 }));
        var game = await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        Assert.Equal(5, game.GetProperty("view").GetProperty("hourOfDay").GetInt32());
        var sectors = game.GetProperty("view").GetProperty("sectors").EnumerateArray().Where(s => !s.GetProperty("seaWall").GetBoolean()).Select(s => s.GetProperty("zoneId").GetString()).ToArray();
        var assaults = (await Options(id, "avar")).Where(o => o.GetProperty("group").GetString() == "assault" && o.GetProperty("id").GetString() != "hold").ToArray();
        Assert.Equal(sectors, assaults.Select(o => o.GetProperty("target").GetString()));
        var answer = await HttpAssert.Json(await Order(id, new { side = "avar", option = assaults[0].GetProperty("id").GetString() }), HttpStatusCode.OK);
        Assert.Equal("assault", Assert.Single(answer.GetProperty("pending").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Advance_applies_the_orders_and_stops_at_the_next_decision_point()
    {
        var id = Id(await NewGame(client));
        await HttpAssert.Json(await Order(id, new { side = "roman", option = "procession" }), HttpStatusCode.OK);
        var after = await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        var view = after.GetProperty("view");
        Assert.True(view.GetProperty("hour").GetInt32() > 0);
        Assert.NotEqual("start", view.GetProperty("reasons")[0].GetString());
        Assert.Equal(0, after.GetProperty("pending").GetArrayLength());
        var events = after.GetProperty("map").GetProperty("events").EnumerateArray().ToArray();
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "order-given" && e.GetProperty("hour").GetInt32() == 0);
        Assert.Equal(view.GetProperty("hour").GetInt32(), after.GetProperty("map").GetProperty("frames")[0][0].GetInt32());
        Assert.True(after.GetProperty("lastAi").TryGetProperty("avar", out _), "the AI commanding the khagan chose something");
    }

    [Fact]
    public async Task A_side_handed_to_the_ai_takes_no_orders_until_taken_back()
    {
        var id = Id(await NewGame(client));
        var json = await HttpAssert.Json(await client.PostAsJsonAsync($"/api/games/{id}/commanders", new { side = "roman", commander = "ai" }), HttpStatusCode.OK);
        Assert.Equal("ai", json.GetProperty("commanders").GetProperty("roman").GetString());
        var refused = await HttpAssert.Problem(await Order(id, new { side = "roman", option = "procession" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("wrong-side", refused.GetProperty("refusal").GetString());
        Assert.Contains("commanders", refused.GetProperty("hint").GetString(), StringComparison.Ordinal);

        json = await HttpAssert.Json(await client.PostAsJsonAsync($"/api/games/{id}/commanders", new { side = "roman", commander = "player" }), HttpStatusCode.OK);
        Assert.Equal("player", json.GetProperty("commanders").GetProperty("roman").GetString());
        await HttpAssert.Json(await Order(id, new { side = "roman", option = "procession" }), HttpStatusCode.OK);

        await HttpAssert.Problem(await client.PostAsJsonAsync($"/api/games/{id}/commanders", new { side = "roman", commander = "god" }), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await client.PostAsJsonAsync($"/api/games/{id}/commanders", new { side = "persian", commander = "ai" }), HttpStatusCode.BadRequest);
    }

    /// <summary>Plays two decision points with orders, saves with an order pending, and returns the save's text.</summary>
    private async Task<(string Id, string Save)> PlayedAndSaved()
    {
        var id = Id(await NewGame(client));
        await HttpAssert.Json(await Order(id, new { side = "roman", option = "procession" }), HttpStatusCode.OK);
        await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        var reinforce = (await Options(id, "roman")).First(o => o.GetProperty("id").GetString()!.StartsWith("reinforce:", StringComparison.Ordinal));
        await HttpAssert.Json(await Order(id, new { side = "roman", option = reinforce.GetProperty("id").GetString() }), HttpStatusCode.OK);
        var response = await client.GetAsync($"/api/games/{id}/save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".save.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        return (id, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_save_verifies_as_a_replay_and_resumes_where_it_stood_with_its_pending_order()
    {
        var (id, text) = await PlayedAndSaved();
        var before = await HttpAssert.Json(await client.GetAsync($"/api/games/{id}"), HttpStatusCode.OK);

        // What 'bosporos replay SAVE --verify' does: read, play the orders to the end, compare every daily hash.
        var read = ReplayJson.Read(text, "save.json");
        var save = Assert.IsType<ReplayFile>(read.Replay);
        Assert.Equal(before.GetProperty("view").GetProperty("hour").GetInt32(), save.Play!.Hour);
        var sim = Simulation.Create(TestScenarios.Definition(), save.Seed);
        ReplayPlayer.Play(sim, save.Orders);
        Assert.True(ReplayPlayer.Compare(save, sim.DailyHashes, sim.StateHash, sim.DailySubsystemHashes).Identical);

        var resumed = await HttpAssert.Json(await client.PostAsync("/api/games/resume", new StringContent(text, Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        Assert.NotEqual(id, Id(resumed));
        Assert.Equal(before.GetProperty("view").GetProperty("hour").GetInt32(), resumed.GetProperty("view").GetProperty("hour").GetInt32());
        Assert.Equal(before.GetProperty("view").GetProperty("sectors").GetRawText(), resumed.GetProperty("view").GetProperty("sectors").GetRawText());
        Assert.Equal(before.GetProperty("pending").GetRawText(), resumed.GetProperty("pending").GetRawText());
        Assert.Equal("roman", resumed.GetProperty("human").GetString());
        Assert.Contains("Resumed at hour", resumed.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Both games go on alike.
        var a = await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        var b = await HttpAssert.Json(await client.PostAsync($"/api/games/{Id(resumed)}/advance", null), HttpStatusCode.OK);
        Assert.Equal(a.GetProperty("view").GetRawText(), b.GetProperty("view").GetRawText());
    }

    public static TheoryData<string, string> Corruptions() => new()
    {
        { "not json", "line 1, column " },
        { "remove:play", "play" },
        { "set:scenario=../x", "scenario" },
        { "set:scenario=no-such-siege", "scenario" },
        { "set:scenarioHash=ffff", "scenarioHash" },
        { "set:seed=8", "dailyHashes." },
        { "set:seed=-8", "seed" },
        { "order0:kind=fly", "orders.0" },
        { "order0:hour=99999", "orders.0" },
        { "set:play.aiLevel=7", "play.aiLevel" },
        { "set:play.hour=99999", "play.hour" },
        { "set:play.human=persian", "play.human" },
        { "hash:3", "dailyHashes.3" },
        { "set:format=2", "format" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task A_corrupted_save_is_refused_naming_its_first_bad_field(string corruption, string field)
    {
        var (_, text) = await PlayedAndSaved();
        var body = Corrupt(text, corruption);
        var problem = await HttpAssert.Problem(await client.PostAsync("/api/games/resume", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith(field, problem.GetProperty("field").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("field").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("hint").GetString()));
    }

    private static string Corrupt(string text, string corruption)
    {
        if (corruption == "not json")
        {
            return "{{" + text;
        }

        var root = JsonNode.Parse(text)!.AsObject();
        var (what, rest) = (corruption.Split(':')[0], corruption[(corruption.IndexOf(':') + 1)..]);
        switch (what)
        {
            case "remove":
                root.Remove(rest);
                break;
            case "set":
                var (path, value) = (rest.Split('=')[0], rest.Split('=')[1]);
                var parts = path.Split('.');
                var target = parts.Length == 2 ? root[parts[0]]!.AsObject() : root;
                target[parts[^1]] = int.TryParse(value, out var n) && path != "seed" ? JsonValue.Create(n) : JsonValue.Create(value);
                break;
            case "order0":
                var order = root["orders"]![0]!.AsObject();
                var (key, v) = (rest.Split('=')[0], rest.Split('=')[1]);
                order[key] = int.TryParse(v, out var m) ? JsonValue.Create(m) : JsonValue.Create(v);
                break;
            case "hash":
                var hashes = root["dailyHashes"]!.AsArray();
                var day = int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
                hashes[day] = JsonValue.Create("0123456789abcdef");
                break;
            default:
                throw new ArgumentException(corruption);
        }

        return root.ToJsonString();
    }

    [Fact]
    public async Task Resume_refuses_a_replay_that_is_no_game_other_media_and_empty_bodies()
    {
        var (_, text) = await PlayedAndSaved();
        await HttpAssert.Problem(await client.PostAsync("/api/games/resume", new StringContent(text, Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await HttpAssert.Problem(await client.PostAsync("/api/games/resume", new StringContent(string.Empty, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var latin1 = new ByteArrayContent([0x7b, 0xff, 0x7d]);
        latin1.Headers.ContentType = new("application/json");
        await HttpAssert.Problem(await client.PostAsync("/api/games/resume", latin1), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_site_holds_at_most_its_number_of_games_and_a_deleted_game_frees_its_place()
    {
        await using var site = new SiteFactory(new WebOptions { MaxGames = 1 });
        var c = site.CreateClient();
        var first = await NewGame(c);
        var problem = await HttpAssert.Problem(await c.PostAsJsonAsync("/api/games", new { scenario = TestScenarios.Id }), HttpStatusCode.TooManyRequests);
        Assert.Contains("at most 1 games", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await c.DeleteAsync($"/api/games/{Id(first)}")).StatusCode);
        await NewGame(c);
    }

    [Fact]
    public async Task An_idle_game_is_forgotten_after_the_timeout_and_a_used_one_is_kept()
    {
        var clock = new ManualClock();
        await using var site = new SiteFactory(new WebOptions { GameIdleTimeout = TimeSpan.FromMinutes(30) }, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = site.CreateClient();
        var idle = Id(await NewGame(c));
        var used = Id(await NewGame(c));
        clock.Advance(TimeSpan.FromMinutes(20));
        await HttpAssert.Json(await c.GetAsync($"/api/games/{used}"), HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(20));
        await HttpAssert.Json(await c.GetAsync($"/api/games/{used}"), HttpStatusCode.OK);
        var problem = await HttpAssert.Problem(await c.GetAsync($"/api/games/{idle}"), HttpStatusCode.NotFound);
        Assert.Contains("30 minutes", problem.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_the_games_need_it()
    {
        await using var site = new SiteFactory(new WebOptions { Token = "play-token-for-tests" });
        var c = site.CreateClient();
        await HttpAssert.Problem(await c.PostAsJsonAsync("/api/games", new { scenario = TestScenarios.Id }), HttpStatusCode.Unauthorized);
        c.DefaultRequestHeaders.Authorization = new("Bearer", "play-token-for-tests");
        await NewGame(c);
    }

    [Fact]
    public async Task A_finished_siege_has_no_odds_and_refuses_orders()
    {
        var id = Id(await NewGame(client, new { scenario = TestScenarios.Id, seed = 3, side = "avar", aiLevel = 0 }));
        JsonElement game;
        var steps = 0;
        do
        {
            game = await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
            Assert.True(++steps < 400, "the siege ends");
        }
        while (!game.GetProperty("view").GetProperty("over").GetBoolean());

        Assert.Equal("end", game.GetProperty("view").GetProperty("reasons")[0].GetString());
        await HttpAssert.Problem(await client.GetAsync($"/api/games/{id}/odds?side=avar"), HttpStatusCode.Conflict);
        var refused = await HttpAssert.Problem(await Order(id, new { side = "avar", kind = "withdraw" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("siege-over", refused.GetProperty("refusal").GetString());
        game = await HttpAssert.Json(await client.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        Assert.Contains("over", game.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/api/games", "POST")]
    [InlineData("GET", "/api/games/0123456789abcdef0123456789abcdef/advance", "POST")]
    [InlineData("PUT", "/api/games/0123456789abcdef0123456789abcdef/orders", "DELETE, POST")]
    [InlineData("POST", "/api/games/0123456789abcdef0123456789abcdef/save", "GET")]
    public async Task A_wrong_method_is_405_with_the_allowed_ones(string method, string path, string allow)
    {
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await HttpAssert.Problem(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Limits_tell_the_caps()
    {
        await using var site = new SiteFactory();
        var json = await HttpAssert.Json(await site.CreateClient().GetAsync("/api/play/limits"), HttpStatusCode.OK);
        Assert.Equal(16, json.GetProperty("maxGames").GetInt32());
        Assert.Equal(30, json.GetProperty("idleMinutes").GetInt32());
        Assert.Equal(4, json.GetProperty("maxAiLevel").GetInt32());
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
    }
}
