using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Leadwerk.Web.Data;

/// <summary>
/// The lock instances take around migrating and seeding at start (PostgreSQL: a session advisory
/// lock on the context's connection, kept open until disposed). SQLite has one process; EF's own
/// migration lock covers it.
/// </summary>
public sealed class SchemaLock : IAsyncDisposable
{
    /// <summary>Any fixed number: the lock's name among this database's advisory locks ("LW-SCHEMA" in ASCII).</summary>
    private const long Key = 0x4C572D534348454D;

    private readonly LeadwerkDbContext? _db;

    private SchemaLock(LeadwerkDbContext? db) => _db = db;

    public static async Task<SchemaLock> Take(LeadwerkDbContext db)
    {
        if (!db.IsPostgres)
        {
            return new SchemaLock(null);
        }

        // An empty server has no database yet; the first instance creates it (the lock needs one to live in).
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            try
            {
                await creator.CreateAsync();
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }

        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})");
        return new SchemaLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})");
            await _db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The database was migrated by a newer version of the app: this one refuses to start rather than misread it.</summary>
public sealed class SchemaTooNewException(IReadOnlyList<string> unknown) : Exception(
    $"The database has {unknown.Count} schema change(s) this version of Leadwerk does not know ({string.Join(", ", unknown.Take(3))}" +
    $"{(unknown.Count > 3 ? ", …" : "")}): a newer version migrated it. Start that version (every instance must run the same one), " +
    "or restore a backup taken before the upgrade.");
