using System.Net;
using System.Net.Http.Json;

namespace Bosporos.Web.Tests;

/// <summary>Scenario ids never reach the file system: every traversal-shaped id is refused, and no file content leaks.</summary>
public sealed class TraversalTests : IClassFixture<SiteFactory>
{
    private readonly HttpClient client;

    public TraversalTests(SiteFactory factory) => client = factory.CreateClient();

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        string[] payloads =
        [
            "../etc/passwd", "../../etc/passwd", "../../../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd",
            "\\etc\\passwd", "C:\\Windows\\win.ini", "c:/windows/win.ini", "%2e%2e%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd",
            "..%2fetc%2fpasswd", "..%5cetc%5cpasswd", "%252e%252e%252fetc", "..%252f..%252fetc", "%c0%ae%c0%ae/etc/passwd",
            "%c0%ae%c0%ae%c0%afetc", "%e0%80%ae%e0%80%ae/", "..%c0%afetc", "..%c1%9cetc", "\u2025/etc/passwd", "\uff0e\uff0e/etc/passwd",
            "\u3002\u3002/etc", "test-siege/../../etc/passwd", "test-siege/..", "test-siege%00", "test-siege\0.yaml", "test-siege.yaml",
            "./test-siege", ".", "..", "...", "....//....//etc/passwd", "..;/etc/passwd", "file:///etc/passwd", "http://example.org/x",
            "~/.ssh/id_rsa", "~root", "$HOME", "${HOME}", "%HOMEPATH%", "|cat /etc/passwd", ";ls", "`id`", "test-siege;rm -rf",
            "scenarios/constantinople-626.yaml", "constantinople-626.yaml", "../scenarios/constantinople-626", "/proc/self/environ",
            "/dev/zero", "con", "aux.yaml", "test-siege ", " test-siege", "Test-Siege", "TEST-SIEGE", "test_siege", "-test", "a/b",
            "a\\b", "\u0000", "\u202etest", "test-siege\n", "%0atest", new string('a', 65), new string('.', 100),
        ];
        foreach (var p in payloads)
        {
            data.Add(p);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_fifty_payloads() => Assert.True(Payloads().Count >= 50);

    /// <summary>
    /// The payloads that reach the application when escaped. Left out, each with a test of its own: a NUL (the test
    /// server refuses it before the application; Kestrel answers 400) and the bare dot segments (the client removes them).
    /// </summary>
    public static TheoryData<string> EscapedPayloads()
    {
        var data = new TheoryData<string>();
        foreach (var p in Payloads())
        {
            var text = (string)p;
            if (!text.Contains('\0', StringComparison.Ordinal) && text is not ("." or ".."))
            {
                data.Add(text);
            }
        }

        return data;
    }

    /// <summary>The payloads sent raw: those with a NUL (escaped or not) are left out, as above.</summary>
    public static TheoryData<string> RawPayloads()
    {
        var data = new TheoryData<string>();
        foreach (var p in Payloads())
        {
            var text = (string)p;
            if (!text.Contains('\0', StringComparison.Ordinal) && !text.Contains("%00", StringComparison.Ordinal))
            {
                data.Add(text);
            }
        }

        return data;
    }

    [Fact]
    public void Most_payloads_reach_the_application() =>
        Assert.True(EscapedPayloads().Count >= Payloads().Count - 10 && RawPayloads().Count >= Payloads().Count - 10);

    [Theory]
    [MemberData(nameof(EscapedPayloads))]
    public async Task Escaped_in_the_path_gives_400_or_404(string payload)
    {
        var response = await client.GetAsync("/api/scenarios/" + EscapeEverything(payload));
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{payload}: {(int)response.StatusCode}");
        await AssertNoFileContent(response);
    }

    [Theory]
    [MemberData(nameof(RawPayloads))]
    public async Task Raw_in_the_path_never_returns_file_content(string payload)
    {
        var response = await client.GetAsync("/api/scenarios/" + payload);

        // The client may normalise a raw payload into a legitimate address ("./test-siege" is test-siege; "." is the
        // list), so only the absence of failures and of file content is asserted here.
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        await AssertNoFileContent(response);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task In_a_run_request_gives_400(string payload)
    {
        var response = await client.PostAsJsonAsync("/api/runs", new { scenario = payload });
        await HttpAssert.Problem(response, ScenarioIdShaped(payload) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task In_an_experiment_request_gives_400(string payload)
    {
        var response = await client.PostAsJsonAsync("/api/experiments", new { scenario = payload, runs = 1 });
        await HttpAssert.Problem(response, ScenarioIdShaped(payload) ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
    }

    // Payloads such as "con" or "aux" are well-formed ids that name no scenario.
    private static bool ScenarioIdShaped(string s) =>
        s.Length is > 0 and <= 64 && (char.IsAsciiLetterLower(s[0]) || char.IsAsciiDigit(s[0])) &&
        s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string EscapeEverything(string s) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(s).Select(b => char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : $"%{b:X2}"));

    private static async Task AssertNoFileContent(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[fonts]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("format: 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PATH=", text, StringComparison.Ordinal);
    }
}
