using System.Security.Cryptography;
using System.Text;

namespace Leadwerk.Web.Webhooks;

/// <summary>
/// <c>Leadwerk-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of "{timestamp}.{body}" with the
/// webhook's secret: the receiver proves who sent the body, and the signed timestamp lets it refuse
/// an old delivery replayed by someone who recorded it.
/// </summary>
public static class WebhookSignature
{
    public const string EventHeader = "Leadwerk-Event";
    public const string DeliveryHeader = "Leadwerk-Delivery";
    public const string TimestampHeader = "Leadwerk-Timestamp";
    public const string SignatureHeader = "Leadwerk-Signature";

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>What a receiver does, in constant time; here for the tests and as the reference.</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
