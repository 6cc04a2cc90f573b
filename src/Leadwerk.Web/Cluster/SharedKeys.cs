using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Leadwerk.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// The keys that protect login cookies, antiforgery tokens and API tokens live in the database, so
/// every instance reads the same ones (issue 18). With <c>Leadwerk:DataProtection:Certificate</c> (a
/// PKCS#12 file holding a private key, the same on every instance) they are stored encrypted with it:
/// a copy of the database alone then cannot forge a login. Without it they are stored as they are, and
/// the framework says so in a warning at start.
/// </summary>
public static class SharedKeys
{
    public const string CertificateSetting = "Leadwerk:DataProtection:Certificate";
    public const string PasswordSetting = "Leadwerk:DataProtection:CertificatePassword";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services, IConfiguration config)
    {
        var keys = services.AddDataProtection().SetApplicationName("Leadwerk").PersistKeysToDbContext<LeadwerkDbContext>();
        if (config[CertificateSetting] is { Length: > 0 } path)
        {
            keys.ProtectKeysWithCertificate(Load(path, config[PasswordSetting]));
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{CertificateSetting}: '{path}' could not be read as a PKCS#12 (.pfx) file with the password in {PasswordSetting}: {e.Message}", e);
        }

        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"{CertificateSetting}: '{path}' holds no private key; the keys could not be read back with it.");
    }
}
