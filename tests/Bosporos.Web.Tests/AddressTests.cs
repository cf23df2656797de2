using System.Net;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

/// <summary>Where the site listens and which Host names it answers to.</summary>
public sealed class AddressTests
{
    private const string Token = "s3cret-token-for-tests";

    [Theory]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:5629")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://*:5629")]
    [InlineData("Kestrel:Endpoints:Lan:Url", "http://192.168.1.10:5629")]
    [InlineData("urls", "http://[::]:5629")]
    public void Refuses_a_public_address_that_comes_from_configuration(string key, string url)
    {
        // What appsettings.json in the working directory or Kestrel__Endpoints__Http__Url=... would add.
        var e = Assert.Throws<WebStartupException>(() => BosporosWeb.Build(new WebOptions(), b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = url })));
        Assert.Contains(url, e.Message, StringComparison.Ordinal);
        Assert.Contains("token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_with_a_loopback_endpoint_or_a_token_is_accepted()
    {
        await using (var loopback = BosporosWeb.Build(new WebOptions(), b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5629" })))
        {
            Assert.NotNull(loopback);
        }

        await using var withToken = BosporosWeb.Build(new WebOptions { Token = Token }, b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:5629" }));
        Assert.NotNull(withToken);
    }

    [Fact]
    public async Task Run_stops_with_2_when_the_server_bound_a_public_address_by_other_means()
    {
        // Addresses set in code (or anything the configuration check cannot see) are checked once Kestrel has bound them.
        var code = await BosporosWeb.RunAsync(new WebOptions { ResultsDirectory = null }, b =>
            b.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Any, 0)), CancellationToken.None);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5626")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("0.0.0.0:5626")]
    [InlineData("192.168.1.10")]
    public async Task A_foreign_host_header_is_refused_before_any_endpoint(string host)
    {
        await using var factory = new SiteFactory();
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments") { Content = System.Net.Http.Json.JsonContent.Create(new { scenario = TestScenarios.Id, runs = 1 }) };
        request.Headers.Host = host;
        var response = await client.SendAsync(request);
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("--allowed-hosts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        HttpAssert.SecurityHeaders(response);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Host = host;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(page)).StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5626")]
    [InlineData("127.0.0.1:5626")]
    [InlineData("[::1]:5626")]
    [InlineData("LOCALHOST")]
    public async Task Loopback_host_names_are_answered(string host)
    {
        await using var factory = new SiteFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = host;
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Allowed_hosts_and_the_hosts_of_the_urls_are_answered()
    {
        await using var factory = new SiteFactory(new WebOptions { Urls = "http://siege.example:5626", Token = Token, AllowedHosts = ["bosporos.lan", "*.example.org"] });
        var client = factory.CreateClient();
        foreach (var (host, expected) in new[]
        {
            ("siege.example:5626", HttpStatusCode.OK), ("bosporos.lan", HttpStatusCode.OK), ("a.example.org", HttpStatusCode.OK),
            ("example.org", HttpStatusCode.BadRequest), ("bosporos.lan.attacker.example", HttpStatusCode.BadRequest),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
            request.Headers.Host = host;
            Assert.True(expected == (await client.SendAsync(request)).StatusCode, host);
        }
    }

    [Fact]
    public async Task On_a_real_server_a_foreign_host_gets_400_and_localhost_is_served()
    {
        await using var site = await LiveSite.StartAsync(new WebOptions(), b => b.Services.AddSingleton<IScenarioSource>(new TestScenarios()));
        using var client = site.Client();
        using (var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios"))
        {
            foreign.Headers.Host = "attacker.example";
            Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/scenarios")).StatusCode);
    }
}
