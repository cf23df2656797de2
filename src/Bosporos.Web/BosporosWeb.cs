using System.IO.Compression;
using Bosporos.Web.Experiments;
using Bosporos.Web.Play;
using Bosporos.Web.Replay;
using Bosporos.Web.Scenarios;
using Bosporos.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    /// non-loopback address without an access token (by the options or by Kestrel's configuration), or when a
    /// result store given in <see cref="WebOptions.Stores"/> cannot be opened.
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

        // ASP.NET Core's request lines print whole URLs; RequestLogMiddleware writes them with secrets redacted.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        configure?.Invoke(builder);
        AddServices(builder.Services, options);
        var app = builder.Build();

        // Kestrel takes its addresses from configuration too (appsettings.json, Kestrel__Endpoints__*__Url): check
        // them before anything listens.
        // (A host that replaces the options in its services, like the tests, gets those.)
        var effective = app.Services.GetRequiredService<WebOptions>();
        var configured = AddressGuard.Configured(app.Configuration);
        AddressGuard.Require(configured, effective.Token);
        var allowed = new AllowedHosts(effective, [.. AddressGuard.Split(effective.Urls), .. configured.Select(c => c.Url)]);
        OpenStores(app.Services);
        MapAll(app, allowed);
        return app;
    }

    /// <summary>Opens the result stores now, so that a missing or unreadable --store stops the start with a message.</summary>
    private static void OpenStores(IServiceProvider services)
    {
        var options = services.GetRequiredService<WebOptions>();
        if (options.ResultsDirectory is { } folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WebStartupException($"--results {folder}: cannot create the folder for experiments ({e.Message}). Give another folder with --results DIR.");
            }
        }

        foreach (var store in options.Stores)
        {
            if (!Analysis.Stores.ResultStores.IsPostgres(store) && !File.Exists(store))
            {
                throw new WebStartupException($"--store {store}: no such file. Give a store written by 'bosporos experiment run ... --out STORE' (or compare --out).");
            }
        }

        services.GetRequiredService<ExperimentStore>();
    }

    /// <summary>Builds and runs the site until Ctrl+C; prints the address. Returns 0, or 2 when it refuses to start.</summary>
    public static Task<int> RunAsync(WebOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, null, cancellationToken);

    internal static async Task<int> RunAsync(WebOptions options, Action<WebApplicationBuilder>? configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplication app;
        try
        {
            app = Build(options, configure);
        }
        catch (WebStartupException e)
        {
            await Console.Error.WriteLineAsync($"bosporos serve: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"bosporos serve: cannot listen on {options.Urls}: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            // Whatever set them, the addresses really bound must be loopback unless a token is set; requests that
            // arrive meanwhile on another interface are refused by HostFilterMiddleware.
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            try
            {
                AddressGuard.Require(bound.Select(a => (a, "the addresses the server bound")), options.Token);
            }
            catch (WebStartupException e)
            {
                await Console.Error.WriteLineAsync($"bosporos serve: {e.Message}").ConfigureAwait(false);
                await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                return 2;
            }

            foreach (var url in bound)
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
        services.AddSingleton<ApiFallback>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GameStore>();
        services.AddSingleton<PlayGate>();
        services.AddResponseCompression(o =>
        {
            // Never text/event-stream: compression would hold progress events back until a buffer fills.
            o.MimeTypes = CompressedTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
    }

    internal static readonly string[] CompressedTypes =
    [
        "application/json", "application/problem+json", "application/geo+json", "text/javascript", "application/javascript",
        "text/css", "text/html", "image/svg+xml", "text/csv", "text/plain",
    ];

    /// <summary>Adds the middleware and endpoints; public so a test host can build the same application.</summary>
    public static void MapAll(WebApplication app, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MapAll(app, new AllowedHosts(options, AddressGuard.Split(options.Urls)));
    }

    private static void MapAll(WebApplication app, AllowedHosts allowed)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<HostFilterMiddleware>(allowed);
        app.UseResponseCompression();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseMiddleware<TokenGateMiddleware>();
        var files = app.Environment.WebRootFileProvider;
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => SetCaching(c.Context) });

        app.MapGet("/api/health", () => TypedResults.Ok(new HealthDto("ok", typeof(BosporosWeb).Assembly.GetName().Version?.ToString() ?? "0")));
        app.MapGet("/api/limits", (WebOptions o) => TypedResults.Ok(new LimitsDto(o.MaxRunsPerExperiment, o.MaxVariants, o.MaxConcurrentExperiments)));
        ScenarioEndpoints.Map(app);
        ReplayEndpoints.Map(app);
        War.WarEndpoints.Map(app);
        ExperimentEndpoints.Map(app);
        PlayEndpoints.Map(app);
        app.MapFallback("/api/{**rest}", (HttpContext context, ApiFallback fallback) => fallback.Answer(context));
        app.MapFallback(context => ServeIndex(context, files));
    }

    /// <summary>
    /// Vite names the files under /assets by their content, so a browser may keep them for a year; every other file
    /// (index.html above all, which names the current assets) is checked with the server each time.
    /// </summary>
    internal static void SetCaching(HttpContext context)
    {
        var immutable = context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) && context.Response.StatusCode == StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
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
        context.Response.Headers.CacheControl = "no-cache";
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
        var urls = AddressGuard.Split(options.Urls);
        if (urls.Length == 0)
        {
            throw new WebStartupException("No address to listen on: give --urls, e.g. http://127.0.0.1:5626.");
        }

        AddressGuard.Require(urls.Select(u => (u, "--urls")), options.Token);
    }

    internal static bool IsLoopback(string url) => AddressGuard.IsLoopback(url);

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

internal sealed record LimitsDto(int MaxRunsPerExperiment, int MaxVariants, int MaxConcurrentExperiments);
