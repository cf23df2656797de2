using System.Net;
using Bosporos.Web.Experiments;
using Bosporos.Web.Replay;
using Bosporos.Web.Scenarios;
using Bosporos.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Bosporos.Web;

/// <summary>The site was asked to start in a way that would be unsafe or cannot work (e.g. public address without a token).</summary>
public sealed class WebStartupException(string message) : Exception(message);

/// <summary>
/// Entry points for hosting the Bosporos site: <see cref="RunAsync"/> for <c>bosporos serve</c>,
/// <see cref="Build"/> for hosts and tests that start the application themselves.
/// </summary>
public static class BosporosWeb
{
    /// <summary>
    /// Builds the site without starting it. Throws <see cref="WebStartupException"/> when asked to listen on a
    /// non-loopback address without an access token.
    /// </summary>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckAddresses(options);
        var webRoot = options.WebRoot ?? FindWebRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(BosporosWeb).Assembly.GetName().Name,
            WebRootPath = webRoot,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        configure?.Invoke(builder);
        AddServices(builder.Services, options);
        var app = builder.Build();
        MapAll(app, options);
        return app;
    }

    /// <summary>Builds and runs the site until Ctrl+C; prints the address. Returns 0, or 2 when it refuses to start.</summary>
    public static async Task<int> RunAsync(WebOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplication app;
        try
        {
            app = Build(options);
        }
        catch (WebStartupException e)
        {
            await Console.Error.WriteLineAsync($"bosporos serve: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Bosporos is serving the siege at {url}/ (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Registers the site's services; public so a test host can build the same application.</summary>
    public static void AddServices(IServiceCollection services, WebOptions options)
    {
        services.AddSingleton(options);
        services.AddProblemDetails();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.ConfigureHttpJsonOptions(j => WebJson.Configure(j.SerializerOptions));
        services.TryAddSingleton<IScenarioSource, CatalogScenarioSource>();
        services.TryAddSingleton<IBatchRunner, AnalysisBatchRunner>();
        services.AddSingleton<ExperimentStore>();
        services.AddSingleton<ReplayGate>();
    }

    /// <summary>Adds the middleware and endpoints; public so a test host can build the same application.</summary>
    public static void MapAll(WebApplication app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<TokenGateMiddleware>();
        var files = app.Environment.WebRootFileProvider;
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapGet("/api/health", () => TypedResults.Ok(new HealthDto("ok", typeof(BosporosWeb).Assembly.GetName().Version?.ToString() ?? "0")));
        ScenarioEndpoints.Map(app);
        ReplayEndpoints.Map(app);
        ExperimentEndpoints.Map(app);
        app.MapFallback("/api/{**rest}", () => ApiProblems.NotFound("No such endpoint."));
        app.MapFallback(context => ServeIndex(context, files));
        _ = options;
    }

    private static async Task ServeIndex(HttpContext context, IFileProvider files)
    {
        var index = files.GetFileInfo("index.html");
        if (!index.Exists && HttpMethods.IsGet(context.Request.Method) && WantsHtml(context.Request))
        {
            // A browser gets a page that says what is missing and how to build it, not a JSON 404.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(FrontEndMissingPage).ConfigureAwait(false);
            return;
        }

        if (!index.Exists || !HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await Results.Problem(
                statusCode: 404,
                title: "Not found",
                detail: index.Exists ? "No such page." : "The front end is not built: run `dotnet build src/Bosporos.Web` with npm installed.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.SendFileAsync(index).ConfigureAwait(false);
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    internal const string FrontEndMissingPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Bosporos: the front end was not built</title></head>
        <body>
        <h1>The Bosporos front end was not built</h1>
        <p>This server is running and its API answers (<a href="/api/health">/api/health</a>), but the web pages
        (map, replay, scenario, experiments) were not built when the program was.</p>
        <p>They are built from <code>web/</code> with Node.js 20.19 or later and npm. Install them, then build again
        from the repository root and restart the server:</p>
        <pre>node --version      # v20.19.0 or later
        dotnet build src/Bosporos.Cli
        dotnet run --project src/Bosporos.Cli -- serve</pre>
        <p>The build runs <code>npm ci</code> and Vite in <code>web/</code>; its warnings say why when it cannot.</p>
        </body>
        </html>
        """;

    internal static void CheckAddresses(WebOptions options)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new WebStartupException("No address to listen on: give --urls, e.g. http://127.0.0.1:5626.");
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url) && string.IsNullOrWhiteSpace(options.Token))
            {
                throw new WebStartupException(
                    $"refusing to listen on {url}: it is not a loopback address and no access token is set. " +
                    "Give --token T (or BOSPOROS_TOKEN) to require it on every request, or listen on http://127.0.0.1:5626.");
            }
        }
    }

    internal static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string? FindWebRoot()
    {
        // In a source checkout the freshly built src/Bosporos.Web/wwwroot wins over any copy beside the program.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Bosporos.Web", "wwwroot");
            if (File.Exists(Path.Combine(dir.FullName, "Bosporos.slnx")) && File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        Directory.CreateDirectory(beside);
        return beside;
    }
}

internal sealed record HealthDto(string Status, string Version);
