using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bosporos.Web.Security;

/// <summary>
/// The site's request log: one line per request with method, path, query (secrets redacted), status and time. It
/// replaces ASP.NET Core's own request lines (category Microsoft.AspNetCore.Hosting.Diagnostics, silenced in
/// <see cref="BosporosWeb"/>), which print the full URL, access token included.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var request = context.Request;
                Log(logger, request.Method, request.Path.Value + Redaction.Query(request.Query), context.Response.StatusCode, clock.Elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Target} {Status} in {Milliseconds:0.0} ms")]
    private static partial void Log(ILogger logger, string method, string target, int status, double milliseconds);
}

/// <summary>Hides secrets in text that goes to logs or messages.</summary>
internal static class Redaction
{
    public const string Mask = "***";

    /// <summary>The query string as parsed (so an escaped name like %74oken is caught too), secret values masked.</summary>
    public static string Query(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return string.Empty;
        }

        var parts = query.SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + (IsSecret(q.Key) ? Mask : Uri.EscapeDataString(v ?? string.Empty))));
        return "?" + string.Join("&", parts);
    }

    public static bool IsSecret(string name) =>
        name.Equals("token", StringComparison.OrdinalIgnoreCase) || name.Equals("access_token", StringComparison.OrdinalIgnoreCase);
}
