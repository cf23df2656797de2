using System.Net;
using Microsoft.Extensions.Configuration;

namespace Bosporos.Web.Security;

/// <summary>
/// Decides whether the addresses the site listens on are safe without an access token. It looks at every source of
/// addresses: <c>--urls</c>, Kestrel's endpoints in configuration (appsettings.json, <c>Kestrel__Endpoints__*__Url</c>
/// environment variables) before listening, and the addresses Kestrel really bound after starting.
/// </summary>
internal static class AddressGuard
{
    /// <summary>The addresses configured outside <c>--urls</c>: Kestrel's endpoint section and the <c>urls</c> key.</summary>
    public static IReadOnlyList<(string Url, string Where)> Configured(IConfiguration configuration)
    {
        var found = new List<(string, string)>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            found.Add((string.IsNullOrWhiteSpace(url) ? "(no Url)" : url, $"configuration key Kestrel:Endpoints:{endpoint.Key}:Url"));
        }

        var urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (var url in Split(urls))
            {
                found.Add((url, "configuration key urls"));
            }
        }

        return found;
    }

    /// <summary>Throws <see cref="WebStartupException"/> for the first address that is not loopback when no token is set.</summary>
    public static void Require(IEnumerable<(string Url, string Where)> addresses, string? token)
    {
        if (!string.IsNullOrWhiteSpace(token))
        {
            return;
        }

        foreach (var (url, where) in addresses)
        {
            if (!IsLoopback(url))
            {
                throw new WebStartupException(
                    $"refusing to listen on {url} (from {where}): it is not a loopback address and no access token is set. " +
                    "Give --token T (or BOSPOROS_TOKEN) to require it on every request, or listen on http://127.0.0.1:5626.");
            }
        }
    }

    public static string[] Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The host of a Kestrel URL, without brackets, lower-case; "*" for the wildcard forms (*, +, 0.0.0.0, [::]).</summary>
    public static string? Host(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://any-host", StringComparison.Ordinal).Replace("://+", "://any-host", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (uri.Host == "any-host" && !url.Contains("any-host", StringComparison.Ordinal))
        {
            return "*";
        }

        var host = uri.Host.Trim('[', ']').ToLowerInvariant();
        return IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) ? "*" : host;
    }

    public static bool IsLoopback(string url)
    {
        var host = Host(url);
        if (host is null || host == "*")
        {
            return false;
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IsLoopback(ip));
    }

    public static bool IsLoopback(IPAddress ip) =>
        IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip);
}
