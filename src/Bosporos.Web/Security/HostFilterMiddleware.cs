using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Http;

namespace Bosporos.Web.Security;

/// <summary>The host names the site answers to, worked out once from the options and the configured addresses.</summary>
internal sealed class AllowedHosts
{
    private readonly HashSet<string> exact = new(StringComparer.OrdinalIgnoreCase) { "localhost" };
    private readonly List<string> suffixes = [];

    public AllowedHosts(WebOptions options, IEnumerable<string> listenUrls)
    {
        foreach (var url in listenUrls)
        {
            var host = AddressGuard.Host(url);
            if (host == "*")
            {
                AnyLocalAddress = true;
            }
            else if (host is not null)
            {
                exact.Add(host);
            }
        }

        foreach (var name in options.AllowedHosts)
        {
            var host = name.Trim().Trim('[', ']').ToLowerInvariant();
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
            {
                suffixes.Add(host[1..]);
            }
            else if (host.Length > 0)
            {
                exact.Add(host);
            }
        }
    }

    /// <summary>True when the site listens on a wildcard address: then the machine's own IP addresses are accepted too.</summary>
    public bool AnyLocalAddress { get; }

    public bool Allows(string? hostHeaderHost)
    {
        if (string.IsNullOrEmpty(hostHeaderHost))
        {
            return false;
        }

        var host = hostHeaderHost.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (exact.Contains(host) || suffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)))
        {
            return true;
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            return false;
        }

        return AddressGuard.IsLoopback(ip) || (AnyLocalAddress && IsLocalInterfaceAddress(ip));
    }

    private static bool IsLocalInterfaceAddress(IPAddress ip)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Any(a => a.Address.Equals(ip));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}

/// <summary>
/// Answers only requests addressed to an allowed host name (400 otherwise), so that a web page cannot reach this
/// server through a DNS name it controls (DNS rebinding). Without an access token it also refuses any request that
/// arrived on a non-loopback interface, whatever configuration made the server listen there.
/// </summary>
internal sealed class HostFilterMiddleware(RequestDelegate next, WebOptions options, AllowedHosts allowed)
{
    private readonly bool tokenless = string.IsNullOrWhiteSpace(options.Token);

    public async Task InvokeAsync(HttpContext context)
    {
        var local = context.Connection.LocalIpAddress;
        if (tokenless && local is not null && !AddressGuard.IsLoopback(local))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Loopback only",
                detail: "Without an access token this server answers only on loopback; start it with --token T to serve other machines.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var host = context.Request.Host;
        if (!allowed.Allows(host.HasValue ? host.Host : null))
        {
            var shown = host.Value is { Length: > 0 } value ? (value.Length > 100 ? value[..100] + "..." : value) : "(none)";
            await TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Host not allowed",
                detail: $"This server does not answer to the host '{shown}'. Open it as http://127.0.0.1:PORT/ or http://localhost:PORT/, or start it with --allowed-hosts NAME.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
