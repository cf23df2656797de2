using Bosporos.Scenarios.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bosporos.Web;

/// <summary>A scenario diagnostic as the API reports it.</summary>
public sealed record DiagnosticDto(string Severity, string Code, string File, int Line, int Column, string Path, string Message, string? Hint)
{
    public static DiagnosticDto From(Diagnostic d) =>
        // Only the file's name: the server's folders are none of the client's business.
        new(d.Severity == Bosporos.Scenarios.Validation.Severity.Error ? "error" : "warning", d.Code, System.IO.Path.GetFileName(d.File), d.Line, d.Column, d.Path, d.Message, d.Hint);
}

/// <summary>RFC 9457 problem answers used by every endpoint (never a stack trace).</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: detail);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: 400, title: "Bad request", detail: detail);

    public static ProblemHttpResult Unprocessable(string detail, IEnumerable<Diagnostic>? diagnostics = null) =>
        TypedResults.Problem(
            statusCode: 422,
            title: "The request cannot be carried out",
            detail: detail,
            extensions: diagnostics is null ? null : new Dictionary<string, object?>
            {
                // Errors only: they are why the request failed (warnings about uncited numbers would drown them).
                ["diagnostics"] = diagnostics.Where(d => d.Severity == Bosporos.Scenarios.Validation.Severity.Error).Select(DiagnosticDto.From).ToArray(),
            });

    public static ProblemHttpResult TooMany(string detail) =>
        TypedResults.Problem(statusCode: 429, title: "Too many experiments", detail: detail);

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: 413, title: "Request body too large", detail: $"Request bodies are limited to {limit:N0} bytes.");

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: 401, title: "Access token required", detail: "Send the token as 'Authorization: Bearer <token>' (or ?token= for event streams and downloads).");
}
