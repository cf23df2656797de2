using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Bosporos.Web.Security;

/// <summary>
/// When an access token is configured, every /api endpoint except /api/health needs it, as
/// <c>Authorization: Bearer T</c> or as the session cookie. The cookie is set by the first page: a page address with
/// <c>?token=T</c> answers with an HttpOnly, SameSite=Strict cookie and a redirect to the same address without the
/// token, so the token does not stay in the address bar, the history or later request logs; the event stream and the
/// downloads, which the browser opens itself, carry the cookie. The API takes no token in its URLs.
/// Static files of the front end stay public: they hold no data.
/// </summary>
internal sealed class TokenGateMiddleware(RequestDelegate next, WebOptions options)
{
    public const string CookieName = "bosporos-session";

    private readonly byte[]? expected = options.Token is null ? null : Hash(options.Token);

    // The cookie holds a value derived from the token, not the token itself.
    private readonly string? cookieValue = options.Token is null ? null : CookieValueFor(options.Token);

    public static string CookieValueFor(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("bosporos session cookie\n" + token)));

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path;
        var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        if (expected is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!api && request.Query.TryGetValue("token", out var fromUrl) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await FirstPageAsync(context, fromUrl).ConfigureAwait(false);
            return;
        }

        if (!api || path.Equals("/api/health", StringComparison.OrdinalIgnoreCase) || Authorized(request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"bosporos\"";
        await ApiProblems.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>A page opened as <c>?token=T</c>: set the session cookie and send the browser to the address without the token.</summary>
    private async Task FirstPageAsync(HttpContext context, StringValues presented)
    {
        var request = context.Request;
        if (presented.Count != 1 || !Matches(presented[0]))
        {
            await TypedResults.Problem(statusCode: 401, title: "Wrong access token", detail: "The token in the address is not this server's; open the address the server's owner gave you.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Response.Cookies.Append(CookieName, cookieValue!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        var rest = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "token", StringComparison.OrdinalIgnoreCase)).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))));
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = (request.PathBase + request.Path).ToUriComponent() + rest.ToQueryString().ToUriComponent();
        context.Response.Headers.CacheControl = "no-store";
    }

    private bool Authorized(HttpRequest request)
    {
        // Either proves it: a tab may still hold an old token from an earlier start of the server while its cookie is current.
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(cookieValue!));
    }

    private bool Matches(string? presented) =>
        presented is not null && expected is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), expected);

    private static byte[] Hash(string s) => SHA256.HashData(Encoding.UTF8.GetBytes(s));
}
