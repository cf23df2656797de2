using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Bosporos.Web;

/// <summary>
/// What /api answers when no endpoint took the request: 405 with an Allow header when the path is an API route
/// that takes other methods (DELETE on /api/experiments), 404 otherwise. Routing cannot do this alone because the
/// catch-all /api route accepts every method.
/// </summary>
internal sealed class ApiFallback(EndpointDataSource endpoints)
{
    private readonly Lazy<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)[]> routes = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
        .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()),
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)[]))
        .ToArray());

    public IResult Answer(HttpContext context)
    {
        var allowed = routes.Value
            .Where(r => r.Methods.Count > 0 && r.Matcher.TryMatch(context.Request.Path, new RouteValueDictionary()))
            .SelectMany(r => r.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (allowed.Length == 0)
        {
            return ApiProblems.NotFound("No such endpoint.");
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Method not allowed",
            detail: $"{context.Request.Method} is not allowed here; this address answers to {string.Join(", ", allowed)}.");
    }
}
