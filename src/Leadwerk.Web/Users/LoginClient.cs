using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Leadwerk.Web.Users;

/// <summary>
/// Who is trying to log in, as <see cref="LoginThrottle"/> counts them: the client's address, or
/// a browser that logged in to the account before (a known device, after OWASP's "device cookies"),
/// which a guesser elsewhere cannot slow down.
/// </summary>
public sealed record LoginClient(string Address, LoginClient.KnownDevice? Device)
{
    public const string DeviceCookie = "leadwerk.device";
    private const string Purpose = "Leadwerk.KnownDevice";

    /// <summary>A browser that logged in as <paramref name="UserId"/> before; <paramref name="Id"/> is its own random id.</summary>
    public sealed record KnownDevice(int UserId, string Id);

    public static LoginClient Of(HttpContext http) => new(AddressOf(http.Connection.RemoteIpAddress), ReadDevice(http));

    /// <summary>The throttle's key for this client on the given account.</summary>
    public string KeyFor(int userId) => IsKnownTo(userId) ? "device:" + Device!.Id : Address;

    public bool IsKnownTo(int userId) => Device?.UserId == userId;

    /// <summary>Marks this browser as known to the user for a year (a new id unless it already was).</summary>
    public void Remember(HttpContext http, int userId)
    {
        var id = IsKnownTo(userId) ? Device!.Id : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var value = Protector(http).Protect($"{userId.ToString(CultureInfo.InvariantCulture)}:{id}");
        http.Response.Cookies.Append(DeviceCookie, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    /// <summary>IPv6 clients usually hold a whole /64, so it counts as one address.</summary>
    public static string AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static KnownDevice? ReadDevice(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(DeviceCookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = Protector(http).Unprotect(value).Split(':', 2);
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var userId)
                ? new KnownDevice(userId, parts[1])
                : null;
        }
        catch (CryptographicException)
        {
            // Forged, or protected with a key this app no longer has: an unknown browser.
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
