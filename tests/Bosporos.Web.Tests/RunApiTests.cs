using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bosporos.Web.Tests;

public sealed class RunApiTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public RunApiTests(SiteFactory factory) => client = factory.CreateClient();

    private Task<HttpResponseMessage> Run(object body) => client.PostAsJsonAsync("/api/runs", body);

    [Fact]
    public async Task Run_returns_definition_frames_events_and_summary_that_agree()
    {
        var json = await HttpAssert.Json(await Run(new { scenario = TestScenarios.Id, seed = 7 }), HttpStatusCode.OK);
        var definition = TestScenarios.Definition();
        Assert.Equal(TestScenarios.Id, json.GetProperty("scenario").GetString());
        Assert.Equal(definition.Zones.Length, json.GetProperty("zones").GetArrayLength());
        Assert.Equal(definition.Contingents.Length, json.GetProperty("contingents").GetArrayLength());
        Assert.Equal("roman", json.GetProperty("contingents")[0].GetProperty("side").GetString());
        Assert.Equal(41.02, json.GetProperty("zones")[1].GetProperty("lat").GetDouble(), 6);

        var layout = json.GetProperty("layout");
        var width = 1 + (2 * layout.GetProperty("contingents").GetInt32()) + (2 * layout.GetProperty("sectors").GetInt32())
            + layout.GetProperty("flotillas").GetInt32() + layout.GetProperty("engines").GetInt32();
        var hours = json.GetProperty("hours").GetInt32();
        var frames = json.GetProperty("frames").EnumerateArray().Select(f => f.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();
        Assert.NotEmpty(frames);
        Assert.Equal(0, frames[0][0]);
        Assert.All(frames, f => Assert.Equal(width, f.Length));
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First[0] < p.Second[0]), "frame hours strictly increase");
        Assert.True(frames[^1][0] <= hours);

        var summary = json.GetProperty("summary");
        Assert.Equal(hours, summary.GetProperty("endHour").GetInt32());
        var events = json.GetProperty("events");
        Assert.Equal(events.GetArrayLength(), json.GetProperty("chronicle").GetArrayLength());
        foreach (var e in events.EnumerateArray())
        {
            Assert.InRange(e.GetProperty("hour").GetInt32(), 0, hours);
            Assert.EndsWith(":00", e.GetProperty("date").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("text").GetString()));
        }
    }

    [Fact]
    public async Task Same_seed_gives_the_same_replay()
    {
        var a = await (await Run(new { scenario = TestScenarios.Id, seed = 42 })).Content.ReadAsStringAsync();
        var b = await (await Run(new { scenario = TestScenarios.Id, seed = 42 })).Content.ReadAsStringAsync();
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Overrides_change_the_definition_that_runs()
    {
        var json = await HttpAssert.Json(
            await Run(new { scenario = TestScenarios.Id, seed = 1, overrides = new Dictionary<string, object> { ["contingents.garrison.strength"] = 13500, ["flotillas.galleys.hulls"] = "0" } }),
            HttpStatusCode.OK);
        Assert.Equal(13500, json.GetProperty("contingents")[0].GetProperty("strength").GetInt32());
        Assert.Equal(0, json.GetProperty("flotillas")[0].GetProperty("hulls").GetInt32());
    }

    [Fact]
    public async Task Bad_override_gives_422_with_the_loader_diagnostics()
    {
        var problem = await HttpAssert.Problem(
            await Run(new { scenario = TestScenarios.Id, overrides = new Dictionary<string, object> { ["contingents.nobody.strength"] = 5, ["combat.defender-lethality"] = "lots" } }),
            HttpStatusCode.UnprocessableEntity);
        var diagnostics = problem.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.Equal(2, diagnostics.Length);
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "BOS2001" && d.GetProperty("path").GetString() == "contingents.nobody.strength");
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "BOS2002" && d.GetProperty("severity").GetString() == "error");
    }

    [Theory]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"flotillas.galleys.hulls\":{\"nested\":1}}}")]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"flotillas.galleys.hulls\":[1,2]}}")]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"flotillas.galleys.hulls\":null}}")]
    [InlineData("{\"scenario\":\"test-siege\",\"overrides\":{\"\":1}}")]
    public async Task Override_that_is_not_a_scalar_is_400(string body)
    {
        var response = await client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Too_many_overrides_is_400()
    {
        var overrides = Enumerable.Range(0, 201).ToDictionary(i => $"p{i}", i => (object)i);
        await HttpAssert.Problem(await Run(new { scenario = TestScenarios.Id, overrides }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_scenario_is_404()
    {
        await HttpAssert.Problem(await Run(new { scenario = "constantinople-1453" }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"test-siege\"")]
    [InlineData("{\"scenario\":\"test-siege\",\"seed\":\"seven\"}")]
    [InlineData("{\"scenario\":\"test-siege\",\"seed\":-1}")]
    [InlineData("{\"scenario\":\"test-siege\",\"unknown\":1}")]
    [InlineData("{\"scenario\":\"test-siege\",}")]
    [InlineData("{\"scenario\":\"test-siege\" /* comment */}")]
    [InlineData("{\"scenario\":12}")]
    [InlineData("{}")]
    [InlineData("{\"scenario\":null}")]
    [InlineData("{\"scenario\":\"../scenarios/constantinople-626\"}")]
    public async Task Bad_json_or_bad_fields_are_400(string body)
    {
        var response = await client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Deeply_nested_json_is_400_not_a_crash()
    {
        var body = "{\"scenario\":\"test-siege\",\"overrides\":{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}}";
        var response = await client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_415()
    {
        var response = await client.PostAsync("/api/runs", new StringContent("scenario=test-siege", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await HttpAssert.Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413_when_declared()
    {
        var body = "{\"scenario\":\"test-siege\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        var response = await client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413_when_streamed_without_length()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"scenario\":\"test-siege\",\"pad\":\"" + new string('x', (1024 * 1024) + 10) + "\"}");
        var content = new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new("application/json");
        var response = await client.PostAsync("/api/runs", content);
        Assert.Null(content.Headers.ContentLength);
        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_read()
    {
        // A valid request padded with whitespace to just under 1 MiB is accepted.
        var core = "{\"scenario\":\"test-siege\",\"seed\":3}";
        var body = core + new string(' ', (1024 * 1024) - core.Length - 1);
        var response = await client.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));
        await HttpAssert.Json(response, HttpStatusCode.OK);
    }

    /// <summary>A stream that hides its length, so the client sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
