using System.Net;
using System.Net.Http.Json;
using Bosporos.Scenarios;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        await using (var healthy = new SiteFactory())
        {
            Assert.Equal(HttpStatusCode.OK, (await healthy.CreateClient().GetAsync("/api/scenarios")).StatusCode);
        }

        await using var factory = new ThrowingSiteFactory();
        var response = await factory.CreateClient().GetAsync("/api/scenarios");
        var problem = await HttpAssert.Problem(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret", problem.GetRawText(), StringComparison.Ordinal);
        HttpAssert.SecurityHeaders(response);
    }

    [Fact]
    public async Task Replays_beyond_the_concurrency_limit_are_429()
    {
        await using var factory = new SiteFactory(new WebOptions { MaxConcurrentReplays = 0 });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/runs", new { scenario = TestScenarios.Id });
        await HttpAssert.Problem(response, (HttpStatusCode)429);
    }

    private sealed class ThrowingSiteFactory : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // Test services are applied in order, after the base class's: this one wins.
            builder.ConfigureTestServices(s => s.AddSingleton<IScenarioSource>(new Throwing()));
        }
    }

    private sealed class Throwing : IScenarioSource
    {
        public IReadOnlyList<ScenarioSummaryDto> List() => throw new InvalidOperationException("secret detail");

        public LoadResult? Load(string id, IReadOnlyList<ScenarioOverride> overrides) => throw new InvalidOperationException("secret detail");
    }
}
