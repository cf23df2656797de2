using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bosporos.Web.Tests;

/// <summary>The replay's position frames on the shipped 626 scenario: warships per water zone and Persians ashore.</summary>
public sealed class PositionApiTests : IDisposable
{
    private const string Scenario = "constantinople-626";
    private readonly SiteFactory site = new(null, null, shippedScenarios: true);

    public void Dispose() => site.Dispose();

    private async Task<JsonElement> Run(Dictionary<string, object>? overrides = null)
    {
        using var client = site.CreateClient();
        return await HttpAssert.Json(await client.PostAsJsonAsync("/api/runs", new { scenario = Scenario, seed = 1, overrides }), HttpStatusCode.OK);
    }

    private static int[][] Positions(JsonElement json) =>
        json.GetProperty("positions").EnumerateArray().Select(f => f.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();

    private static int ZoneCount(JsonElement json) => json.GetProperty("layout").GetProperty("zones").GetInt32();

    private static int ZoneIndex(JsonElement json, string id) =>
        json.GetProperty("zones").EnumerateArray().Select((z, i) => (z, i)).Single(x => x.z.GetProperty("id").GetString() == id).i;

    [Fact]
    public async Task Position_frames_are_well_formed_and_stored_only_on_change()
    {
        var json = await Run();
        var zones = ZoneCount(json);
        var parks = json.GetProperty("layout").GetProperty("engines").GetInt32();
        Assert.Equal(json.GetProperty("zones").GetArrayLength(), zones);
        var frames = Positions(json);
        Assert.Equal(0, frames[0][0]);
        Assert.All(frames, f => Assert.Equal(1 + zones + 4 + parks, f.Length));
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First[0] < p.Second[0]), "position hours strictly increase");
        Assert.True(frames.Zip(frames.Skip(1)).All(p => !p.First.AsSpan(1).SequenceEqual(p.Second.AsSpan(1))), "a frame is kept only when something changed");
        Assert.All(frames, f => Assert.All(f.Skip(1 + zones + 4), r => Assert.InRange(r, 0, 1)));
        Assert.All(frames, f => Assert.Equal(f[1 + zones + 1] > 0, f[1 + zones + 2] >= 0));
        Assert.All(frames, f => Assert.Equal(f[1 + zones + 1] > 0, f[1 + zones + 3] >= 0));
    }

    [Fact]
    public async Task Default_run_keeps_warships_on_the_Bosporus()
    {
        var json = await Run();
        var frames = Positions(json);
        var romanHulls = json.GetProperty("flotillas").EnumerateArray()
            .Where(f => f.GetProperty("side").GetString() == "roman").Sum(f => f.GetProperty("hulls").GetInt32());
        var zones = ZoneCount(json);
        Assert.All(frames, f => Assert.InRange(f.Skip(1).Take(zones).Sum(), 0, romanHulls));
        var firstDay = frames.Last(f => f[0] <= 24); // the fleet takes station when the first hour is run
        foreach (var id in new[] { "bosporus-south", "bosporus-chelae" })
        {
            var z = ZoneIndex(json, id);
            Assert.True(firstDay[1 + z] > 0, $"warships on {id} by the end of the first day");
        }
    }

    [Fact]
    public async Task Without_a_fleet_the_Persians_land_and_no_warship_is_anywhere()
    {
        var json = await Run(new Dictionary<string, object>
        {
            ["flotillas.roman-galleys.hulls"] = 0,
            ["flotillas.roman-light-craft.hulls"] = 0,
        });
        var zones = ZoneCount(json);
        var frames = Positions(json);
        Assert.All(frames, f => Assert.All(f.Skip(1).Take(zones), h => Assert.Equal(0, h)));
        Assert.True(frames[^1][1 + zones] > 0, "Persians ashore at the end of the run");
    }
}
