using System.Net;

namespace Bosporos.Web.Tests;

public sealed class ScenarioApiTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public ScenarioApiTests(SiteFactory factory) => client = factory.CreateClient();

    [Fact]
    public async Task Health_answers_ok()
    {
        var json = await HttpAssert.Json(await client.GetAsync("/api/health"), HttpStatusCode.OK);
        Assert.Equal("ok", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scenarios_lists_ids_and_names()
    {
        var json = await HttpAssert.Json(await client.GetAsync("/api/scenarios"), HttpStatusCode.OK);
        var only = Assert.Single(json.EnumerateArray());
        Assert.Equal(TestScenarios.Id, only.GetProperty("id").GetString());
        Assert.Equal("A test siege", only.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Scenario_detail_gives_every_cited_number_grouped_with_side()
    {
        var json = await HttpAssert.Json(await client.GetAsync($"/api/scenarios/{TestScenarios.Id}"), HttpStatusCode.OK);
        var numbers = json.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("numbers").EnumerateArray()).ToArray();
        Assert.Equal(TestScenarios.Cited.Select(c => c.Path).Order(), numbers.Select(n => n.GetProperty("path").GetString()).Order());
        var garrison = json.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "contingents.garrison");
        Assert.Equal("roman", garrison.GetProperty("side").GetString());
        var strength = Assert.Single(garrison.GetProperty("numbers").EnumerateArray());
        Assert.Equal("strength", strength.GetProperty("key").GetString());
        Assert.Equal(12000m, strength.GetProperty("value").GetDecimal());
        Assert.Equal(10000m, strength.GetProperty("low").GetDecimal());
        Assert.Equal(15000m, strength.GetProperty("high").GetDecimal());
        Assert.Equal("K", strength.GetProperty("reliability").GetString());
        Assert.Equal("Hurbanič 2019 p. 163", strength.GetProperty("source").GetString());
        var persians = json.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "contingents.persians");
        Assert.Equal("persian", persians.GetProperty("side").GetString());
    }

    [Fact]
    public async Task Unknown_scenario_is_404()
    {
        var problem = await HttpAssert.Problem(await client.GetAsync("/api/scenarios/no-such-siege"), HttpStatusCode.NotFound);
        Assert.Contains("no-such-siege", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("-leading-hyphen")]
    [InlineData("under_score")]
    [InlineData("dot.yaml")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Malformed_scenario_id_is_400(string id)
    {
        await HttpAssert.Problem(await client.GetAsync($"/api/scenarios/{id}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_api_path_is_a_404_problem()
    {
        await HttpAssert.Problem(await client.GetAsync("/api/nothing/here"), HttpStatusCode.NotFound);
    }
}
