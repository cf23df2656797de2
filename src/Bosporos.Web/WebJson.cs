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
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the request body as application/json."));
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
                    return (null, ApiProblems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.TooLarge(limit));
        }

        if (buffer.Length == 0)
        {
            return (null, ApiProblems.BadRequest("The request body is empty; send a JSON object."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, ApiProblems.BadRequest("The request body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : string.Empty;
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" ({e.Path})";
            return (null, ApiProblems.BadRequest($"The request body is not valid JSON for this endpoint{where}{path}."));
        }
    }
}
