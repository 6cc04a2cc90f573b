using System.Data.Common;
using System.Globalization;
using System.Text;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Leadwerk.Web.Data;

/// <summary>
/// Issue 17: EF Core writes each new row with its own INSERT, which SQLite compiles anew every time —
/// at a million imported persons most of the import. When a context asks for it
/// (<see cref="LeadwerkDbContext.WriteInBulk"/>, in a transaction), this last interceptor takes the
/// new persons and history rows after the other interceptors have stamped them and recorded their
/// history (so every rule still has its one home), gives them their keys, writes them a few hundred
/// per INSERT, and hands them back to EF as saved. A row whose foreign key waits for a row EF
/// still has to insert (a person of a company new in the same save) is left to EF. Removed persons
/// go the same way, a few hundred per DELETE.
/// </summary>
public sealed class BulkWriteInterceptor : SaveChangesInterceptor
{
    /// <summary>In foreign key order: a history row needs its person's key.</summary>
    private static readonly Type[] Types = [typeof(Person), typeof(LeadStatusChange)];

    /// <summary>Rows per INSERT; the values go in as literals (<see cref="SqlLiterals"/>).</summary>
    private const int RowsPerStatement = 200;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Write(eventData.Context, cancellationToken);
        return result;
    }

    private static async Task Write(DbContext? context, CancellationToken cancel)
    {
        // Outside a transaction a failure later in the save would leave these rows written alone.
        if (context is not LeadwerkDbContext { WriteInBulk: true } db || db.Database.CurrentTransaction is not { } transaction)
        {
            return;
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await Delete(db, db.Model.FindEntityType(typeof(Person))!, transaction, cancel);
            foreach (var type in Types)
            {
                var entityType = db.Model.FindEntityType(type)!;
                var entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Metadata == entityType && KeysKnown(e)).ToList();
                if (entries.Count < 2 || Columns(entityType) is not { } columns)
                {
                    continue;
                }

                await AssignKeys(db, entityType, entries, transaction, cancel);
                await Insert(db, entityType, columns, entries, transaction, cancel);
                foreach (var entry in entries)
                {
                    entry.State = EntityState.Unchanged;
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// Removed persons (an import's rollback) go by one DELETE per few hundred, each matched on its key and version
    /// as EF's own DELETE is; a version that moved meanwhile fails the save as it would. A person some tracked row
    /// still points at is left to EF, which orders those deletes itself.
    /// </summary>
    private static async Task Delete(LeadwerkDbContext db, IEntityType entityType, IDbContextTransaction transaction, CancellationToken cancel)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted && e.Metadata == entityType).ToList();
        if (entries.Count < 2)
        {
            return;
        }

        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var version = entityType.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken);
        var referenced = entityType.GetReferencingForeignKeys().SelectMany(fk => db.ChangeTracker.Entries()
                .Where(e => e.Metadata == fk.DeclaringEntityType && e.State != EntityState.Detached)
                .Select(e => e.Property(fk.Properties.Single().Name).CurrentValue))
            .OfType<object>().ToHashSet();
        entries = entries.Where(e => !referenced.Contains(e.Property(key.Name).CurrentValue!)).ToList();
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
        string Literal(EntityEntry e, IProperty p) => SqlLiterals.Of(p, e.Property(p.Name).OriginalValue);
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            await using var command = Command(db, transaction);
            command.CommandText = version is null
                ? $"DELETE FROM \"{table.Name}\" WHERE {Column(key)} IN ({string.Join(", ", chunk.Select(e => Literal(e, key)))})"
                : $"DELETE FROM \"{table.Name}\" WHERE ({Column(key)}, {Column(version)}) IN (VALUES {string.Join(", ", chunk.Select(e => $"({Literal(e, key)}, {Literal(e, version)})"))})";
            var deleted = await command.ExecuteNonQueryAsync(cancel);
            if (deleted != chunk.Length)
            {
                throw new DbUpdateConcurrencyException($"{chunk.Length - deleted} of {chunk.Length} rows to delete were changed or deleted meanwhile.");
            }

            foreach (var entry in chunk)
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    /// <summary>Every foreign key holds a real key (not one EF gives for the time a row waits to be inserted).</summary>
    private static bool KeysKnown(EntityEntry entry) =>
        entry.Properties.Where(p => p.Metadata.IsForeignKey()).All(p => !p.IsTemporary);

    /// <summary>
    /// The columns an INSERT writes, or null when one takes a default the database computes (SQL), which only
    /// EF's own INSERT leaves out correctly.
    /// </summary>
    private static List<IProperty>? Columns(IEntityType entityType)
    {
        var columns = entityType.GetProperties().ToList();
        return columns.Any(p => p.GetDefaultValueSql() is not null || p.GetComputedColumnSql() is not null) ? null : columns;
    }

    private static async Task AssignKeys(LeadwerkDbContext db, IEntityType entityType, List<EntityEntry> entries, IDbContextTransaction transaction, CancellationToken cancel)
    {
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var table = entityType.GetTableName()!;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(table, entityType.GetSchema()))!;
        await using var command = Command(db, transaction);
        // SQLite: the write transaction holds the only write lock, so the next keys are free; past the highest
        // ever given (AUTOINCREMENT), so a deleted row's key is never given again. PostgreSQL: the key's sequence.
        command.CommandText = db.IsPostgres
            ? $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{column}')) FROM generate_series(1, {entries.Count})"
            : $"""SELECT MAX(n) FROM (SELECT COALESCE(MAX("{column}"), 0) AS n FROM "{table}" UNION ALL SELECT "seq" FROM sqlite_sequence WHERE "name" = '{table}')""";
        var keys = new List<long>(entries.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                keys.Add(reader.GetInt64(0));
            }
        }

        if (!db.IsPostgres)
        {
            keys = Enumerable.Range(1, entries.Count).Select(i => keys[0] + i).ToList();
        }

        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Property(key.Name).CurrentValue = Convert.ChangeType(keys[i], key.ClrType, CultureInfo.InvariantCulture);
        }

        // The rows that point at these (history rows at their person) take the keys through EF's fix-up.
        db.ChangeTracker.DetectChanges();
    }

    private static async Task Insert(LeadwerkDbContext db, IEntityType entityType, List<IProperty> columns, List<EntityEntry> entries,
        IDbContextTransaction transaction, CancellationToken cancel)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var head = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            await using var command = Command(db, transaction);
            var sql = new StringBuilder(head);
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var property = columns[c];
                    var value = chunk[row].Property(property.Name).CurrentValue;
                    // EF leaves a property at its CLR default out of its INSERT when the column has a default; so does this.
                    if (property.GetDefaultValue() is { } fallback && Equals(value, property.Sentinel))
                    {
                        value = fallback;
                    }

                    sql.Append(c == 0 ? "" : ", ");
                    if (value is string text && text.Contains('\0', StringComparison.Ordinal))
                    {
                        // A literal cannot carry a NUL character; the rare text with one goes as a parameter.
                        var name = $"@b{command.Parameters.Count}";
                        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                        sql.Append(name);
                    }
                    else
                    {
                        sql.Append(SqlLiterals.Of(property, value));
                    }
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancel);
        }
    }

    private static DbCommand Command(LeadwerkDbContext db, IDbContextTransaction transaction)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        return command;
    }
}
