using Leadwerk.Web.Common;
using Npgsql;
using NpgsqlTypes;

namespace Leadwerk.Bench;

/// <summary>
/// PostgreSQL's fast path: binary COPY per table. Ids are written explicitly (so persons can name
/// their company), and the identity sequences are moved past them afterwards.
/// </summary>
internal sealed class PostgresWriter(NpgsqlConnection connection) : IBulkWriter
{
    public async Task Write(DataSet data, TextWriter log)
    {
        await Companies(data, log);
        await Persons(data, log);
        foreach (var table in new[] { "Companies", "Persons", "LeadStatusChanges", "FollowUps" })
        {
            await Execute($"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT COALESCE(MAX("Id"), 0) + 1 FROM "{table}"), false)""");
        }

        // VACUUM too: a million fresh rows would make autovacuum start in the middle of the
        // measurements, and without the visibility map index-only scans still read the table.
        log.WriteLine("  VACUUM ANALYZE");
        await Execute("VACUUM (ANALYZE)");
    }

    private async Task Companies(DataSet data, TextWriter log)
    {
        var progress = new Progress(log, "companies", data.Companies);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "Companies" ("Id", "Name", "NameKey", "CategoryId", "OwnerId", "Email", "Phone", "Website", "Country", "OrgNumber", "CreatedAt", "UpdatedAt", "Version")
            FROM STDIN (FORMAT BINARY)
            """);
        var done = 0;
        foreach (var c in data.CompanyRows())
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(c.Id, NpgsqlDbType.Integer);
            await copy.WriteAsync(c.Name, NpgsqlDbType.Varchar);
            await copy.WriteAsync(TextKey.Of(c.Name), NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.CategoryId, NpgsqlDbType.Integer);
            await copy.WriteAsync(c.OwnerId, NpgsqlDbType.Integer);
            await copy.WriteAsync(c.Email, NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.Phone, NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.Website, NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.Country, NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.OrgNumber, NpgsqlDbType.Varchar);
            await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(c.CreatedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
            progress.Report(++done);
        }

        await copy.CompleteAsync();
    }

    /// <summary>Persons first, then their history and follow-ups in COPYs of their own (their foreign keys need the persons).</summary>
    private async Task Persons(DataSet data, TextWriter log)
    {
        var followUps = await PersonsAndHistory(data, log);
        await FollowUps(followUps, log);
    }

    /// <summary>Returns the follow-ups to write next: one COPY at a time per connection, so this one must be done first.</summary>
    private async Task<List<FollowUpData>> PersonsAndHistory(DataSet data, TextWriter log)
    {
        var progress = new Progress(log, "persons", data.Persons);
        var history = new List<HistoryData>(data.Persons * 2);
        var followUps = new List<FollowUpData>(data.Persons);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "Persons" ("Id", "CompanyId", "FirstName", "LastName", "Email", "FirstNameKey", "LastNameKey", "EmailKey", "Phone", "Title", "OwnerId", "CategoryId", "LeadStatusId",
                "LeadStatusChangedAt", "CreatedAt", "UpdatedAt", "Version", "NextFollowUpAt", "OpenFollowUps", "LastActivityAt")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            copy.Timeout = TimeSpan.FromMinutes(30);
            var done = 0;
            foreach (var (p, rows, planned) in data.PersonRows())
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await Nullable(copy, p.CompanyId);
                await copy.WriteAsync(p.FirstName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.LastName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(p.Email, NpgsqlDbType.Varchar);
                await copy.WriteAsync(TextKey.Of(p.FirstName), NpgsqlDbType.Varchar);
                await copy.WriteAsync(TextKey.Of(p.LastName), NpgsqlDbType.Varchar);
                await copy.WriteAsync(TextKey.Of(p.Email), NpgsqlDbType.Varchar);
                await Text(copy, p.Phone);
                await Text(copy, p.Title);
                await copy.WriteAsync(p.OwnerId, NpgsqlDbType.Integer);
                await copy.WriteAsync(p.CategoryId, NpgsqlDbType.Integer);
                await Nullable(copy, p.LeadStatusId);
                await Nullable(copy, p.LeadStatusChangedAt);
                await copy.WriteAsync(p.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.LeadStatusChangedAt ?? p.CreatedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await Nullable(copy, p.NextFollowUpAt);
                await copy.WriteAsync(p.OpenFollowUps, NpgsqlDbType.Integer);
                await Nullable(copy, p.LastActivityAt);
                history.AddRange(rows);
                followUps.AddRange(planned);
                progress.Report(++done);
            }

            await copy.CompleteAsync();
        }

        var historyProgress = new Progress(log, "history rows", history.Count);
        await using var historyCopy = await connection.BeginBinaryImportAsync("""
            COPY "LeadStatusChanges" ("PersonId", "At", "UserId", "FromId", "ToId", "Channel", "WasActive", "Active", "BecameLead", "FromSince")
            FROM STDIN (FORMAT BINARY)
            """);
        // Completing checks the foreign keys of every row: longer than the default 30 s on a busy machine.
        historyCopy.Timeout = TimeSpan.FromMinutes(30);
        var written = 0;
        foreach (var h in DataSet.InTimeOrder(history))
        {
            await historyCopy.StartRowAsync();
            await historyCopy.WriteAsync(h.PersonId, NpgsqlDbType.Integer);
            await historyCopy.WriteAsync(h.At, NpgsqlDbType.TimestampTz);
            await historyCopy.WriteAsync(h.UserId, NpgsqlDbType.Integer);
            await Nullable(historyCopy, h.FromId);
            await Nullable(historyCopy, h.ToId);
            await historyCopy.WriteAsync(h.Channel, NpgsqlDbType.Integer);
            await historyCopy.WriteAsync(h.WasActive, NpgsqlDbType.Boolean);
            await historyCopy.WriteAsync(h.Active, NpgsqlDbType.Boolean);
            await historyCopy.WriteAsync(h.BecameLead, NpgsqlDbType.Boolean);
            await Nullable(historyCopy, h.FromSince);
            historyProgress.Report(++written);
        }

        await historyCopy.CompleteAsync();
        return followUps;
    }

    private async Task FollowUps(List<FollowUpData> followUps, TextWriter log)
    {
        var progress = new Progress(log, "follow-ups", followUps.Count);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "FollowUps" ("PersonId", "TypeId", "Title", "DueAt", "AllDay", "DurationMinutes", "OwnerId", "CompletedAt", "CompletedById", "Outcome",
                "CreatedById", "CreatedAt", "UpdatedAt", "Version") FROM STDIN (FORMAT BINARY)
            """);
        copy.Timeout = TimeSpan.FromMinutes(30);
        var written = 0;
        foreach (var f in followUps)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(f.PersonId, NpgsqlDbType.Integer);
            await copy.WriteAsync(f.TypeId, NpgsqlDbType.Integer);
            await copy.WriteAsync(f.Title, NpgsqlDbType.Varchar);
            await copy.WriteAsync(f.DueAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(f.AllDay, NpgsqlDbType.Boolean);
            await Nullable(copy, f.DurationMinutes);
            await copy.WriteAsync(f.OwnerId, NpgsqlDbType.Integer);
            await Nullable(copy, f.CompletedAt);
            await Nullable(copy, f.CompletedAt is null ? null : f.OwnerId);
            await Text(copy, f.Outcome);
            await copy.WriteAsync(f.OwnerId, NpgsqlDbType.Integer);
            await copy.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(1, NpgsqlDbType.Integer);
            progress.Report(++written);
        }

        await copy.CompleteAsync();
    }

    private static async Task Nullable(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Integer);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

    private static async Task Nullable(NpgsqlBinaryImporter copy, DateTime? value)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            await copy.WriteNullAsync();
        }
    }

    private static async Task Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar);
        }
    }

    private async Task Execute(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
