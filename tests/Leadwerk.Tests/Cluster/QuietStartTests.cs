using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Cluster;

/// <summary>
/// Issue 18, followed by hand on a clean machine: an operator's first start says nothing alarming,
/// and the shared keys can be stored encrypted with a certificate every instance holds.
/// </summary>
public sealed class QuietStartTests : IDisposable
{
    private const string CertificatePassword = "keys-certificate-password";
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"leadwerk-keys-{Guid.NewGuid():N}.pfx");

    public QuietStartTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Leadwerk keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    [Theory]
    [InlineData(DatabaseSetup.Sqlite)]
    [InlineData(DatabaseSetup.Postgres)]
    public async Task AFirstStartOnAnEmptyDatabaseWithAKeyCertificateLogsNoWarningAndStoresTheKeysEncrypted(string provider)
    {
        await using var database = AppDatabase.Of(provider);
        using var app = await AppProcess.Start(database, 100, Settings(_certificate, CertificatePassword));
        var admin = await app.Admin();
        await admin.GetOk("/api/users/me");

        Assert.DoesNotContain(app.Lines, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
            || line.StartsWith("crit:", StringComparison.Ordinal));
        await using var db = database.Open();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", xml, StringComparison.Ordinal);
        });

        // Another instance reads the encrypted keys back with the same certificate: the first one's token holds there.
        using var another = await AppProcess.Start(database, 100, Settings(_certificate, CertificatePassword));
        var onAnother = another.Anonymous();
        onAnother.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        await onAnother.GetOk("/api/users/me");
    }

    [Fact]
    public async Task AnInstanceWhoseKeyCertificateCannotBeReadRefusesToStartAndSaysWhich()
    {
        await using var database = AppDatabase.Sqlite();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AppProcess.Start(database, 100, Settings(_certificate, "not-the-password")));

        Assert.Contains("The app exited", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Leadwerk:DataProtection:Certificate", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_certificate, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_certificate);

    private static Dictionary<string, string> Settings(string certificate, string password) => new()
    {
        ["Leadwerk:DataProtection:Certificate"] = certificate,
        ["Leadwerk:DataProtection:CertificatePassword"] = password,
    };
}
