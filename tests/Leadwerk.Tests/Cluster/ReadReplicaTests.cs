using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;
using Npgsql;

namespace Leadwerk.Tests.Cluster;

/// <summary>
/// Issue 18: with ConnectionStrings:LeadwerkReadOnly, Find and the Contacts tab read from the
/// replica; edits and a read of one record go to the primary. The "replica" is a copy of the
/// database taken before an edit: a replica that has not caught up yet, so where each read went
/// shows in what it returns. (Replication itself is PostgreSQL's business.)
/// </summary>
public sealed class ReadReplicaOnPostgres
{
    [Fact]
    public async Task FindAndTheContactsTabReadFromTheReplicaWhileEditsAndReadsOfOneRecordUseThePrimary()
    {
        await using var primary = AppDatabase.Postgres();
        var lastName = Unique.Name("Replica");
        int company, person;
        using (var first = await AppProcess.Start(primary, 100))
        {
            var admin = await first.Admin();
            company = (await admin.CreateCompany("Lead")).Int("id");
            person = (await admin.CreatePerson(company, lastName)).Int("id");
        }

        var replica = "lw_replica_" + Guid.NewGuid().ToString("N");
        await Copy(primary.RestoreTarget, replica);
        try
        {
            var settings = new Dictionary<string, string> { ["ConnectionStrings:LeadwerkReadOnly"] = primary.ConnectionString.Replace(primary.RestoreTarget, replica) };
            using var app = await AppProcess.Start(primary, 100, settings);
            var client = await app.Admin();

            await client.PatchPerson(person, new { lastName = lastName + " renamed" });

            Assert.Equal(lastName + " renamed", (await client.GetPerson(person)).Str("lastName"));
            var tab = await client.GetOk($"/api/companies/{company}/persons?columns=person.lastName");
            Assert.Equal(lastName, tab["items"]!.Items().Single().Str("person.lastName"));
            var found = await (await client.PostJson("/api/search", new
            {
                criteria = new { entity = "person", sets = new[] { new { lines = new object[] { new { field = "person.lastName", @operator = "equals", values = new[] { lastName } } } } } },
                count = true,
            })).ShouldBe(200);
            Assert.Equal(person, found["items"]![0]!.Int("id"));
        }
        finally
        {
            await Execute($"DROP DATABASE IF EXISTS \"{replica}\" WITH (FORCE)");
        }
    }

    /// <summary>CREATE DATABASE … TEMPLATE needs the source without sessions; the killed app's may take a moment to end.</summary>
    private static async Task Copy(string source, string target)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Execute($"CREATE DATABASE \"{target}\" TEMPLATE \"{source}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task Execute(string sql)
    {
        var server = Environment.GetEnvironmentVariable(PostgresApp.EnvironmentVariable)
            ?? throw new InvalidOperationException($"{PostgresApp.EnvironmentVariable} is not set; run the tests through scripts/test.sh.");
        await using var connection = new NpgsqlConnection($"{server.TrimEnd(';')};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
