using System.Net;
using System.Net.Http.Headers;
using Bosporos.Web.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

/// <summary>The access token: kept out of URLs after the first page, out of logs and out of messages.</summary>
public sealed class TokenTests
{
    private const string Token = "s3cret-token-for-tests";

    [Fact]
    public async Task The_first_page_sets_an_httponly_strict_cookie_and_redirects_to_the_address_without_the_token()
    {
        await using var site = await LiveSite.StartAsync(new WebOptions { Token = Token }, b => b.Services.AddSingleton<IScenarioSource>(new TestScenarios()));
        using var client = site.Client();
        var first = await client.GetAsync($"/?lang=en&token={Token}");
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal("/?lang=en", first.Headers.Location?.OriginalString);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);

        // The cookie opens the API, the event stream and the downloads (unknown experiment: 404 means the gate let it through).
        var pair = cookie.Split(';')[0];
        foreach (var path in new[] { "/api/scenarios", "/api/experiments/0123456789abcdef/progress", "/api/experiments/0123456789abcdef/runs.csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", pair);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            stale.Headers.Add("Cookie", pair);
            stale.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-of-an-earlier-start");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
        }

        using (var forged = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            forged.Headers.Add("Cookie", $"bosporos-session={Token}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
        }

        var wrong = await client.GetAsync("/?token=nope");
        await HttpAssert.Problem(wrong, HttpStatusCode.Unauthorized);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_api_takes_no_token_in_its_urls()
    {
        await using var factory = new SiteFactory(new WebOptions { Token = Token });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/experiments/0123456789abcdef/progress?token={Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/experiments/0123456789abcdef/runs.csv?token={Token}")).StatusCode);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/experiments/0123456789abcdef/progress");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public async Task The_token_never_reaches_the_request_log_nor_an_answer()
    {
        await using var site = await LiveSite.StartAsync(new WebOptions { Token = Token }, b => b.Services.AddSingleton<IScenarioSource>(new TestScenarios()));
        using var client = site.Client();
        var answers = new List<string>();
        foreach (var url in new[]
        {
            $"/?token={Token}", $"/some/page?x=1&TOKEN={Token}", $"/?%74oken={Token}", $"/api/experiments/0123456789abcdef/progress?token={Token}",
            $"/api/experiments/0123456789abcdef/runs.csv?token={Token}", $"/api/scenarios?access_token={Token}", "/?token=wrong-" + Token,
        })
        {
            var response = await client.GetAsync(url);
            answers.Add(await response.Content.ReadAsStringAsync() + string.Join(" ", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        }

        Assert.All(answers, a => Assert.DoesNotContain(Token, a, StringComparison.Ordinal));
        var lines = site.Log.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/progress?token=***", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(Token, l, StringComparison.Ordinal));
    }
}
