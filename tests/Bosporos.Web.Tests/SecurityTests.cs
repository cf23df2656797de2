using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bosporos.Kernel;
using Bosporos.Web.Experiments;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

public sealed class SecurityTests
{
    private const string Token = "s3cret-token-for-tests";

    [Theory]
    [InlineData("http://0.0.0.0:5626")]
    [InlineData("http://192.168.1.10:5626")]
    [InlineData("http://example.org:5626")]
    [InlineData("http://*:5626")]
    [InlineData("http://+:5626")]
    [InlineData("http://[::]:5626")]
    [InlineData("http://127.0.0.1:5626;http://0.0.0.0:5627")]
    [InlineData("")]
    public void Refuses_to_build_on_a_public_address_without_a_token(string urls)
    {
        var e = Assert.Throws<WebStartupException>(() => BosporosWeb.Build(new WebOptions { Urls = urls }));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        if (urls.Length > 0)
        {
            Assert.Contains("token", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_exits_with_2_instead_of_serving_publicly_without_a_token()
    {
        Assert.Equal(2, await BosporosWeb.RunAsync(new WebOptions { Urls = "http://0.0.0.0:5626" }));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5626")]
    [InlineData("http://localhost:5626")]
    [InlineData("http://[::1]:5626")]
    [InlineData("http://127.0.0.2:5626")]
    public void Loopback_addresses_need_no_token(string url) => Assert.True(BosporosWeb.IsLoopback(url));

    [Fact]
    public async Task Public_address_with_a_token_builds()
    {
        // The same address without a token is refused when the site is built; with one it builds.
        Assert.NotNull(Record.Exception(() => BosporosWeb.Build(new WebOptions { Urls = "http://0.0.0.0:5626" })));
        await using var app = BosporosWeb.Build(new WebOptions { Urls = "http://0.0.0.0:5626", Token = Token });
        Assert.Equal(Token, app.Services.GetRequiredService<WebOptions>().Token);
    }

    [Fact]
    public void Options_read_urls_and_token_from_arguments()
    {
        var o = WebOptions.FromArgs(["--urls", "http://127.0.0.1:9000", "--token", "abc"]);
        Assert.Equal("http://127.0.0.1:9000", o.Urls);
        Assert.Equal("abc", o.Token);
        Assert.Equal(WebOptions.DefaultUrls, WebOptions.FromArgs([]).Urls);
    }

    [Fact]
    public async Task With_a_token_every_endpoint_but_health_refuses_anonymous_requests()
    {
        await using var factory = new SiteFactory(new WebOptions { Token = Token });
        var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.True(endpoints.Length >= 8, $"found {endpoints.Length} endpoints");
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!
                .Replace("{id}", "0123456789abcdef", StringComparison.Ordinal)
                .Replace("{**rest}", "anything", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = JsonContent.Create(new { scenario = TestScenarios.Id, runs = 1 });
                }

                var response = await client.SendAsync(request);
                if (path == "/api/health")
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                else
                {
                    await HttpAssert.Problem(response, HttpStatusCode.Unauthorized);
                    Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
                    HttpAssert.SecurityHeaders(response);
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount >= 7);
    }

    [Fact]
    public async Task With_a_token_the_right_bearer_token_is_let_in_and_a_wrong_one_is_not()
    {
        await using var factory = new SiteFactory(new WebOptions { Token = Token });
        var client = factory.CreateClient();
        using (var ok = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ok)).StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        using (var basic = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(basic)).StatusCode);
        }

        // No token in API URLs at all (the page's cookie covers the event stream and downloads; see TokenTests).
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/experiments/0123456789abcdef/progress?token={Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/scenarios?token={Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/runs?token={Token}", new { scenario = TestScenarios.Id })).StatusCode);
    }

    [Fact]
    public async Task Static_pages_stay_public_with_a_token()
    {
        await using var factory = new SiteFactory(new WebOptions { Token = Token });
        var response = await factory.CreateClient().GetAsync("/");
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        HttpAssert.SecurityHeaders(response);
    }

    [Fact]
    public async Task Security_headers_are_on_every_kind_of_response()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        var big = new StringContent(new string(' ', (1024 * 1024) + 1), System.Text.Encoding.UTF8, "application/json");
        HttpResponseMessage[] responses =
        [
            await client.GetAsync("/api/health"),
            await client.GetAsync("/api/scenarios"),
            await client.GetAsync($"/api/scenarios/{TestScenarios.Id}"),
            await client.GetAsync("/api/scenarios/nope"),
            await client.GetAsync("/api/scenarios/BAD"),
            await client.PostAsJsonAsync("/api/runs", new { scenario = TestScenarios.Id }),
            await client.PostAsync("/api/runs", new StringContent("{", System.Text.Encoding.UTF8, "application/json")),
            await client.PostAsync("/api/runs", big),
            await client.GetAsync("/api/experiments/0123456789abcdef"),
            await client.GetAsync("/api/missing"),
            await client.GetAsync("/"),
            await client.GetAsync("/some/page"),
            await client.DeleteAsync("/api/scenarios"),
        ];
        foreach (var r in responses)
        {
            HttpAssert.SecurityHeaders(r);
        }

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Foreign_origin_gets_no_cors_grant()
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/runs");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        get.Headers.Add("Origin", "https://evil.example");
        Assert.False((await client.SendAsync(get)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_third_concurrent_experiment_is_429_and_results_wait_for_the_end()
    {
        using var runner = new GatedRunner();
        await using var factory = new SiteFactory(new WebOptions { MaxConcurrentExperiments = 2 }, runner);
        var client = factory.CreateClient();
        var body = new { scenario = TestScenarios.Id, runs = 3 };
        var first = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", body), HttpStatusCode.Accepted);
        await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", body), HttpStatusCode.Accepted);
        await HttpAssert.Problem(await client.PostAsJsonAsync("/api/experiments", body), (HttpStatusCode)429);

        var id = first.GetProperty("id").GetString();
        await HttpAssert.Problem(await client.GetAsync($"/api/experiments/{id}/runs.csv"), HttpStatusCode.Conflict);
        var running = await HttpAssert.Json(await client.GetAsync($"/api/experiments/{id}"), HttpStatusCode.OK);
        Assert.Equal("running", running.GetProperty("state").GetString());

        runner.Open();
        var progress = await ExperimentApiTests.ReadProgress(client, $"/api/experiments/{id}/progress");
        Assert.Equal("done", progress[^1].GetProperty("state").GetString());
        await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", body), HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_failing_batch_reports_failed_without_internals()
    {
        await using var factory = new SiteFactory(null, new ThrowingRunner());
        var client = factory.CreateClient();
        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs = 2 }), HttpStatusCode.Accepted);
        var progress = await ExperimentApiTests.ReadProgress(client, start.GetProperty("progress").GetString()!);
        var last = progress[^1];
        Assert.Equal("failed", last.GetProperty("state").GetString());
        Assert.DoesNotContain("secret detail", last.GetRawText(), StringComparison.Ordinal);
    }

    /// <summary>Holds every batch until <see cref="Open"/> is called.</summary>
    private sealed class GatedRunner : IBatchRunner, IDisposable
    {
        private readonly ManualResetEventSlim gate = new(false);

        public void Open() => gate.Set();

        public void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken)
        {
            gate.Wait(cancellationToken);
            for (var k = 0; k < runs; k++)
            {
                done(k, default);
            }
        }

        public void Dispose() => gate.Dispose();
    }

    private sealed class ThrowingRunner : IBatchRunner
    {
        public void Run(SiegeDefinition definition, ulong masterSeed, int runs, Action<int, SiegeSummary> done, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret detail");
    }
}
