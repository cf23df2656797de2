using System.Text.Json;
using Microsoft.Playwright;

namespace Bosporos.Web.Tests;

/// <summary>The Near East map of a war run in Debian's chromium: the map, the timeline in 627, and the zoom into the siege.</summary>
public sealed partial class BrowserTests
{
    /// <summary>docs/img of the checkout, where the README's picture of the war map is kept.</summary>
    private static string ImageFolder() => Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(ScreenshotFolder())!, "img")).FullName;

    [SkippableFact]
    public async Task The_war_map_moves_armies_through_627_shows_a_battle_and_zooms_into_the_siege()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var session = await Session.StartAsync();

        // A battle of 627 in this run, from the API (no ids or days are fixed here).
        using var http = new HttpClient { BaseAddress = new Uri(session.Url) };
        using var replay = JsonDocument.Parse(await http.GetStringAsync("/api/wars/war-622-628/replay?seed=1"));
        var battle = replay.RootElement.GetProperty("battles").EnumerateArray().First(b => b.GetProperty("date").GetString()!.StartsWith("0627-", StringComparison.Ordinal));
        var battleDay = battle.GetProperty("day").GetInt32();

        var (page, problems) = await OpenAsync(session, "#/war?id=war-622-628&seed=1");
        await page.Locator("svg.war-map .region").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(replay.RootElement.GetProperty("regions").GetArrayLength(), await page.Locator("svg.war-map .region").CountAsync());
        Assert.True(await page.Locator("svg.war-map .war-route").CountAsync() > 0);
        Assert.Equal("true", await page.Locator("nav a[data-route='war']").GetAttributeAsync("aria-current"));
        Assert.StartsWith("5 April 622", await page.Locator("#war-date").TextContentAsync(), StringComparison.Ordinal);

        // The timeline: keyboard on the slider, then the day of the battle.
        await page.Locator("input.war-slider").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.StartsWith("6 April 622", await page.Locator("#war-date").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("input.war-slider").FillAsync(battleDay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(" 627 (Julian)", await page.Locator("#war-date").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg.war-map circle.army[data-shown='true']").CountAsync() >= 2);
        Assert.True(await page.Locator("svg.war-map .battle").CountAsync() >= 1);
        var date = battle.GetProperty("date").GetString()!;
        Assert.Equal(1, await page.Locator($"svg.war-map .battle[data-battle='{date}']").CountAsync());
        Assert.Contains("Battle in", await page.Locator(".war-chronicle li.today").First.TextContentAsync(), StringComparison.Ordinal);
        await page.Mouse.MoveAsync(1, 1);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForTimeoutAsync(400); // the armies' quarter-second glide to the day's places
        await page.ScreenshotAsync(new() { Path = Path.Combine(ImageFolder(), "war-map.png") });

        // The king's courier on the road, then the day he was caught or delivered his letter; a sack on its day.
        var message = replay.RootElement.GetProperty("messages")[0];
        await page.Locator("input.war-slider").FillAsync(message.GetProperty("sentDay").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await page.Locator("svg.war-map .courier").CountAsync());
        if (message.GetProperty("fate").GetString() == "caught")
        {
            await page.Locator("input.war-slider").FillAsync(message.GetProperty("fateDay").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, await page.Locator("svg.war-map .caught").CountAsync());
        }

        foreach (var sack in replay.RootElement.GetProperty("sacks").EnumerateArray().Take(1))
        {
            await page.Locator("input.war-slider").FillAsync(sack.GetProperty("day").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, await page.Locator($"svg.war-map .sack[data-sack='{sack.GetProperty("date").GetString()}']").CountAsync());
        }

        // A phone: no sideways scroll.
        await page.SetViewportSizeAsync(390, 844);
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' :
              [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 8).map((e) => `${e.tagName}.${e.className.baseVal ?? e.className} ${Math.round(e.getBoundingClientRect().right)}`).join('; ')
            """);
        Assert.True(wide.Length == 0, $"no sideways scroll at phone width; too wide: {wide}");
        await page.SetViewportSizeAsync(1600, 1000);

        // The summer of 626: the siege of this run, hour by hour, on the siege replay page.
        await page.Locator("button.siege-zoom").ClickAsync();
        await page.Locator("svg.map path.sector").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("#/replay", page.Url, StringComparison.Ordinal);
        Assert.Contains("inside", await page.Locator(".war-siege-note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}
