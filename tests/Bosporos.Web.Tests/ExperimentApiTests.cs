using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bosporos.Kernel.Randomness;

namespace Bosporos.Web.Tests;

public sealed class ExperimentApiTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public ExperimentApiTests(SiteFactory factory) => client = factory.CreateClient();

    internal static async Task<List<JsonElement>> ReadProgress(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        HttpAssert.SecurityHeaders(response);
        var events = new List<JsonElement>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? eventType = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventType = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Equal("progress", eventType);
                using var doc = JsonDocument.Parse(line["data: ".Length..]);
                events.Add(doc.RootElement.Clone());
            }
        }

        return events;
    }

    [Fact]
    public async Task Experiment_runs_streams_progress_and_reports_variants_side_by_side()
    {
        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", new
        {
            scenario = TestScenarios.Id,
            runs = 25,
            seed = 11,
            variants = new object[]
            {
                new { name = "as written" },
                new { name = "no fleet", overrides = new Dictionary<string, object> { ["flotillas.galleys.hulls"] = 0 } },
            },
        }), HttpStatusCode.Accepted);
        var id = start.GetProperty("id").GetString()!;
        Assert.Equal(50, start.GetProperty("total").GetInt32());

        var progress = await ReadProgress(client, start.GetProperty("progress").GetString()!);
        Assert.NotEmpty(progress);
        Assert.Equal("done", progress[^1].GetProperty("state").GetString());
        Assert.Equal(50, progress[^1].GetProperty("completed").GetInt32());
        var completed = progress.Select(p => p.GetProperty("completed").GetInt32()).ToArray();
        Assert.Equal(completed.Order(), completed);

        var results = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
        Assert.Equal("done", results.GetProperty("state").GetString());
        var variants = results.GetProperty("variants").EnumerateArray().ToArray();
        Assert.Equal(["as written", "no fleet"], variants.Select(v => v.GetProperty("name").GetString()));
        Assert.Equal("0", variants[1].GetProperty("overrides").GetProperty("flotillas.galleys.hulls").GetString());
        foreach (var v in variants)
        {
            Assert.Equal(25, v.GetProperty("runs").GetInt32());
            var outcomes = v.GetProperty("outcomes").EnumerateArray().ToArray();
            Assert.Equal(25, outcomes.Sum(o => o.GetProperty("count").GetInt32()));
            foreach (var o in outcomes)
            {
                var share = o.GetProperty("share").GetDouble();
                Assert.InRange(share, o.GetProperty("low").GetDouble(), o.GetProperty("high").GetDouble());
            }

            var histogram = v.GetProperty("closeSiegeDays").GetProperty("histogram").EnumerateArray();
            Assert.Equal(25, histogram.Sum(b => b.GetProperty("count").GetInt32()));
        }

        var csv = await client.GetAsync($"/api/experiments/{id}/runs.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        HttpAssert.SecurityHeaders(csv);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(51, lines.Length);
        Assert.StartsWith("variant,run_index,seed,outcome", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"as written,3,{SplitMix64.Derive(11, 3)},", lines[4], StringComparison.Ordinal);
        Assert.StartsWith($"no fleet,3,{SplitMix64.Derive(11, 3)},", lines[29], StringComparison.Ordinal);

        var parquet = await client.GetAsync($"/api/experiments/{id}/runs.parquet");
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        HttpAssert.SecurityHeaders(parquet);
        var bytes = await parquet.Content.ReadAsByteArrayAsync();
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        await using var reader = await Parquet.ParquetReader.CreateAsync(new MemoryStream(bytes));
        Assert.Equal(50, reader.Metadata!.NumRows);
    }

    [Theory]
    [InlineData(20_001, 1)]
    [InlineData(10_001, 2)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    public async Task Too_many_or_too_few_runs_is_422(int runs, int variantCount)
    {
        var variants = Enumerable.Range(0, variantCount).Select(i => new { name = $"v{i}" }).ToArray();
        await HttpAssert.Problem(
            await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs, variants }),
            HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_variant_outside_the_cited_range_is_flagged_as_a_counterfactual()
    {
        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", new
        {
            scenario = TestScenarios.Id,
            runs = 3,
            variants = new object[]
            {
                new { name = "as written" },
                new { name = "inside", overrides = new Dictionary<string, object> { ["flotillas.galleys.hulls"] = 100, ["contingents.garrison.strength"] = 10000 } },
                new { name = "outside", overrides = new Dictionary<string, object> { ["flotillas.galleys.hulls"] = 150, ["contingents.garrison.strength"] = 11000 } },
            },
        }), HttpStatusCode.Accepted);
        await ReadProgress(client, start.GetProperty("progress").GetString()!);
        var results = await HttpAssert.Json(await client.GetAsync(start.GetProperty("results").GetString()), HttpStatusCode.OK);
        var variants = results.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.False(variants["as written"].GetProperty("counterfactual").GetBoolean());
        Assert.False(variants["inside"].GetProperty("counterfactual").GetBoolean());
        Assert.Empty(variants["inside"].GetProperty("outsideCitedRange").EnumerateArray());
        Assert.True(variants["outside"].GetProperty("counterfactual").GetBoolean());
        var flagged = Assert.Single(variants["outside"].GetProperty("outsideCitedRange").EnumerateArray());
        Assert.Equal("flotillas.galleys.hulls", flagged.GetProperty("path").GetString());
        Assert.Equal(150m, flagged.GetProperty("value").GetDecimal());
        Assert.Equal(0m, flagged.GetProperty("low").GetDecimal());
        Assert.Equal(100m, flagged.GetProperty("high").GetDecimal());
    }

    [Theory]
    [InlineData(20_000, 2)]
    [InlineData(2_501, 8)]
    public async Task The_run_cap_counts_every_variant(int runs, int variantCount)
    {
        var variants = Enumerable.Range(0, variantCount).Select(i => new { name = $"v{i}" }).ToArray();
        var problem = await HttpAssert.Problem(
            await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs, variants }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains("20,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var limits = await HttpAssert.Json(await client.GetAsync("/api/limits"), HttpStatusCode.OK);
        Assert.Equal(20_000, limits.GetProperty("maxRunsPerExperiment").GetInt32());
        Assert.Equal(8, limits.GetProperty("maxVariants").GetInt32());
    }

    [Fact]
    public async Task Too_many_variants_is_422()
    {
        var variants = Enumerable.Range(0, 9).Select(i => new { name = $"v{i}" }).ToArray();
        await HttpAssert.Problem(
            await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs = 1, variants }),
            HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Duplicate_variant_names_are_400()
    {
        await HttpAssert.Problem(
            await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs = 1, variants = new[] { new { name = "a" }, new { name = "a" } } }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Variant_with_bad_override_is_422_naming_the_variant_and_path()
    {
        var problem = await HttpAssert.Problem(await client.PostAsJsonAsync("/api/experiments", new
        {
            scenario = TestScenarios.Id,
            runs = 2,
            variants = new object[] { new { name = "fine" }, new { name = "broken", overrides = new Dictionary<string, object> { ["flotillas.nope.hulls"] = 1 } } },
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("broken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("flotillas.nope.hulls", problem.GetProperty("diagnostics")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Unknown_scenario_is_404()
    {
        await HttpAssert.Problem(await client.PostAsJsonAsync("/api/experiments", new { scenario = "nowhere", runs = 1 }), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("nonsense")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("..%2f..%2fetc")]
    public async Task Unknown_experiment_is_404_everywhere(string id)
    {
        await HttpAssert.Problem(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.GetAsync($"/api/experiments/{id}/progress"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.GetAsync($"/api/experiments/{id}/runs.csv"), HttpStatusCode.NotFound);
        await HttpAssert.Problem(await client.GetAsync($"/api/experiments/{id}/runs.parquet"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"scenario\":\"test-siege\",\"runs\":\"many\"}")]
    [InlineData("{\"scenario\":\"test-siege\",\"variants\":{}}")]
    [InlineData("{\"scenario\":\"test-siege\",\"variants\":[{\"name\":\"a\",\"extra\":1}]}")]
    [InlineData("{\"scenario\":\"test-siege\",\"runs\":1e9}")]
    [InlineData("{\"scenario\":\"test-siege\",\"runs\":99999999999}")]
    [InlineData("not json")]
    public async Task Bad_json_is_400(string body)
    {
        var response = await client.PostAsync("/api/experiments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
    }
}
