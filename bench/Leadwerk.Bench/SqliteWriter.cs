using Leadwerk.Web.Common;
using Microsoft.Data.Sqlite;

namespace Leadwerk.Bench;

/// <summary>
/// SQLite's fast path: one prepared INSERT per table, re-bound per row, one transaction per
/// <see cref="Batch"/> rows. Durability is switched off while loading only (a crash means
/// generating again), and ANALYZE at the end gives the planner real statistics.
/// </summary>
internal sealed class SqliteWriter(SqliteConnection connection) : IBulkWriter
{
    private const int Batch = 50_000;

    public async Task Write(DataSet data, TextWriter log)
    {
        await Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        await Companies(data, log);
        await Persons(data, log);
        await Execute("PRAGMA synchronous=NORMAL;");
        log.WriteLine("  ANALYZE");
        await Execute("ANALYZE;");
    }

    private async Task Companies(DataSet data, TextWriter log)
    {
        var insert = Command("""
            INSERT INTO "Companies" ("Id", "Name", "NameKey", "CategoryId", "OwnerId", "Email", "Phone", "Website", "Country", "OrgNumber", "CreatedAt", "UpdatedAt", "Version")
            VALUES ($id, $name, $nameKey, $category, $owner, $email, $phone, $website, $country, $org, $created, $created, 1)
            """, "$id", "$name", "$nameKey", "$category", "$owner", "$email", "$phone", "$website", "$country", "$org", "$created");
        var progress = new Progress(log, "companies", data.Companies);
        var transaction = connection.BeginTransaction();
        var done = 0;
        foreach (var c in data.CompanyRows())
        {
            insert.Transaction = transaction;
            Bind(insert, c.Id, c.Name, TextKey.Of(c.Name), c.CategoryId, c.OwnerId, c.Email, c.Phone, c.Website, c.Country, c.OrgNumber, c.CreatedAt);
            await insert.ExecuteNonQueryAsync();
            transaction = await Next(transaction, ++done);
            progress.Report(done);
        }

        await transaction.CommitAsync();
    }

    private async Task Persons(DataSet data, TextWriter log)
    {
        var person = Command("""
            INSERT INTO "Persons" ("Id", "CompanyId", "FirstName", "LastName", "Email", "FirstNameKey", "LastNameKey", "EmailKey", "Phone", "Title",
                "OwnerId", "CategoryId", "LeadStatusId", "LeadStatusChangedAt", "CreatedAt", "UpdatedAt", "Version", "NextFollowUpAt", "OpenFollowUps", "LastActivityAt")
            VALUES ($id, $company, $first, $last, $email, $firstKey, $lastKey, $emailKey, $phone, $title, $owner, $category, $status, $changed,
                $created, $updated, 1, $next, $open, $activity)
            """, "$id", "$company", "$first", "$last", "$email", "$firstKey", "$lastKey", "$emailKey", "$phone", "$title", "$owner", "$category", "$status", "$changed", "$created",
            "$updated", "$next", "$open", "$activity");
        var history = Command("""
            INSERT INTO "LeadStatusChanges" ("PersonId", "At", "UserId", "FromId", "ToId", "Channel", "WasActive", "Active", "BecameLead", "FromSince")
            VALUES ($person, $at, $user, $from, $to, $channel, $wasActive, $active, $becameLead, $fromSince)
            """, "$person", "$at", "$user", "$from", "$to", "$channel", "$wasActive", "$active", "$becameLead", "$fromSince");
        var followUp = Command("""
            INSERT INTO "FollowUps" ("PersonId", "TypeId", "Title", "DueAt", "AllDay", "DurationMinutes", "OwnerId", "CompletedAt", "CompletedById", "Outcome",
                "CreatedById", "CreatedAt", "UpdatedAt", "Version")
            VALUES ($person, $type, $title, $due, $allDay, $duration, $owner, $completed, $completedBy, $outcome, $owner, $created, $created, 1)
            """, "$person", "$type", "$title", "$due", "$allDay", "$duration", "$owner", "$completed", "$completedBy", "$outcome", "$created");
        var progress = new Progress(log, "persons", data.Persons);
        var changes = new List<HistoryData>(data.Persons * 2);
        var transaction = connection.BeginTransaction();
        var done = 0;
        foreach (var (p, rows, followUps) in data.PersonRows())
        {
            person.Transaction = transaction;
            history.Transaction = transaction;
            followUp.Transaction = transaction;
            Bind(person, p.Id, p.CompanyId, p.FirstName, p.LastName, p.Email, TextKey.Of(p.FirstName), TextKey.Of(p.LastName), TextKey.Of(p.Email), p.Phone, p.Title, p.OwnerId, p.CategoryId, p.LeadStatusId,
                p.LeadStatusChangedAt, p.CreatedAt, p.LeadStatusChangedAt ?? p.CreatedAt, p.NextFollowUpAt, p.OpenFollowUps, p.LastActivityAt);
            await person.ExecuteNonQueryAsync();
            changes.AddRange(rows);
            foreach (var f in followUps)
            {
                Bind(followUp, f.PersonId, f.TypeId, f.Title, f.DueAt, f.AllDay, f.DurationMinutes, f.OwnerId, f.CompletedAt,
                    f.CompletedAt is null ? null : f.OwnerId, f.Outcome, f.CreatedAt);
                await followUp.ExecuteNonQueryAsync();
            }

            transaction = await Next(transaction, ++done);
            progress.Report(done);
        }

        await transaction.CommitAsync();

        // In the order the app appends them (its ids follow time), as DataSet.InTimeOrder says why.
        var historyProgress = new Progress(log, "history rows", changes.Count);
        transaction = connection.BeginTransaction();
        done = 0;
        foreach (var h in DataSet.InTimeOrder(changes))
        {
            history.Transaction = transaction;
            Bind(history, h.PersonId, h.At, h.UserId, h.FromId, h.ToId, h.Channel, h.WasActive, h.Active, h.BecameLead, h.FromSince);
            await history.ExecuteNonQueryAsync();
            transaction = await Next(transaction, ++done);
            historyProgress.Report(done);
        }

        await transaction.CommitAsync();
    }

    private async Task<SqliteTransaction> Next(SqliteTransaction transaction, int done)
    {
        if (done % Batch != 0)
        {
            return transaction;
        }

        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        return connection.BeginTransaction();
    }

    private SqliteCommand Command(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    /// <summary>Microsoft.Data.Sqlite writes a DateTime as EF Core does ("yyyy-MM-dd HH:mm:ss.FFFFFFF"), so EF reads these rows back as its own.</summary>
    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private async Task Execute(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
