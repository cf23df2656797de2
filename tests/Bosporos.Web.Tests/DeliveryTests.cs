using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Bosporos.Web.Scenarios;
using Microsoft.Extensions.DependencyInjection;

namespace Bosporos.Web.Tests;

/// <summary>Compression and caching of what the site sends.</summary>
public sealed class DeliveryTests : IDisposable
{
    private const string Asset = "assets/index-B7xQ2kLm.js";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("bosporos-webroot-");
    private readonly string script;

    public DeliveryTests()
    {
        var b = new StringBuilder();
        for (var i = 0; i < 4000; i++)
        {
            b.Append(System.Globalization.CultureInfo.InvariantCulture, $"export function f{i}(a, b) {{ return a * {i} + b; }}\n");
        }

        script = b.ToString();
        Directory.CreateDirectory(Path.Combine(root.FullName, "assets"));
        File.WriteAllText(Path.Combine(root.FullName, Asset), script);
        File.WriteAllText(Path.Combine(root.FullName, "assets", "index-C1d2E3f4.css"), string.Concat(Enumerable.Repeat("body { margin: 0; }\n", 500)));
        File.WriteAllText(Path.Combine(root.FullName, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"./" + Asset + "\"></script></head><body></body></html>");
    }

    public void Dispose() => root.Delete(recursive: true);

    private Task<LiveSite> StartAsync() =>
        LiveSite.StartAsync(new WebOptions { WebRoot = root.FullName }, b => b.Services.AddSingleton<IScenarioSource>(new TestScenarios()));

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Scripts_styles_pages_and_json_are_compressed(string encoding)
    {
        await using var site = await StartAsync();
        using var client = site.Client();
        foreach (var path in new[] { "/" + Asset, "/assets/index-C1d2E3f4.css", "/", "/api/scenarios/test-siege" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Accept-Encoding", encoding);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(encoding == response.Content.Headers.ContentEncoding.SingleOrDefault(), $"{path} is not sent as {encoding}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            HttpAssert.SecurityHeaders(response);
        }

        using var js = new HttpRequestMessage(HttpMethod.Get, "/" + Asset);
        js.Headers.Add("Accept-Encoding", encoding);
        var compressed = await (await client.SendAsync(js)).Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length * 5 < Encoding.UTF8.GetByteCount(script), $"{compressed.Length} bytes for {script.Length}");
        using Stream decoder = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(script, await new StreamReader(decoder).ReadToEndAsync());
    }

    [Fact]
    public async Task Without_accept_encoding_nothing_is_compressed_and_the_event_stream_never_is()
    {
        await using var site = await StartAsync();
        using var client = site.Client();
        Assert.Empty((await client.GetAsync("/" + Asset)).Content.Headers.ContentEncoding);

        var start = await HttpAssert.Json(await client.PostAsJsonAsync("/api/experiments", new { scenario = TestScenarios.Id, runs = 2 }), HttpStatusCode.Accepted);
        using var progress = new HttpRequestMessage(HttpMethod.Get, start.GetProperty("progress").GetString());
        progress.Headers.Add("Accept-Encoding", "br, gzip");
        using var stream = await client.SendAsync(progress, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.All(stream.Content.Headers.ContentEncoding, e => Assert.Equal("identity", e));
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_the_page_is_revalidated()
    {
        await using var site = await StartAsync();
        using var client = site.Client();
        var asset = await client.GetAsync("/" + Asset);
        Assert.Equal("immutable, max-age=31536000, public", Normalise(asset.Headers.CacheControl));
        foreach (var page in new[] { "/", "/index.html", "/replay" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoCache == true, $"{page}: {response.Headers.CacheControl}");
        }
    }

    private static string Normalise(System.Net.Http.Headers.CacheControlHeaderValue? value) =>
        string.Join(", ", (value?.ToString() ?? string.Empty).Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
}
