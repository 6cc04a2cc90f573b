using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leadwerk.Web.Data;

/// <summary>
/// SQLite's built-in lower() and upper() fold only ASCII letters, so a case-insensitive search for
/// "Émile" or "Ökten" would never match. On every SQLite connection they are replaced by .NET's
/// Unicode-aware versions, which PostgreSQL's own functions already are.
/// </summary>
public sealed class SqliteUnicodeFunctions : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>("lower", s => s?.ToLowerInvariant(), isDeterministic: true);
            sqlite.CreateFunction<string?, string?>("upper", s => s?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
