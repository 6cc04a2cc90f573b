using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy. X-Forwarded-For and -Proto are
/// believed only from the addresses and networks in <c>Leadwerk:TrustedProxies</c> (comma
/// separated, e.g. "127.0.0.1, 10.0.0.0/8"); without the setting they are ignored, so nobody can
/// choose the address the rate limits count by sending the header.
/// </summary>
public static class Proxies
{
    public const string Setting = "Leadwerk:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        var trusted = (config[Setting] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                if (entry.Contains('/'))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var network) ? network
                        : throw new InvalidOperationException($"{Setting}: '{entry}' is not an address or a network like 10.0.0.0/8."));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.TryParse(entry, out var address) ? address
                        : throw new InvalidOperationException($"{Setting}: '{entry}' is not an address or a network like 10.0.0.0/8."));
                }
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so the rate limiter, the login log and the https redirect see the client.</summary>
    public static IApplicationBuilder UseTrustedProxies(this WebApplication app) =>
        string.IsNullOrWhiteSpace(app.Configuration[Setting]) ? app : app.UseForwardedHeaders();
}
