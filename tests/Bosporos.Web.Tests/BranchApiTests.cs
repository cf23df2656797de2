using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bosporos.Analysis.Stores;

namespace Bosporos.Web.Tests;

/// <summary>POST /api/experiments/branch on the shipped scenario: the run of seed 26 continued from the boat morning.</summary>
public sealed class BranchApiTests : IDisposable
{
    private const string Scenario = "constantinople-626";

    /// <summary>07:00 on 7 August 626: the page sends the hour after the one it shows (06:00, the khagan's order).</summary>
    private const int Hour = 943;

    private readonly DirectoryInfo results = Directory.CreateTempSubdirectory("bosporos-branch-web-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        results.Delete(recursive: true);
    }

    private SiteFactory Site(WebOptions? options = null) => new(options ?? new WebOptions { ResultsDirectory = results.FullName }, shippedScenarios: true);

    private static object Body(int runs = 40, int? hour = Hour, string? at = null, object[]? variants = null) => new
    {
        scenario = Scenario,
        seed = 26,
        hour,
        at,
        runs,
        variants = variants ?? [new { name = "no-light-craft", overrides = new Dictionary<string, object> { ["orders.patrol.golden-horn-upper"] = 0 } }],
    };

    [Fact]
    public async Task A_branch_runs_streams_progress_and_reports_both_arms_with_the_branch_point_and_a_store()
    {
        await using var site = Site();
        var client = site.CreateClient();
        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments/branch", Body()), HttpStatusCode.Accepted);
        Assert.Equal(80, start.GetProperty("total").GetInt32());
        var id = start.GetProperty("id").GetString()!;

        var progress = await ExperimentApiTests.ReadProgress(client, start.GetProperty("progress").GetString()!);
        Assert.Equal("done", progress[^1].GetProperty("state").GetString());
        Assert.Equal(80, progress[^1].GetProperty("completed").GetInt32());

        var r = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
        Assert.Equal("paired", r.GetProperty("mode").GetString());
        var variants = r.GetProperty("variants").EnumerateArray().ToArray();
        Assert.Equal(["baseline", "no-light-craft"], variants.Select(v => v.GetProperty("name").GetString()));
        int Fallen(JsonElement v) => v.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("outcome").GetString() == "fallen").GetProperty("count").GetInt32();
        Assert.True(Fallen(variants[1]) > Fallen(variants[0]), "without the light craft in the Horn the city should fall more often");
        var branch = r.GetProperty("branch");
        Assert.Equal("0626-08-07T07:00", branch.GetProperty("at").GetString());
        Assert.Equal(2, branch.GetProperty("endDates").GetArrayLength());

        // The store is the command line's kind: its manifest, the branch text and a digest; the report reads it.
        var store = Path.Combine(results.FullName, id + ".db");
        using (var s = ResultStores.Open(store, new ResultStoreOptions(ReadOnly: true)))
        {
            var manifest = s.ReadManifest()!;
            Assert.Equal("paired", manifest.Mode);
            Assert.Contains("branch:", manifest.ExperimentText, StringComparison.Ordinal);
            Assert.Equal(80, s.ReadAll().Count());
        }

        Assert.True(File.Exists(Path.Combine(results.FullName, id + ".replay.json")));
        var report = await HttpAssert.Json(await client.GetAsync(r.GetProperty("report").GetString()!), HttpStatusCode.OK);
        var fallen = report.GetProperty("paired").GetProperty("comparisons")[0].GetProperty("shares").EnumerateArray().Single(x => x.GetProperty("outcome").GetString() == "fallen");
        Assert.True(fallen.GetProperty("difference").GetProperty("value").GetDouble() > 0);
        Assert.Equal(943, report.GetProperty("branch").GetProperty("at-hour").GetInt32());
    }

    [Fact]
    public async Task After_a_restart_a_branch_is_read_back_from_its_store_with_its_branch_point()
    {
        string id;
        await using (var site = Site())
        {
            var client = site.CreateClient();
            var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments/branch", Body(runs: 6)), HttpStatusCode.Accepted);
            id = start.GetProperty("id").GetString()!;
            Assert.Equal("done", (await ExperimentApiTests.ReadProgress(client, start.GetProperty("progress").GetString()!))[^1].GetProperty("state").GetString());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var again = Site();
        var r = await HttpAssert.Json(await again.CreateClient().GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
        Assert.Equal(["baseline", "no-light-craft"], r.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal("0", r.GetProperty("variants")[1].GetProperty("overrides").GetProperty("orders.patrol.golden-horn-upper").GetString());
        Assert.Equal("0626-08-07T07:00", r.GetProperty("branch").GetProperty("at").GetString());
        Assert.Equal(6, r.GetProperty("branch").GetProperty("endDates")[1].GetProperty("runs").GetInt32());
    }

    [Fact]
    public async Task Without_a_results_folder_the_branch_runs_in_memory()
    {
        await using var site = Site(new WebOptions { ResultsDirectory = null });
        var client = site.CreateClient();
        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments/branch", Body(runs: 5)), HttpStatusCode.Accepted);
        var progress = await ExperimentApiTests.ReadProgress(client, start.GetProperty("progress").GetString()!);
        Assert.Equal("done", progress[^1].GetProperty("state").GetString());
        var csv = await client.GetAsync($"/api/experiments/{start.GetProperty("id").GetString()}/runs.csv");
        Assert.Equal(11, (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(-1, null, "before the siege begins")]
    [InlineData(5000, null, "not within the replay")]
    [InlineData(null, "626-08-07T06:30", "minutes must be 00")]
    public async Task A_moment_outside_the_run_or_malformed_is_422(int? hour, string? at, string expected)
    {
        await using var site = Site();
        var response = await site.CreateClient().PostAsJsonAsync("/api/experiments/branch", Body(hour: hour, at: at));
        var problem = await HttpAssert.Json(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_variant_that_changes_the_shape_or_names_no_value_is_422_with_the_diagnostic()
    {
        await using var site = Site();
        var client = site.CreateClient();
        var shape = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments/branch", Body(variants: [new { name = "longer", overrides = new Dictionary<string, object> { ["calendar.horizon-days"] = 200 } }])), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("BOSX096", shape.GetProperty("diagnostics").GetRawText(), StringComparison.Ordinal);
        var path = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments/branch", Body(variants: [new { name = "typo", overrides = new Dictionary<string, object> { ["naval.intercept-by-dy"] = 0.1 } }])), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("intercept-by-day", path.GetProperty("diagnostics").GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_001, 1)] // two arms with the baseline: 20,002 runs
    [InlineData(100, 8)] // nine arms with the baseline
    public async Task The_caps_count_the_baseline_as_a_variant(int runs, int variantCount)
    {
        await using var site = Site();
        var variants = Enumerable.Range(0, variantCount).Select(i => (object)new { name = $"v{i}", overrides = new Dictionary<string, object> { ["naval.intercept-by-day"] = 0.5 + (i / 100.0) } }).ToArray();
        var response = await site.CreateClient().PostAsJsonAsync("/api/experiments/branch", Body(runs: runs, variants: variants));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"scenario\":\"constantinople-626\",\"runs\":5}", "either as 'hour'")]
    [InlineData("{\"scenario\":\"constantinople-626\",\"hour\":943,\"at\":\"626-08-07T07:00\"}", "not both")]
    [InlineData("{\"scenario\":\"constantinople-626\",\"hour\":943,\"variants\":[{\"name\":\"Bad Name\",\"overrides\":{\"naval.intercept-by-day\":0.5}}]}", "lower-case")]
    [InlineData("{\"scenario\":\"constantinople-626\",\"hour\":943,\"variants\":[{\"name\":\"baseline\",\"overrides\":{\"naval.intercept-by-day\":0.5}}]}", "not 'baseline'")]
    [InlineData("{\"scenario\":\"constantinople-626\",\"hour\":943,\"variants\":[{\"name\":\"empty\"}]}", "changes nothing")]
    [InlineData("{\"scenario\":\"constantinople-626\",\"hour\":943,\"variants\":[null]}", "is null")]
    [InlineData("{\"scenario\":\"../etc\",\"hour\":943}", "scenario id")]
    public async Task A_malformed_branch_request_is_400(string body, string expected)
    {
        await using var site = Site();
        var response = await site.CreateClient().PostAsync("/api/experiments/branch", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Json(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
