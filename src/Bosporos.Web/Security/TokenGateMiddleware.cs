using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Security;

/// <summary>
/// When an access token is configured, every /api endpoint except /api/health needs it, as
/// <c>Authorization: Bearer T</c>; only the two GET endpoints the browser opens without our headers (the progress
/// event stream and the CSV download) also take it as <c>?token=T</c>, so tokens stay out of other URLs and logs.
/// Static files of the front end stay public: they hold no data.
/// </summary>
internal sealed class TokenGateMiddleware(RequestDelegate next, WebOptions options)
{
    private readonly byte[]? expected = options.Token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Token));

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (expected is null || !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
            path.Equals("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (Matches(Presented(context.Request)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"bosporos\"";
        await ApiProblems.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var path = request.Path.Value ?? string.Empty;
        var browserOpened = HttpMethods.IsGet(request.Method) &&
            (path.EndsWith("/progress", StringComparison.Ordinal) || path.EndsWith("/runs.csv", StringComparison.Ordinal) ||
             path.EndsWith("/runs.parquet", StringComparison.Ordinal));
        var query = request.Query["token"];
        return browserOpened && query.Count == 1 ? query[0] : null;
    }

    private bool Matches(string? presented) =>
        presented is not null && expected is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
}
