using System.Data.Common;
using System.Diagnostics;
using Leadwerk.Web.Bulk;
using Leadwerk.Web.Common;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;

namespace Leadwerk.Bench.Jobs;

/// <summary>
/// The floor of each job: the fewest writes that keep what the app keeps — the persons, a became-a-lead
/// history row each, a row per line of the file with its outcome (for the rollback), and for the bulk
/// update each changed person's old owner (for the undo) — written by hand as multi-row statements,
/// prepared once and re-bound, in transactions of the app's batch size, on the same database and
/// indexes. It is what a database engineer would write with the rules already decided; the app
/// decides them per row, which is its price above the floor.
/// </summary>
internal sealed class JobFloors(DbConnection connection, bool postgres)
{
    private const int ImportBatch = 500, BulkBatch = 5000, Rows = 100;
    private static readonly DateTime Now = DateTime.UtcNow;

    /// <summary>Imports <paramref name="rows"/> persons as the app's import of the same file does; returns the floor's import id.</summary>
    public async Task<(double Ms, int ImportId)> Import(int rows, string tag, long category, long status, long user)
    {
        var importId = (int)await Scalar("""
            INSERT INTO "Imports" ("Entity", "SettingsJson", "State", "Rows", "Done", "Created", "Updated", "Unchanged", "Errors",
                "RollbackSkipped", "UserId", "CreatedAt", "UpdatedAt", "Version")
            VALUES ('person', '{}', 2, @rows, 0, 0, 0, 0, 0, 0, @user, @now, @now, 1) RETURNING "Id"
            """, ("@rows", rows), ("@user", user), ("@now", Now));
        var source = $"import:{importId}";
        var persons = new Multi(connection, """INSERT INTO "Persons" ("FirstName", "LastName", "Email", "Phone", "Title", "FirstNameKey", "LastNameKey", "EmailKey", "PhoneKey", "CategoryId", "LeadStatusId", "LeadStatusChangedAt", "CreatedAt", "UpdatedAt", "Version", "LastActivityAt", "OpenFollowUps", "RecordSource") VALUES """,
            "(@f{0}, @l{0}, @e{0}, @p{0}, @t{0}, @fk{0}, @lk{0}, @ek{0}, @pk{0}, @cat, @status, @now, @now, @now, 1, @now, 0, @source)",
            """ RETURNING "Id" """, ("@cat", category), ("@status", status), ("@now", Now), ("@source", source));
        var history = new Multi(connection, """INSERT INTO "LeadStatusChanges" ("PersonId", "At", "UserId", "FromId", "ToId", "Channel", "WasActive", "Active", "BecameLead", "JobId", "JobKind", "Reverted", "Undoes") VALUES """,
            $"(@id{{0}}, @now, @user, NULL, @status, {(int)Channel.Import}, FALSE, TRUE, TRUE, @job, {(int)JobKind.Import}, FALSE, FALSE)", "",
            ("@now", Now), ("@user", user), ("@status", status), ("@job", importId));
        var lines = new Multi(connection, """INSERT INTO "ImportRows" ("ImportId", "Line", "Values", "State", "EntityId", "VersionAfter") VALUES """,
            $"(@job, @line{{0}}, @v{{0}}, {(int)ImportRowState.Created}, @id{{0}}, 1)", "", ("@job", importId));
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < rows; start += ImportBatch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var chunk in Enumerable.Range(start, Math.Min(ImportBatch, rows - start)).Chunk(Rows))
            {
                await InsertPersons(persons.For(chunk.Length), history.For(chunk.Length), lines.For(chunk.Length), chunk, tag, transaction);
            }

            await Execute("""UPDATE "Imports" SET "Done" = "Done" + @n, "Created" = "Created" + @n, "UpdatedAt" = @now WHERE "Id" = @id""", transaction,
                ("@n", Math.Min(ImportBatch, rows - start)), ("@now", Now), ("@id", importId));
            await transaction.CommitAsync();
        }

        await Execute("""UPDATE "Imports" SET "State" = 3 WHERE "Id" = @id""", null, ("@id", importId));
        return (watch.Elapsed.TotalMilliseconds, importId);
    }

    private static async Task InsertPersons(DbCommand p, DbCommand h, DbCommand l, int[] chunk, string tag, DbTransaction transaction)
    {
        for (var k = 0; k < chunk.Length; k++)
        {
            var i = chunk[k];
            var (first, last, email, phone) = (tag, $"Import {i}", $"{tag.ToLowerInvariant()}-{i}@bench.example", $"+31 6 {10_000_000 + i}");
            Bind(p, $"@f{k}", first);
            Bind(p, $"@l{k}", last);
            Bind(p, $"@e{k}", email);
            Bind(p, $"@p{k}", phone);
            Bind(p, $"@t{k}", "Buyer");
            Bind(p, $"@fk{k}", TextKey.Of(first));
            Bind(p, $"@lk{k}", TextKey.Of(last));
            Bind(p, $"@ek{k}", TextKey.Of(email));
            Bind(p, $"@pk{k}", PhoneKey.Of(phone));
            Bind(l, $"@line{k}", i + 2);
            Bind(l, $"@v{k}", $$"""{"firstName":"{{first}}","lastName":"{{last}}","email":"{{email}}","phone":"{{phone}}","title":"Buyer"}""");
        }

        p.Transaction = h.Transaction = l.Transaction = transaction;
        var ids = new List<long>(chunk.Length);
        await using (var reader = await p.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        // New rowids and sequence values rise in the order of the VALUES list.
        ids.Sort();
        for (var k = 0; k < ids.Count; k++)
        {
            Bind(h, $"@id{k}", ids[k]);
            Bind(l, $"@id{k}", ids[k]);
        }

        await h.ExecuteNonQueryAsync();
        await l.ExecuteNonQueryAsync();
    }

    /// <summary>Undoes the floor's import by line, newest first: history rows, persons, and each line marked rolled back.</summary>
    public async Task<double> Rollback(int importId, int rows)
    {
        var watch = Stopwatch.StartNew();
        for (var end = rows + 1; end > 1; end -= ImportBatch)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var range = ("@from", (object)Math.Max(2, end - ImportBatch + 1));
            // The batch's persons read first and deleted by their keys: a subquery on lines the planner has no statistics
            // for yet made PostgreSQL's delete slower than the app's.
            var ids = await Ids("""SELECT "EntityId" FROM "ImportRows" WHERE "ImportId" = @job AND "Line" BETWEEN @from AND @to""",
                transaction, ("@job", importId), range, ("@to", end));
            if (ids.Count > 0)
            {
                var list = string.Join(", ", ids);
                await Execute($"""DELETE FROM "LeadStatusChanges" WHERE "PersonId" IN ({list})""", transaction);
                await Execute($"""DELETE FROM "Persons" WHERE "Id" IN ({list})""", transaction);
            }

            await Execute($"""UPDATE "ImportRows" SET "State" = {(int)ImportRowState.RolledBack} WHERE "ImportId" = @job AND "Line" BETWEEN @from AND @to""",
                transaction, ("@job", importId), range, ("@to", end));
            await transaction.CommitAsync();
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        await Execute("""DELETE FROM "ImportRows" WHERE "ImportId" = @job""", null, ("@job", importId));
        await Execute("""DELETE FROM "Imports" WHERE "Id" = @job""", null, ("@job", importId));
        return ms;
    }

    /// <summary>Gives every person <paramref name="owner"/>, keeping each changed person's old owner; returns the time and the floor's run id.</summary>
    public async Task<(double Ms, int RunId)> Bulk(long owner, long user)
    {
        var runId = (int)await Scalar("""
            INSERT INTO "BulkUpdates" ("ActionsJson", "CancelRequested", "Changed", "CreatedAt", "Done", "Entity", "Skipped", "State", "Total",
                "UndoSkipped", "UpdatedAt", "UserId", "Version")
            VALUES ('[]', FALSE, 0, @now, 0, 'person', 0, 2, 0, 0, @now, @user, 1) RETURNING "Id"
            """, ("@now", Now), ("@user", user));
        var distinct = postgres ? "IS DISTINCT FROM" : "IS NOT";
        var watch = Stopwatch.StartNew();
        for (long after = 0; ;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var last = await Scalar("""SELECT COALESCE(MAX("Id"), 0) FROM (SELECT "Id" FROM "Persons" WHERE "Id" > @after ORDER BY "Id" LIMIT @n) b""",
                transaction, ("@after", after), ("@n", BulkBatch));
            if (last == 0)
            {
                break;
            }

            var range = $""" "Id" > @after AND "Id" <= @last AND "OwnerId" {distinct} @owner""";
            await Execute($"""
                INSERT INTO "BulkUpdateItems" ("BulkUpdateId", "EntityId", "State", "VersionAfter", "Value")
                SELECT @run, "Id", {(int)BulkItemState.Changed}, "Version" + 1, "OwnerId" FROM "Persons" WHERE {range}
                """, transaction, ("@run", runId), ("@after", after), ("@last", last), ("@owner", owner));
            await Execute($"""UPDATE "Persons" SET "OwnerId" = @owner, "Version" = "Version" + 1, "UpdatedAt" = @now WHERE {range}""",
                transaction, ("@after", after), ("@last", last), ("@owner", owner), ("@now", Now));
            await transaction.CommitAsync();
            after = last;
        }

        return (watch.Elapsed.TotalMilliseconds, runId);
    }

    /// <summary>Puts back each owner the floor's bulk run changed, where nobody changed the person since.</summary>
    public async Task<double> Undo(int runId)
    {
        var watch = Stopwatch.StartNew();
        for (long after = 0; ;)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var last = await Scalar("""
                SELECT COALESCE(MAX("EntityId"), 0) FROM (SELECT "EntityId" FROM "BulkUpdateItems"
                WHERE "BulkUpdateId" = @run AND "EntityId" > @after ORDER BY "EntityId" LIMIT @n) b
                """, transaction, ("@run", runId), ("@after", after), ("@n", BulkBatch));
            if (last == 0)
            {
                break;
            }

            await Execute("""
                UPDATE "Persons" SET "OwnerId" = i."Value", "Version" = "Persons"."Version" + 1, "UpdatedAt" = @now
                FROM "BulkUpdateItems" i
                WHERE i."BulkUpdateId" = @run AND i."EntityId" > @after AND i."EntityId" <= @last
                  AND "Persons"."Id" = i."EntityId" AND "Persons"."Version" = i."VersionAfter"
                """, transaction, ("@run", runId), ("@after", after), ("@last", last), ("@now", Now));
            await Execute($"""
                UPDATE "BulkUpdateItems" SET "State" = {(int)BulkItemState.Undone}
                WHERE "BulkUpdateId" = @run AND "EntityId" > @after AND "EntityId" <= @last
                """, transaction, ("@run", runId), ("@after", after), ("@last", last));
            await transaction.CommitAsync();
            after = last;
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        await Execute("""DELETE FROM "BulkUpdateItems" WHERE "BulkUpdateId" = @run""", null, ("@run", runId));
        await Execute("""DELETE FROM "BulkUpdates" WHERE "Id" = @run""", null, ("@run", runId));
        return ms;
    }

    /// <summary>A multi-row statement, its parameters named by row, one prepared command per row count, re-bound on each use.</summary>
    private sealed class Multi(DbConnection connection, string head, string row, string tail, params (string Name, object Value)[] shared)
    {
        private readonly Dictionary<int, DbCommand> _commands = [];

        public DbCommand For(int rows)
        {
            if (!_commands.TryGetValue(rows, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = head + string.Join(", ", Enumerable.Range(0, rows).Select(k => string.Format(System.Globalization.CultureInfo.InvariantCulture, row, k))) + tail;
                command.CommandTimeout = 0;
                foreach (var (name, value) in shared)
                {
                    Bind(command, name, value);
                }

                _commands[rows] = command;
            }

            return command;
        }
    }

    private static void Bind(DbCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private Task<long> Scalar(string sql, params (string Name, object? Value)[] parameters) => Scalar(sql, null, parameters);

    private async Task<List<long>> Ids(string sql, DbTransaction transaction, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async Task<long> Scalar(string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, transaction, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task Execute(string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, transaction, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private DbCommand Command(string sql, DbTransaction? transaction, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        (command.CommandText, command.CommandTimeout, command.Transaction) = (sql, 0, transaction);
        foreach (var (name, value) in parameters)
        {
            Bind(command, name, value);
        }

        return command;
    }
}
