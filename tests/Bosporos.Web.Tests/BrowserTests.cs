using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bosporos.Web.Tests;

/// <summary>
/// End-to-end: the real site on a loopback port, the shipped 626 scenario, Debian's chromium driven by Playwright.
/// Saves a screenshot of each page to docs/screenshots. Skips (saying why) only when chromium is not installed.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string? ChromiumPath =
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p
        : (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);

    public static string? SkipReason => ChromiumPath is null ? "chromium is not installed (apt-get install chromium fonts-dejavu-core, or set CHROMIUM_PATH)" : null;

    private static string ScreenshotFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }

    /// <summary>The site on a free loopback port and a headless chromium, disposed together.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private Session(SiteFactory site, string url, IPlaywright playwright, IBrowser browser)
        {
            Site = site;
            Url = url;
            Playwright = playwright;
            Browser = browser;
        }

        public SiteFactory Site { get; }

        public string Url { get; }

        public IPlaywright Playwright { get; }

        public IBrowser Browser { get; }

        public static async Task<Session> StartAsync()
        {
            var site = new SiteFactory(null, null, shippedScenarios: true);
            site.UseKestrel(0);
            site.StartServer();
            var addresses = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            var url = addresses.First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal) || a.StartsWith("http://localhost", StringComparison.Ordinal) || a.StartsWith("http://[::1]", StringComparison.Ordinal));
            var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new Session(site, url.TrimEnd('/'), playwright, browser);
        }

        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
            await Site.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Run_the_626_siege_seek_to_the_naval_trap_and_launch_an_experiment()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (url, browser) = (session.Url, session.Browser);
        var shots = ScreenshotFolder();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add(m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add(e);

        // Scenario page: every figure with source, reliability and range.
        await page.GotoAsync($"{url}/#/scenario");
        await page.Locator(".group").First.WaitForAsync();
        Assert.True(await page.Locator("table.numbers tbody tr").CountAsync() > 50);
        Assert.True(await page.Locator(".side-roman .group").CountAsync() > 0);
        Assert.True(await page.Locator(".side-avar .group").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "scenario.png") });

        // Edit one figure within its range, then run it and land on the map.
        var strength = page.Locator("input[data-path='contingents.field-troops.strength']");
        await strength.FillAsync("11000");
        await strength.DispatchEventAsync("change");
        Assert.Equal("1 figure changed", await page.Locator(".changed-count").TextContentAsync());
        await page.Locator("#run-siege").ClickAsync();
        await page.Mouse.MoveAsync(1, 1); // out of the way of the map about to appear
        await page.Locator("svg.map path.sector").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.True(await page.Locator("svg.map .walls path.land-wall").CountAsync() >= 5);
        Assert.True(await page.Locator("svg.map path.sector").CountAsync() >= 4);
        Assert.Contains("1 figure changed", await page.Locator(".summary").TextContentAsync(), StringComparison.Ordinal);

        // Keyboard: the right arrow steps one hour.
        var before = await page.Locator("output.date").TextContentAsync();
        await page.Locator("output.date").ClickAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.NotEqual(before, await page.Locator("output.date").TextContentAsync());

        // Seek to 7 August with the timeline marker of the naval trap.
        var trap = page.Locator(".marker[data-kind='boats-sunk'][title^='7 August']").First;
        await trap.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.StartsWith("7 August 626", await page.Locator("output.date").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("svg.map .naval-action").First.WaitForAsync();
        Assert.True(await page.Locator("svg.map .contingent.side-roman").CountAsync() > 0);
        Assert.True(await page.Locator("svg.map .contingent.side-avar").CountAsync() > 0);
        // The matching chronicle entry: the boats caught in the Golden Horn that morning, shown and selected.
        var entry = page.Locator(".chronicle li.now.selected[data-kind='boats-sunk']").Filter(new() { HasText = "7 August 626" }).Filter(new() { HasText = "Golden Horn" });
        Assert.Equal(1, await entry.CountAsync());
        Assert.True(await entry.IsVisibleAsync());
        Assert.Contains("odds", await page.Locator(".event-detail").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "replay.png") });

        // A small experiment: live progress, then the outcome chart as SVG.
        await page.GotoAsync($"{url}/#/experiments");
        await page.Locator("#runs").FillAsync("200");
        await page.Locator("#launch").ClickAsync();
        await page.Locator("#outcome-chart svg").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#duration-chart svg").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains("Done", await page.Locator(".status").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".results-table tbody tr").CountAsync() >= 2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "experiments.png"), FullPage = true });

        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Without_a_fleet_the_map_shows_Persians_ashore_and_no_Roman_warships()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (url, browser) = (session.Url, session.Browser);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        // The scenario page keeps figures within their cited ranges, so the fleet is sunk on the way to the API.
        await page.RouteAsync("**/api/runs", async route =>
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(route.Request.PostData ?? "{}")!.AsObject();
            body["overrides"] = new System.Text.Json.Nodes.JsonObject { ["flotillas.roman-galleys.hulls"] = 0, ["flotillas.roman-light-craft.hulls"] = 0 };
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()) });
        });
        await page.GotoAsync($"{url}/#/replay");
        await page.Locator("svg.map path.sector").First.WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("output.date").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Locator("svg.map .contingent.persians-ashore").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("svg.map .flotilla.side-roman").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "bosporos-no-fleet.png") });
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Pages_fit_a_phone_and_a_projector()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (url, browser) = (session.Url, session.Browser);
        var shots = ScreenshotFolder();
        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("projector", 1920, 1080) })
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
            await page.GotoAsync($"{url}/#/replay?date=08-07");
            await page.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{name}: the page scrolls sideways");
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"replay-{name}.png") });
            await page.CloseAsync();
        }
    }
}
