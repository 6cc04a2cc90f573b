using System.Net;
using System.Net.Sockets;

namespace Leadwerk.Web.Common;

/// <summary>
/// A port another program holds is the most common start failure; Kestrel reports it as a stack
/// trace. Asking first turns it into one line the person starting the app can act on.
/// </summary>
public static class StartupAddress
{
    public const string DefaultUrls = "http://localhost:5000";

    /// <summary>The message for the first address of <paramref name="urls"/> (";"-separated) whose port is taken, or null.</summary>
    public static string? Busy(string? urls)
    {
        foreach (var url in (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is { } endpoint && Taken(endpoint))
            {
                return InUse(url, endpoint.Port);
            }
        }

        return null;
    }

    public static string InUse(string url, int? port) =>
        $"Leadwerk cannot start: port {port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} is already in use ({url}). " +
        "Stop the program that uses it, or choose another address: LEADWERK_URLS=http://127.0.0.1:8080 scripts/run.sh (or --urls http://127.0.0.1:8080).";

    /// <summary>Kestrel's own report of a taken port, for the moment between asking and binding.</summary>
    public static bool IsAddressInUse(Exception e) =>
        e is Microsoft.AspNetCore.Connections.AddressInUseException
        || e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
        || e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };

    /// <summary>The port named in a Kestrel message ("Failed to bind to address http://127.0.0.1:5080: address already in use.").</summary>
    public static (string Url, int? Port) Named(Exception e)
    {
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, @"(https?://\S+?):(\d+)");
        return match.Success ? ($"{match.Groups[1].Value}:{match.Groups[2].Value}", int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : ("?", null);
    }

    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcards ("http://*:5080", "http://+:5080") are not valid URIs.
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            return new IPEndPoint(IPAddress.Loopback, uri.Port);
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : null;
    }

    private static bool Taken(IPEndPoint endpoint)
    {
        using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(endpoint);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address this machine does not have): Kestrel says so itself.
            return false;
        }
    }
}
