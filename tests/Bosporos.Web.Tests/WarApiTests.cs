using System.Net;
using System.Text.Json;
using Bosporos.Analysis.War;
using Bosporos.Kernel.War;
using Bosporos.Scenarios.War;

namespace Bosporos.Web.Tests;

/// <summary>GET /api/wars, /api/wars/{id}/replay and /api/wars/{id}/siege on the shipped war scenario.</summary>
public sealed class WarApiTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public WarApiTests(SiteFactory factory) => client = factory.CreateClient();

    [Fact]
    public async Task The_war_list_shows_the_shipped_war()
    {
        var json = await HttpAssert.Json(await client.GetAsync("/api/wars"), HttpStatusCode.OK);
        var war = json.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "war-622-628");
        Assert.Equal("war", war.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrWhiteSpace(war.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_replay_is_the_analysis_layers_document_byte_for_byte()
    {
        var response = await client.GetAsync("/api/wars/war-622-628/replay?seed=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();

        var path = Bosporos.Scenarios.ScenarioCatalog.Find("war-622-628")!.Path;
        var loaded = WarScenarioLoader.LoadFile(path);
        var expected = WarReplayBuilder.Write(WarReplayBuilder.Run(WarSimulation.Create(loaded.Definition!, loaded.Siege!, 3), "war-622-628", loaded.ScenarioHash, []));
        Assert.Equal(expected, text);

        using var doc = JsonDocument.Parse(text);
        Assert.Equal("3", doc.RootElement.GetProperty("seed").GetString());
        Assert.True(doc.RootElement.GetProperty("regions").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Overrides_change_the_run_and_a_bad_one_is_a_located_422()
    {
        var json = await HttpAssert.Json(await client.GetAsync("/api/wars/war-622-628/replay?seed=1&set=siege.force-fall=true"), HttpStatusCode.OK);
        Assert.Equal("collapse", json.GetProperty("outcome").GetProperty("result").GetString());
        Assert.Equal("siege.force-fall", json.GetProperty("overrides")[0].GetProperty("path").GetString());

        var bad = await HttpAssert.Problem(await client.GetAsync("/api/wars/war-622-628/replay?set=heraclius.splitt=false"), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(bad.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "BOS1301");
    }

    [Theory]
    [InlineData("/api/wars/war-622-628/replay?seed=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/wars/war-622-628/replay?seed=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/wars/war-622-628/replay?set=nothing", HttpStatusCode.BadRequest)]
    [InlineData("/api/wars/Not_An_Id/replay", HttpStatusCode.BadRequest)]
    [InlineData("/api/wars/no-such-war/replay", HttpStatusCode.NotFound)]
    [InlineData("/api/wars/constantinople-626/replay", HttpStatusCode.NotFound)]
    [InlineData("/api/wars/constantinople-626/siege", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_problems_not_stack_traces(string url, HttpStatusCode status)
    {
        var json = await HttpAssert.Problem(await client.GetAsync(url), status);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_siege_inside_the_run_is_served_as_a_siege_replay_with_the_inner_sieges_hash()
    {
        var json = await HttpAssert.Json(await client.GetAsync("/api/wars/war-622-628/siege?seed=1"), HttpStatusCode.OK);
        var path = Bosporos.Scenarios.ScenarioCatalog.Find("war-622-628")!.Path;
        var loaded = WarScenarioLoader.LoadFile(path);
        var sim = WarSimulation.Create(loaded.Definition!, loaded.Siege!, 1);
        sim.RunToEnd();
        Assert.Equal(sim.Siege!.StateHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("summary").GetProperty("stateHash").GetString());
        Assert.Equal(sim.Siege.Seed, json.GetProperty("seed").GetUInt64());
        Assert.True(json.GetProperty("frames").GetArrayLength() > 0);

        // The siege's contingents are the ones the campaign filled (the capital got the emperor's reinforcements).
        var men = json.GetProperty("contingents").EnumerateArray().Sum(c => c.GetProperty("strength").GetInt32());
        Assert.Equal(sim.SiegeDefinitionUsed!.Contingents.Sum(c => c.Strength), men);
    }
}
