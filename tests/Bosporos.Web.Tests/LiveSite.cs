using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Bosporos.Web.Tests;

/// <summary>
/// The real site on Kestrel at a free loopback port (not the in-memory test server): for what only a real server
/// shows, such as compression on the wire, cookies, Host headers and the request log.
/// </summary>
internal sealed class LiveSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private LiveSite(WebApplication app, LogCapture log)
    {
        this.app = app;
        Log = log;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public LogCapture Log { get; }

    public static async Task<LiveSite> StartAsync(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var log = new LogCapture();
        var app = BosporosWeb.Build(options with { Urls = "http://127.0.0.1:0" }, b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(log);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new LiveSite(app, log);
    }

    /// <summary>A client that neither decompresses, nor follows redirects, nor keeps cookies: the tests look at the raw answers.</summary>
    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
    {
        BaseAddress = BaseAddress,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Keeps every log line written, with its category.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
