using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Security;

/// <summary>Puts the same protective headers on every response: pages, API answers, errors and files.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Scripts only from this origin (no inline script, no eval: Vega runs through vega-interpreter). Inline styles
    // are allowed because d3 and Vega set style attributes on SVG elements.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
