using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Tests.Cluster;

/// <summary>Issue 18: an instance of an older version, started on a database a newer one migrated, refuses to start and says why.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData(DatabaseSetup.Sqlite)]
    [InlineData(DatabaseSetup.Postgres)]
    public async Task AnAppStartedOnADatabaseWithAMigrationItDoesNotKnowRefusesWithAClearMessage(string provider)
    {
        await using var database = AppDatabase.Of(provider);
        using (await AppProcess.Start(database, 100))
        {
            // Started once: migrated and seeded.
        }

        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231235959_FromANewerVersion', '10.0.0')""");
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => AppProcess.Start(database, 100));

        Assert.Contains("The app exited with 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("29991231235959_FromANewerVersion", refused.Message, StringComparison.Ordinal);
        Assert.Contains("a newer version migrated it", refused.Message, StringComparison.Ordinal);
    }
}
