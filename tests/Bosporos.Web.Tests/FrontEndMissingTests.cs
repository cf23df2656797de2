using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Bosporos.Web.Tests;

/// <summary>Without a built front end a browser gets a page that says so and how to build it; API clients a JSON problem.</summary>
public sealed class FrontEndMissingTests : IAsyncLifetime
{
    private readonly string empty = Directory.CreateTempSubdirectory("bosporos-no-front-end-").FullName;
    private WebApplication? app;

    public async Task InitializeAsync()
    {
        // The real site, built as 'bosporos serve' builds it, over an empty web root (a build without Node.js).
        app = BosporosWeb.Build(new WebOptions { WebRoot = empty }, b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
        });
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        Directory.Delete(empty, recursive: true);
    }

    [Fact]
    public async Task A_browser_is_told_the_front_end_was_not_built_and_how_to_build_it()
    {
        using var client = app!.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("front end was not built", page, StringComparison.Ordinal);
        Assert.Contains("Node.js 20.19", page, StringComparison.Ordinal);
        Assert.Contains("dotnet build src/Bosporos.Cli", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_client_still_gets_a_problem_document()
    {
        using var client = app!.GetTestClient();
        using var response = await client.GetAsync(new Uri("/replay", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
