using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web;

/// <summary>JSON settings shared by requests and answers: camelCase, enums as kebab-case strings as in scenario files.</summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.MaxDepth = 16;
        o.AllowTrailingCommas = false;
        o.ReadCommentHandling = JsonCommentHandling.Disallow;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions();
        Configure(o);
        return o;
    }

    /// <summary>
    /// Reads a JSON request body into <typeparamref name="T"/>, giving a problem (400 for malformed JSON or a missing
    /// body, 413 for one over the limit, 415 for another media type) instead of an exception.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long limit)
        where T : class
    {
        var (body, problem) = await ReadBodyAsync(request, limit, "Send the request body as application/json.", "The request body is empty; send a JSON object.").ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.AsSpan(), Options);
            return value is null ? (null, ApiProblems.BadRequest("The request body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : string.Empty;
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" ({e.Path})";
            return (null, ApiProblems.BadRequest($"The request body is not valid JSON for this endpoint{where}{path}."));
        }
    }

    /// <summary>
    /// Reads a JSON request body whole, within the limit: the bytes, or a problem (415 for another media type with
    /// <paramref name="mediaHint"/>, 413 over the limit, 400 for an empty body with <paramref name="emptyHint"/>).
    /// </summary>
    public static async Task<(ArraySegment<byte> Body, IResult? Problem)> ReadBodyAsync(HttpRequest request, long limit, string mediaHint, string emptyHint)
    {
        if (!request.HasJsonContentType())
        {
            return (default, TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: mediaHint));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (default, ApiProblems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, ApiProblems.TooLarge(limit));
        }

        return buffer.Length == 0
            ? (default, ApiProblems.BadRequest(emptyHint))
            : (new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }
}
