using Bosporos.Web.Experiments;
using Bosporos.Web.Scenarios;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bosporos.Web.Tests;

/// <summary>The real site (Program and BosporosWeb) with the test siege as its only scenario and the given options.</summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly IBatchRunner? runner;
    private readonly Action<IServiceCollection>? extraServices;

    public SiteFactory()
        : this(null, null)
    {
    }

    internal SiteFactory(WebOptions? options, IBatchRunner? runner = null, bool shippedScenarios = false, Action<IServiceCollection>? services = null)
    {
        extraServices = services;
        Options = options ?? new WebOptions();
        this.runner = runner;
        ShippedScenarios = shippedScenarios;
    }

    /// <summary>Serve the shipped scenarios (the real catalog) instead of the test siege.</summary>
    public bool ShippedScenarios { get; }

    public WebOptions Options { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Options);
            if (!ShippedScenarios)
            {
                services.AddSingleton<IScenarioSource>(new TestScenarios());
            }

            if (runner is not null)
            {
                services.AddSingleton(runner);
            }

            extraServices?.Invoke(services);
        });
    }
}
