using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bosporos.Analysis.Experiments;
using Bosporos.Analysis.Exporters;
using Bosporos.Analysis.Stores;

namespace Bosporos.Web.Tests;

/// <summary>Experiments kept in result stores: the page's own survive a restart, and the command line's are listed.</summary>
public sealed class StoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("bosporos-web-stores-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task An_experiment_started_from_the_page_is_written_to_a_store_and_listed_after_a_restart()
    {
        var results = Path.Combine(folder.FullName, "experiments");
        var options = new WebOptions { ResultsDirectory = results };
        string id;
        string firstResults;
        await using (var factory = new SiteFactory(options))
        {
            var client = factory.CreateClient();
            var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", new
            {
                scenario = TestScenarios.Id,
                runs = 12,
                seed = 5,
                variants = new object[] { new { name = "as written" }, new { name = "no fleet", overrides = new Dictionary<string, object> { ["flotillas.galleys.hulls"] = 0 } } },
            }), HttpStatusCode.Accepted);
            id = start.GetProperty("id").GetString()!;
            var progress = await ExperimentApiTests.ReadProgress(client, start.GetProperty("progress").GetString()!);
            Assert.Equal("done", progress[^1].GetProperty("state").GetString());
            var done = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
            Assert.Equal($"{id}.db", done.GetProperty("store").GetString());
            firstResults = done.GetProperty("variants").GetRawText();
        }

        var path = Path.Combine(results, $"{id}.db");
        var (manifest, rows) = ResultExport.ReadStore(path);
        Assert.Equal(["as written", "no fleet"], manifest.Variants);
        Assert.Equal(24, rows.Count);
        Assert.Equal(5ul, manifest.MasterSeed);
        using (var store = ResultStores.Open(path, new ResultStoreOptions(ReadOnly: true)))
        {
            Assert.Equal(ExperimentDigest.Compute(rows), store.CompletedDigest);
        }

        await using (var restarted = new SiteFactory(options))
        {
            var client = restarted.CreateClient();
            var list = await HttpAssert.Json(await client.GetAsync("/api/experiments"), HttpStatusCode.OK);
            var item = Assert.Single(list.EnumerateArray());
            Assert.Equal(id, item.GetProperty("id").GetString());
            Assert.Equal("done", item.GetProperty("state").GetString());
            var again = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
            Assert.Equal(firstResults, again.GetProperty("variants").GetRawText());
            var csv = await client.GetStringAsync($"/api/experiments/{id}/runs.csv");
            Assert.Equal(25, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    [Fact]
    public async Task A_store_made_by_the_command_line_is_listed_with_its_results_and_report()
    {
        var path = Path.Combine(folder.FullName, "cf.db");
        MakeCommandLineStore(path);
        await using var factory = new SiteFactory(new WebOptions { Stores = [path] }, shippedScenarios: true);
        var client = factory.CreateClient();
        var list = await HttpAssert.Json(await client.GetAsync("/api/experiments"), HttpStatusCode.OK);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal("store", item.GetProperty("origin").GetString());
        Assert.Equal("paired", item.GetProperty("mode").GetString());
        Assert.Equal("cf.db", item.GetProperty("store").GetString());
        Assert.DoesNotContain(folder.FullName, list.GetRawText(), StringComparison.Ordinal);

        var id = item.GetProperty("id").GetString()!;
        var results = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
        var variants = results.GetProperty("variants").EnumerateArray().ToArray();
        Assert.Equal(["baseline", "no-fleet"], variants.Select(v => v.GetProperty("name").GetString()));
        Assert.All(variants, v => Assert.Equal(20, v.GetProperty("runs").GetInt32()));
        Assert.Equal(20, variants[1].GetProperty("outcomes").EnumerateArray().Sum(o => o.GetProperty("count").GetInt32()));
        Assert.Equal("0", variants[1].GetProperty("overrides").GetProperty("flotillas.roman-galleys.hulls").GetString());
        Assert.True(variants[1].GetProperty("counterfactual").GetBoolean());
        Assert.False(variants[0].GetProperty("counterfactual").GetBoolean());

        var reportUrl = results.GetProperty("report").GetString();
        Assert.Equal($"/api/experiments/{id}/report", reportUrl);
        var report = await HttpAssert.Json(await client.GetAsync(reportUrl), HttpStatusCode.OK);
        Assert.Contains("no-fleet", report.GetRawText(), StringComparison.Ordinal);

        // The same id after a restart: links stay valid.
        await using var again = new SiteFactory(new WebOptions { Stores = [path] }, shippedScenarios: true);
        Assert.Equal(HttpStatusCode.OK, (await again.CreateClient().GetAsync($"/api/experiments/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_missing_or_foreign_store_stops_the_start_with_a_message()
    {
        var missing = Path.Combine(folder.FullName, "missing.db");
        var e = Assert.Throws<WebStartupException>(() => BosporosWeb.Build(new WebOptions { Stores = [missing] }));
        Assert.Contains("missing.db", e.Message, StringComparison.Ordinal);

        var foreign = Path.Combine(folder.FullName, "notes.db");
        await File.WriteAllTextAsync(foreign, "not a database at all, just some notes");
        var f = Assert.Throws<WebStartupException>(() => BosporosWeb.Build(new WebOptions { Stores = [foreign] }));
        Assert.Contains("notes.db", f.Message, StringComparison.Ordinal);
        Assert.Equal(2, await BosporosWeb.RunAsync(new WebOptions { Stores = [missing] }));
    }

    /// <summary>What `bosporos compare constantinople-626 --runs 20 --variant no-fleet:... --out cf.db` writes.</summary>
    private static void MakeCommandLineStore(string path)
    {
        const string text = """
            format: 1
            id: compare
            scenario: constantinople-626
            master-seed: 626
            runs: 20
            batch: 25
            mode: paired
            variants:
              - name: no-fleet
                set:
                  flotillas.roman-galleys.hulls: '0'
            """;
        var loaded = ExperimentLoader.LoadText(text, "command line");
        Assert.NotNull(loaded.Experiment);
        var diagnostics = new List<Bosporos.Scenarios.Validation.Diagnostic>();
        var model = ScenarioSiegeModel.Open(loaded.Experiment!, diagnostics);
        Assert.NotNull(model);
        var plan = RunPlan.Build(loaded.Experiment!, model!, diagnostics);
        Assert.NotNull(plan);
        using var store = ResultStores.Open(path);
        var outcome = ExperimentRunner.Run(plan!, model!, store, new RunOptions { Threads = 1 });
        Assert.True(outcome.Succeeded && outcome.Digest is not null, string.Join("; ", outcome.Diagnostics));
    }
}
