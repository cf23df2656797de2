using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bosporos.Web.Security;

/// <summary>
/// Refuses request bodies larger than the configured limit with 413, whether the length is declared or the body is
/// streamed (Kestrel enforces the same limit on the wire; this also covers in-memory test hosts).
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next, WebOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ApiProblems.TooLarge(limit).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context).ConfigureAwait(false);
    }
}
