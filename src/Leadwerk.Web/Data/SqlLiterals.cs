using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Leadwerk.Web.Data;

/// <summary>
/// A value of a mapped property as an SQL literal, written by EF's own type mapping for the provider (its
/// format, its escaping). For statements with many rows: SQLite finds a parameter by its name in a list, so
/// a statement with thousands of parameters costs the square of their number to compile and bind.
/// </summary>
public static class SqlLiterals
{
    /// <summary>A NULL carries its column's type, so a VALUES list whose column holds only NULLs has one on PostgreSQL.</summary>
    public static string Of(IProperty property, object? value)
    {
        var mapping = property.GetRelationalTypeMapping();
        return value is null ? $"CAST(NULL AS {mapping.StoreType})" : mapping.GenerateSqlLiteral(value);
    }

    /// <summary>
    /// Runs a statement made of literals in the context's transaction; returns the rows it changed. Not through
    /// ExecuteSqlRaw, which reads braces (as in a JSON text) as the places of its parameters.
    /// </summary>
    public static async Task<int> Execute(LeadwerkDbContext db, string sql, CancellationToken cancel = default)
    {
        await db.Database.OpenConnectionAsync(cancel);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(cancel);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
