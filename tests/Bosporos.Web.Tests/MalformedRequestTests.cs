using System.Net;
using System.Text;

namespace Bosporos.Web.Tests;

/// <summary>Every malformed body is a 400 problem document (never a 500), and wrong methods are 405.</summary>
public sealed class MalformedRequestTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public MalformedRequestTests(SiteFactory factory) => client = factory.CreateClient();

    public static TheoryData<string, string> Bodies() => new()
    {
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[null]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"name\":\"a\"},null]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[1]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[[]]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":\"all\"}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"name\":{}}]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"overrides\":[]}]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"overrides\":{\"flotillas.galleys.hulls\":null}}]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"overrides\":{\"flotillas.galleys.hulls\":{}}}]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"variants\":[{\"overrides\":{\"\":1}}]}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"runs\":null}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"seed\":-1}" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",\"seed\":\"x\"}" },
        { "/api/experiments", "{\"scenario\":null}" },
        { "/api/experiments", "{\"scenario\":42}" },
        { "/api/experiments", "{\"scenario\":\"../etc/passwd\"}" },
        { "/api/experiments", "{}" },
        { "/api/experiments", "[]" },
        { "/api/experiments", "null" },
        { "/api/experiments", "\"text\"" },
        { "/api/experiments", "{\"scenario\":\"test-siege\"" },
        { "/api/experiments", "{\"scenario\":\"test-siege\",}" },
        { "/api/runs", "{\"scenario\":\"test-siege\",\"overrides\":null,\"seed\":null}" },
        { "/api/runs", "{\"scenario\":\"test-siege\",\"overrides\":{\"flotillas.galleys.hulls\":[1]}}" },
        { "/api/runs", "{\"scenario\":\"test-siege\",\"overrides\":[null]}" },
        { "/api/runs", "{\"scenario\":[\"test-siege\"]}" },
        { "/api/runs", "[null]" },
        { "/api/runs", "" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_a_400_problem(string path, string body)
    {
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("DELETE", "/api/experiments", "GET, POST")]
    [InlineData("PUT", "/api/experiments", "GET, POST")]
    [InlineData("DELETE", "/api/experiments/0123456789abcdef", "GET")]
    [InlineData("POST", "/api/experiments/0123456789abcdef/runs.csv", "GET")]
    [InlineData("PATCH", "/api/scenarios/test-siege", "GET")]
    [InlineData("DELETE", "/api/scenarios", "GET")]
    [InlineData("GET", "/api/runs", "POST")]
    [InlineData("PUT", "/api/health", "GET")]
    public async Task An_unsupported_method_on_an_api_route_is_405_with_allow(string method, string path, string allow)
    {
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        await HttpAssert.Problem(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        HttpAssert.SecurityHeaders(response);
    }

    [Theory]
    [InlineData("GET", "/api/nothing")]
    [InlineData("DELETE", "/api/nothing/at/all")]
    [InlineData("GET", "/api/experiments/0123456789abcdef/other")]
    public async Task An_unknown_api_path_stays_404(string method, string path)
    {
        await HttpAssert.Problem(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), HttpStatusCode.NotFound);
    }
}
