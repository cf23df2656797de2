using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bosporos.Web.Tests;

/// <summary>
/// End-to-end: the real site on a loopback port, the shipped 626 scenario, Debian's chromium driven by Playwright.
/// Saves a screenshot of each page to docs/screenshots. Skips (saying why) only when chromium is not installed.
/// </summary>
public sealed partial class BrowserTests
{
    private static readonly string? ChromiumPath =
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p
        : (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);

    public static string? SkipReason => ChromiumPath is null ? "chromium is not installed (apt-get install chromium fonts-dejavu-core, or set CHROMIUM_PATH)" : null;

    /// <summary>The chromium binary the browser tests drive (null when none is installed).</summary>
    internal static string? ChromiumExecutable => ChromiumPath;

    /// <summary>docs/screenshots of the checkout, where the browser tests save their pictures.</summary>
    internal static string Screenshots => ScreenshotFolder();

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
            site.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0)); // not UseKestrel(0): its port rewrite races Kestrel's own bind (dotnet/aspnetcore#67714)
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

        // Seek with the timeline marker of the first boats caught on the water, on whatever day the khagan sent them in
        // this run (the crossing of the Bosporus, or the attack in the Golden Horn).
        var horn = page.Locator(".marker[data-kind='boats-sunk'][title*='Golden Horn']");
        var trap = await horn.CountAsync() > 0 ? horn.First : page.Locator(".marker[data-kind='boats-sunk']").First;
        var title = await trap.GetAttributeAsync("title") ?? string.Empty;
        var trapDay = title[..(title.IndexOf(" 626", StringComparison.Ordinal) + 4)];
        await trap.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.StartsWith(trapDay, await page.Locator("output.date").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("svg.map .naval-action").First.WaitForAsync();
        Assert.True(await page.Locator("svg.map .contingent.side-roman").CountAsync() > 0);
        Assert.True(await page.Locator("svg.map .contingent.side-avar").CountAsync() > 0);
        // The matching chronicle entry: the boats caught that day, shown and selected.
        var entry = page.Locator(".chronicle li.now.selected[data-kind='boats-sunk']").Filter(new() { HasText = trapDay }).Filter(new() { HasText = "caught" });
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
    public async Task Branch_from_here_opens_the_experiments_page_prefilled_and_runs_the_branch()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        // Seed 26 runs on the historical course: the boats on the morning of 7 August, the withdrawal on the 8th.
        var (page, problems) = await OpenAsync(session, "#/scenario");
        await page.Locator("input.seed").FillAsync("26");
        await page.Locator("input.seed").DispatchEventAsync("change");
        await page.EvaluateAsync("() => { location.hash = '#/replay?at=942'; }");
        await page.Locator("svg.map path.sector").First.WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("output.date")).ToContainTextAsync("7 August 626, 06:00");
        var branch = page.Locator("#branch-here");
        await page.WaitForFunctionAsync("() => document.querySelector('#branch-here').getAttribute('href').includes('branch=943')");
        Assert.Equal("#/experiments?branch=943&seed=26", await branch.GetAttributeAsync("href"));
        await branch.ClickAsync();

        // The branch form: the moment, the light craft preset ready, then the run.
        await page.Locator("#branch-setup").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("Branch from 7 August 626, 07:00", await page.Locator("#branch-setup h2").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("no-light-craft", await page.Locator("#branch-variants .branch-name").First.InputValueAsync());
        Assert.Equal("orders.patrol.golden-horn-upper=0", await page.Locator("#branch-variants .branch-set").First.InputValueAsync());
        await page.Locator("#branch-runs").FillAsync("150");
        await page.Locator("#branch-launch").ClickAsync();
        await page.Locator("#branch-ends tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#outcome-chart svg").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(2, await page.Locator("#branch-ends tbody tr").CountAsync());
        var rows = page.Locator(".results-table:not(.branch-ends) tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Contains("baseline", await rows.Nth(0).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("no-light-craft", await rows.Nth(1).TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "branch.png"), FullPage = true });

        // An empty variant is refused on the page, before any request.
        await page.Locator("#branch-add").ClickAsync();
        await page.Locator("#branch-variants .branch-name").Last.FillAsync("nothing");
        await page.Locator("#branch-launch").ClickAsync();
        Assert.Contains("at least one path=value", await page.Locator(".status").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    /// <summary>Opens the replay in a 1600×1000 page, failing on any script error.</summary>
    private static async Task<(IPage Page, List<string> Problems)> OpenAsync(Session session, string route, int width = 1600, int height = 1000)
    {
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add(m.Text);
            }
        };
        await page.GotoAsync($"{session.Url}/{route}");
        return (page, problems);
    }

    private static async Task<int> CountAsync(IPage page, string what) =>
        int.Parse(new string((await page.Locator(what).TextContentAsync() ?? "").Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Replay_opens_where_the_story_happens_and_the_chronicle_selects_seeks_and_filters()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (page, problems) = await OpenAsync(session, "#/replay");
        await page.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });

        // The main army's arrival, with men on the map and the timeline zoomed on the close siege.
        Assert.StartsWith("29 July 626", await page.Locator("output.date").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await CountAsync(page, ".count.side-roman") > 0);
        Assert.True(await CountAsync(page, ".count.side-avar") > 50_000);
        Assert.True(await CountAsync(page, ".count.side-persian") > 0);
        Assert.Equal("true", await page.Locator("button.zoom-siege").GetAttributeAsync("aria-pressed"));
        Assert.Equal("720", await page.Locator("input.slider").GetAttributeAsync("min"));
        await page.Locator("button.zoom-siege").ClickAsync();
        Assert.Equal("0", await page.Locator("input.slider").GetAttributeAsync("min"));
        await page.Locator("button.zoom-siege").ClickAsync();

        // Shift+Right on the focused slider moves a day, as the keys line says.
        await page.Locator("input.slider").FocusAsync();
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.StartsWith("30 July 626, 00:00", await page.Locator("output.date").TextContentAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.StartsWith("30 July 626, 01:00", await page.Locator("output.date").TextContentAsync(), StringComparison.Ordinal);

        // Go to the end, then click an earlier entry: it is selected and seeked to, every later entry stays listed,
        // and the explanation comes into view.
        await page.Locator("output.date").ClickAsync();
        await page.Keyboard.PressAsync("End");
        var all = await page.Locator(".chronicle li").CountAsync();
        var assault = page.Locator(".chronicle li[data-kind='assault-began']").First;
        await assault.ScrollIntoViewIfNeededAsync();
        await assault.ClickAsync();
        Assert.Contains("selected", await assault.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(all, await page.Locator(".chronicle li:visible").CountAsync());
        Assert.True(await page.Locator(".chronicle li.future").CountAsync() > 0);
        Assert.Equal(await assault.Locator("time").TextContentAsync(), await page.Locator("output.date").TextContentAsync());
        var box = await page.Locator(".event-detail h3").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 1000, $"the explanation is out of view at y={box.Y}");

        // The link carries the hour and the event; opening it restores both.
        await page.WaitForFunctionAsync("() => location.hash.includes('event=')");
        var hash = await page.EvaluateAsync<string>("() => location.hash");
        Assert.Matches(@"^#/replay\?at=\d+&event=\d+$", hash);
        var (shared, sharedProblems) = await OpenAsync(session, hash);
        await shared.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(await page.Locator("output.date").TextContentAsync(), await shared.Locator("output.date").TextContentAsync());
        Assert.Equal(await page.Locator(".event-detail h3").TextContentAsync(), await shared.Locator(".event-detail h3").TextContentAsync());
        Assert.Equal(1, await shared.Locator(".chronicle li.selected").CountAsync());
        Assert.Empty(sharedProblems);

        // Next and previous great event, by button and by key.
        var before = await page.Locator("output.date").TextContentAsync();
        await page.Locator("button.next-major").ClickAsync();
        var after = await page.Locator("output.date").TextContentAsync();
        Assert.NotEqual(before, after);
        Assert.Contains("major", await page.Locator(".chronicle li.selected").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await page.Locator("output.date").ClickAsync();
        await page.Keyboard.PressAsync("p");
        Assert.Equal(before, await page.Locator("output.date").TextContentAsync());

        // Filters: words, kind, side, place; every entry left matches.
        await page.Locator("input.chronicle-search").FillAsync("monoxyla");
        var hits = page.Locator(".chronicle li:visible");
        Assert.True(await hits.CountAsync() > 0);
        Assert.True(await hits.CountAsync() < all);
        foreach (var text in await hits.AllTextContentsAsync())
        {
            Assert.Contains("monoxyla", text, StringComparison.OrdinalIgnoreCase);
        }

        await page.Locator("input.chronicle-search").FillAsync("");
        await page.Locator("select.filter-kind").SelectOptionAsync("tower-burned");
        Assert.Equal(await page.Locator(".chronicle li[data-kind='tower-burned']").CountAsync(), await page.Locator(".chronicle li:visible").CountAsync());
        await page.Locator("select.filter-kind").SelectOptionAsync("");
        await page.Locator("select.filter-side").SelectOptionAsync("naval");
        var naval = await page.Locator(".chronicle li:visible").CountAsync();
        Assert.Equal(naval, await page.Locator(".chronicle li.tone-naval:visible").CountAsync());
        await page.Locator("select.filter-side").SelectOptionAsync("");
        var blachernae = await page.Locator("select.filter-place option", new() { HasText = "Blachernae and the Pteron" }).GetAttributeAsync("value");
        await page.Locator("select.filter-place").SelectOptionAsync(blachernae!);
        var atBlachernae = await page.Locator(".chronicle li:visible").CountAsync();
        Assert.True(atBlachernae > 0);
        Assert.Equal(atBlachernae, await page.Locator($".chronicle li[data-place='{blachernae}']").CountAsync());

        // The legend explains size, colour and the dashed rim.
        var legend = await page.Locator("details.legend").TextContentAsync();
        Assert.Contains("Circle size", legend, StringComparison.Ordinal);
        Assert.Contains("Dashed rim", legend, StringComparison.Ordinal);
        Assert.Contains("Romans", legend, StringComparison.Ordinal);

        // Circles are kept from hour to hour and glide: the same element, with a transition.
        await page.Locator("output.date").ClickAsync();
        await page.EvaluateAsync("() => { document.querySelector(\"svg.map .contingent[data-id='persians']\").dataset.kept = 'yes'; }");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        Assert.Equal("yes", await page.Locator("svg.map .contingent[data-id='persians']").GetAttributeAsync("data-kept"));
        var transition = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('svg.map .contingent')).transitionDuration");
        Assert.NotEqual("0s", transition.Split(',')[0].Trim());
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Map_text_reads_as_sentences_labels_do_not_collide_and_the_keyboard_skips_the_map()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (page, problems) = await OpenAsync(session, "#/replay");
        await page.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });

        // Display names, no ids, no capital "The" inside a sentence.
        var chronicle = string.Join("\n", await page.Locator(".chronicle li").AllTextContentsAsync());
        Assert.DoesNotMatch(@"avar-[a-z]|roman-engines", chronicle);
        Assert.DoesNotMatch(@"\b(at|on|of) The ", chronicle);
        Assert.Contains("men in position", chronicle, StringComparison.Ordinal);
        Assert.Contains("the khagan's siege towers", chronicle, StringComparison.OrdinalIgnoreCase);

        // The aqueduct is cut on land.
        await page.Locator(".chronicle li[data-kind='aqueduct-cut']").ClickAsync();
        var why = await page.Locator(".event-detail").TextContentAsync();
        Assert.Contains("aqueduct", why, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sea lane", why, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("svg.map .action.kind-aqueduct-cut").CountAsync());

        // No two labels overlap and none leaves the map, at the opening view and at the naval trap.
        foreach (var route in new[] { "#/replay", "#/replay?date=08-07" })
        {
            var (view, viewProblems) = await OpenAsync(session, route);
            await view.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });
            var clash = await view.EvaluateAsync<string>(@"() => {
                const map = document.querySelector('svg.map').getBoundingClientRect();
                const boxes = [...document.querySelectorAll('svg.map .labels text')]
                    .filter(t => t.getAttribute('visibility') !== 'hidden' && getComputedStyle(t).display !== 'none')
                    .map(t => ({ name: t.textContent, r: t.getBoundingClientRect() }));
                for (const b of boxes) {
                    if (b.r.left < map.left - 1 || b.r.right > map.right + 1 || b.r.top < map.top - 1 || b.r.bottom > map.bottom + 1) return 'outside: ' + b.name;
                }
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i].r, c = boxes[j].r;
                    if (a.left < c.right - 1 && c.left < a.right - 1 && a.top < c.bottom - 1 && c.top < a.bottom - 1) return boxes[i].name + ' / ' + boxes[j].name;
                }
                return boxes.length < 8 ? 'only ' + boxes.length + ' labels' : '';
            }");
            Assert.True(clash.Length == 0, $"{route}: {clash}");
            Assert.Empty(viewProblems);
        }

        // Nothing inside the map takes the focus; a skip link leads past it to the timeline.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('svg.map [tabindex]').length"));
        await page.GotoAsync($"{session.Url}/#/replay");
        await page.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });
        var presses = 0;
        while (presses < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('play') ?? false"))
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
            if (await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('skip-link') ?? false"))
            {
                await page.Keyboard.PressAsync("Enter");
            }
        }

        Assert.True(presses <= 8, $"{presses} presses of Tab to reach the timeline");
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task Scenario_page_restores_a_refused_number_and_loads_no_map_or_chart_code()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (page, problems) = await OpenAsync(session, "#/scenario");
        await page.Locator(".group").First.WaitForAsync();
        var strength = page.Locator("input[data-path='contingents.field-troops.strength']");
        var written = await strength.InputValueAsync();
        await strength.FillAsync("999999");
        await strength.DispatchEventAsync("change");
        Assert.Equal(written, await strength.InputValueAsync());
        var refusal = await page.Locator("tr.refused-row .refused").TextContentAsync();
        Assert.Contains("999999 is outside", refusal, StringComparison.Ordinal);
        Assert.Equal("as written", await page.Locator(".changed-count").TextContentAsync());
        await strength.FillAsync("11000");
        await strength.DispatchEventAsync("change");
        Assert.Equal(0, await page.Locator("tr.refused-row").CountAsync());
        Assert.Equal("1 figure changed", await page.Locator(".changed-count").TextContentAsync());

        // The first pages load only their own code: neither the map (d3, the coastline) nor Vega.
        var scripts = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js')).map(e => e.name.split('/').pop() + ' ' + e.decodedBodySize)");
        var bytes = scripts.Sum(s => long.Parse(s.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(bytes < 40_000, $"the scenario page loads {bytes} bytes of script: {string.Join(", ", scripts)}");
        Assert.DoesNotContain(scripts, s => s.StartsWith("embed", StringComparison.Ordinal) || s.StartsWith("replayPage", StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [SkippableFact]
    public async Task A_second_run_plays_beside_the_first_on_its_own_map()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();
        var (page, problems) = await OpenAsync(session, "#/replay?date=08-07&compare=no-fleet");
        var second = page.Locator(".maps.two .other-run svg.map");
        await second.Locator(".contingent").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(2, await page.Locator(".maps.two svg.map").CountAsync());
        Assert.Contains("No Roman fleet", await page.Locator(".other-run .map-caption").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".map-figure").First.Locator(".flotilla.side-roman").CountAsync() > 0);
        Assert.Equal(0, await second.Locator(".flotilla.side-roman").CountAsync());

        // One clock drives both maps; the link keeps the comparison.
        await page.Locator("output.date").ClickAsync();
        await page.Keyboard.PressAsync("End");
        await second.Locator(".contingent.persians-ashore").First.WaitForAsync();
        Assert.Equal(0, await page.Locator(".map-figure").First.Locator(".contingent.persians-ashore").CountAsync());
        await page.WaitForFunctionAsync("() => location.hash.includes('compare=no-fleet')");
        await page.Keyboard.PressAsync("p"); // back to the last great event, the two runs apart
        await page.Mouse.MoveAsync(1, 1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "replay-compare.png") });

        // Another seed instead, then nothing beside it.
        await page.Locator("select.compare-with").SelectOptionAsync("seed");
        await page.WaitForFunctionAsync("() => location.hash.includes('compare=seed:627')");
        await page.Locator(".other-run .map-caption", new() { HasText = "Seed 627" }).WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("select.compare-with").SelectOptionAsync("");
        Assert.Equal(1, await page.Locator("svg.map").CountAsync());
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
            var wide = overflow
                ? await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '')).join(', ')")
                : string.Empty;
            Assert.False(overflow, $"{name}: the page scrolls sideways ({wide})");
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"replay-{name}.png") });
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task A_replay_file_opens_on_the_replay_page_with_its_orders_and_a_bad_one_is_refused_with_its_field()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();

        // A recorded run of the shipped siege with one order, the player's procession on the first day of the close siege.
        var loaded = session.Site.Services.GetRequiredService<Bosporos.Web.Scenarios.IScenarioSource>().Load("constantinople-626", [])!;
        Bosporos.Kernel.Command.Order[] orders =
        [
            new(new Bosporos.Kernel.Time.SimTime(726), Bosporos.Kernel.Forces.Side.Roman, Bosporos.Kernel.Command.OrderKind.Procession, -1, 0)
            {
                Source = Bosporos.Kernel.Command.OrderSource.Player,
            },
        ];
        var sim = Bosporos.Kernel.Simulation.Create(loaded.Definition!, 9);
        Bosporos.Scenarios.Replays.ReplayPlayer.Play(sim, orders);
        var text = Bosporos.Scenarios.Replays.ReplayJson.Write(
            Bosporos.Scenarios.Replays.ReplayPlayer.Record(sim, "constantinople-626", loaded.ScenarioHash, [], orders));
        var folder = Directory.CreateTempSubdirectory("bosporos-replay-").FullName;
        try
        {
            var good = Path.Combine(folder, "seed9.replay.json");
            var bad = Path.Combine(folder, "altered.replay.json");
            await File.WriteAllTextAsync(good, text);
            await File.WriteAllTextAsync(bad, text.Replace(loaded.ScenarioHash, "ffff", StringComparison.Ordinal));

            var (page, problems) = await OpenAsync(session, "#/replay");
            await page.Locator("svg.map .contingent").First.WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator("input.open-file").SetInputFilesAsync(good);
            await page.Locator("p.opened-file").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("seed9.replay.json", await page.Locator("p.opened-file").TextContentAsync(), StringComparison.Ordinal);
            Assert.Contains("seed 9", await page.Locator("p.opened-file").TextContentAsync(), StringComparison.Ordinal);
            var line = page.Locator(".chronicle li[data-kind='order-given']");
            Assert.Equal(1, await line.CountAsync());
            Assert.Contains("By the player's order, the patriarch was to carry the icons", await line.TextContentAsync(), StringComparison.Ordinal);
            await page.Locator("svg.map .contingent").First.WaitForAsync();
            Assert.Empty(problems);

            await page.Locator("input.open-file").SetInputFilesAsync(bad);
            var refusal = page.Locator(".open-file-status .problem");
            await refusal.WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("refused at 'scenarioHash'", await refusal.TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator(".chronicle li[data-kind='order-given']").CountAsync()); // the opened run stays
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
