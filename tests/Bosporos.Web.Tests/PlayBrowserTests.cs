using System.Net;
using System.Net.Http.Json;
using Bosporos.Kernel;
using Bosporos.Scenarios;
using Bosporos.Scenarios.Replays;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bosporos.Web.Tests;

/// <summary>
/// The Play page end to end: the real site on a loopback port with the shipped 626 scenario, Debian's chromium driven
/// by Playwright. Two orders by clicking the map, an advance, the chronicle and odds brought up to date, a save
/// downloaded, the page reloaded and the game resumed from the file. Saves docs/screenshots/play.png.
/// </summary>
public sealed class PlayBrowserTests
{
    [SkippableFact]
    public async Task Play_the_defenders_by_clicking_the_map_advance_save_reload_and_resume()
    {
        Skip.If(BrowserTests.SkipReason is not null, BrowserTests.SkipReason);
        await using var site = new SiteFactory(null, null, shippedScenarios: true);
        site.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0)); // not UseKestrel(0): its port rewrite races Kestrel's own bind (dotnet/aspnetcore#67714)
        site.StartServer();
        var url = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal) || a.StartsWith("http://localhost", StringComparison.Ordinal)).TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserTests.ChromiumExecutable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add(m.Text);
            }
        };

        // A new game: the defenders against the AI at level 1.
        await page.GotoAsync($"{url}/#/play");
        await page.Locator("select.side").SelectOptionAsync("roman");
        await page.Locator("select.level").SelectOptionAsync("1");
        await page.Locator("button.start-game").ClickAsync();
        await page.Locator("svg.map .order-target.actionable").First.WaitForAsync(new() { Timeout = 60_000 });
        await WaitForOddsAsync(page);
        Assert.Contains("You command the defenders", await page.Locator(".play-title").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("city taken", await page.Locator("li.option .odds").First.TextContentAsync(), StringComparison.Ordinal);

        // The fleet takes its stations in the first hours: advance to the first dawn, where it can be moved.
        var start = await page.Locator("output.play-date").TextContentAsync();
        await page.Locator("button.advance").ClickAsync();
        await Assertions.Expect(page.Locator("output.play-date")).Not.ToHaveTextAsync(start!);
        await page.Locator("svg.map .order-target.water-target.actionable").First.WaitForAsync();
        await WaitForOddsAsync(page);
        var hourBefore = await page.Locator("output.play-date").TextContentAsync();

        // Order 1: click a wall sector and choose its first order (a menu when the sector offers several).
        await page.Mouse.MoveAsync(1, 1);
        await page.Locator("svg.map .order-target.sector-target.actionable").First.ClickAsync();
        var menu = page.Locator(".place-menu:not([hidden]) button.give");
        if (await menu.CountAsync() > 0)
        {
            await menu.First.ClickAsync();
        }

        await Assertions.Expect(page.Locator("ul.pending li:not(.empty)")).ToHaveCountAsync(1);

        // Order 2: click a water station to move warships there.
        await page.Locator("svg.map .order-target.water-target.actionable").First.ClickAsync();
        menu = page.Locator(".place-menu:not([hidden]) button.give");
        if (await menu.CountAsync() > 0)
        {
            await menu.First.ClickAsync();
        }

        await Assertions.Expect(page.Locator("ul.pending li:not(.empty)")).ToHaveCountAsync(2);
        Assert.Equal(1, await page.Locator("ul.pending li[data-kind='reinforce'], ul.pending li[data-kind='sortie']").CountAsync());
        Assert.True(await page.Locator("ul.pending li[data-kind='patrol']").CountAsync() >= 1);
        var chronicleBefore = await page.Locator(".play-chronicle li:not(.empty)").CountAsync();
        var oddsBefore = await page.Locator(".odds-status").TextContentAsync();

        // Advance: the orders are carried out, the chronicle tells them, and the odds are weighed for the new hour.
        await page.Locator("button.advance").ClickAsync();
        await Assertions.Expect(page.Locator("output.play-date")).Not.ToHaveTextAsync(hourBefore!);
        // The odds of the new hour (their status names it); waiting for the change, not reading at once, since the
        // old status can still be on the page for a moment after the advance.
        await Assertions.Expect(page.Locator(".odds-status")).Not.ToHaveTextAsync(oddsBefore!, new() { Timeout = 120_000 });
        await WaitForOddsAsync(page);
        Assert.True(await page.Locator(".play-chronicle li:not(.empty)").CountAsync() > chronicleBefore);
        Assert.True(await page.Locator(".play-chronicle li[data-kind='order-given']").CountAsync() >= 2);
        Assert.True(await page.Locator(".play-chronicle li.now").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("ul.pending li:not(.empty)").CountAsync());

        // Save: the download is a replay that verifies like 'bosporos replay SAVE --verify'.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.save-game").ClickAsync());
        Assert.EndsWith(".save.json", download.SuggestedFilename, StringComparison.Ordinal);
        var savePath = Path.Combine(Path.GetTempPath(), $"bosporos-play-{Guid.NewGuid():N}.save.json");
        await download.SaveAsAsync(savePath);
        try
        {
            var save = Assert.IsType<ReplayFile>(ReplayJson.Read(await File.ReadAllTextAsync(savePath), savePath).Replay);
            var entry = ScenarioCatalog.Find(save.Scenario)!;
            var loaded = ScenarioLoader.LoadFile(entry.Path, save.Overrides);
            Assert.Equal(loaded.ScenarioHash, save.ScenarioHash);
            var sim = Simulation.Create(loaded.Definition!, save.Seed);
            ReplayPlayer.Play(sim, save.Orders);
            Assert.True(ReplayPlayer.Compare(save, sim.DailyHashes, sim.StateHash, sim.DailySubsystemHashes).Identical);
            Assert.Equal("roman", save.Play!.Human);
            Assert.True(save.Orders.Count(o => o.Source == Kernel.Command.OrderSource.Player) >= 2);

            // Reload on a fresh Play page and resume from the file: the same hour and chronicle.
            var date = await page.Locator("output.play-date").TextContentAsync();
            var chronicle = await page.Locator(".play-chronicle li:not(.empty)").CountAsync();
            await page.GotoAsync($"{url}/#/play");
            await page.ReloadAsync();
            await page.Locator("input.resume-file").SetInputFilesAsync(savePath);
            await page.Locator("svg.map .order-target").First.WaitForAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("output.play-date")).ToHaveTextAsync(date!);
            Assert.Equal(chronicle, await page.Locator(".play-chronicle li:not(.empty)").CountAsync());
            Assert.Contains("Resumed at hour", await page.Locator(".play-status").TextContentAsync(), StringComparison.Ordinal);
            await WaitForOddsAsync(page);

            // Take the khagan from the AI as well: the panel then offers either side's orders, with their odds.
            await Assertions.Expect(page.Locator(".panel-side-box")).ToBeHiddenAsync();
            await page.Locator("select.commander-avar").SelectOptionAsync("player");
            await Assertions.Expect(page.Locator(".play-title")).ToHaveTextAsync("You command both sides");
            await page.Locator("select.panel-side").SelectOptionAsync("avar");
            await Assertions.Expect(page.Locator("li.option[data-option='withdraw'] .odds")).ToContainTextAsync("city taken", new() { Timeout = 120_000 });
            await page.Locator("select.commander-avar").SelectOptionAsync("ai");
            await Assertions.Expect(page.Locator(".panel-side-box")).ToBeHiddenAsync();
        }
        finally
        {
            File.Delete(savePath);
        }

        // The picture: a game brought to the assault of 31 July through the API, resumed here, a sector's orders open.
        var late = Path.Combine(Path.GetTempPath(), $"bosporos-play-{Guid.NewGuid():N}.save.json");
        try
        {
            await File.WriteAllTextAsync(late, await SaveAtAsync(url, day: 32));
            await page.GotoAsync($"{url}/#/play");
            await page.Locator("input.resume-file").SetInputFilesAsync(late);
            await Assertions.Expect(page.Locator("output.play-date")).ToContainTextAsync("July 626");
            await WaitForOddsAsync(page);
            // A sector with engines before it offers sorties besides manning it: a menu of its orders with their odds.
            await page.Locator("svg.map .order-target.sector-target.actionable[aria-label$=' orders']").First.ClickAsync();
            await page.Locator(".place-menu:not([hidden]) li.option .odds").First.WaitForAsync();
            Assert.True(await page.Locator(".place-menu:not([hidden]) li.option").CountAsync() > 1);
            await page.Mouse.MoveAsync(1, 1); // no tooltip in the picture
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.Screenshots, "play.png") });
        }
        finally
        {
            File.Delete(late);
        }

        Assert.Empty(problems);
    }

    /// <summary>A save of a game of the defenders, the khagan by his doctrine until <paramref name="day"/>, two orders given there.</summary>
    private static async Task<string> SaveAtAsync(string url, int day)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var game = await HttpAssert.Json(await http.PostAsJsonAsync("/api/games", new { scenario = "constantinople-626", seed = 626, side = "roman", aiLevel = 2 }), HttpStatusCode.Created);
        var id = game.GetProperty("id").GetString();
        await HttpAssert.Json(await http.PostAsJsonAsync($"/api/games/{id}/commanders", new { side = "avar", commander = "doctrine" }), HttpStatusCode.OK);
        while (game.GetProperty("view").GetProperty("day").GetInt32() < day && !game.GetProperty("view").GetProperty("over").GetBoolean())
        {
            game = await HttpAssert.Json(await http.PostAsync($"/api/games/{id}/advance", null), HttpStatusCode.OK);
        }

        await HttpAssert.Json(await http.PostAsJsonAsync($"/api/games/{id}/orders", new { side = "roman", option = "procession" }), HttpStatusCode.OK);
        return await http.GetStringAsync($"/api/games/{id}/save");
    }

    private static async Task WaitForOddsAsync(IPage page) =>
        await Assertions.Expect(page.Locator(".odds-status")).ToContainTextAsync("Odds from", new() { Timeout = 120_000 });
}
