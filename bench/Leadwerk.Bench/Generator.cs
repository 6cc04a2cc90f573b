using System.Diagnostics;
using Leadwerk.Web.Data;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Bench;

/// <summary>
/// `generate`: creates the schema through the app's own migrations and seed, adds the owners,
/// then writes the data set through the provider's bulk path (never one SaveChanges per row).
/// </summary>
public static class Generator
{
    public const int UserCount = 20;
    public const string Password = "bench-password-1";

    public static async Task Run(BenchOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        await using var services = BenchServices.Build(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        if ((await db.Database.GetAppliedMigrationsAsync()).Any())
        {
            throw new InvalidOperationException("The database already has a schema; generate needs a new, empty database.");
        }

        await db.Database.MigrateAsync();
        await Seed.WriteLists(db);
        await Seed.EnsureFollowUpTypes(db);
        await AddUsers(db);
        var lists = await ReadLists(db);
        var data = new DataSet(lists, options.Companies, options.Persons, options.Seed);
        log.WriteLine($"Schema migrated and lists seeded ({options.Provider}); writing {options.Companies:N0} companies and {options.Persons:N0} persons.");

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        IBulkWriter writer = db.IsPostgres ? new PostgresWriter((Npgsql.NpgsqlConnection)connection) : new SqliteWriter((Microsoft.Data.Sqlite.SqliteConnection)connection);
        await writer.Write(data, log);
        log.WriteLine($"Done in {total.Elapsed.TotalSeconds:N1} s.");
    }

    /// <summary>The owners; user 1 is an administrator (the benchmark runs as it).</summary>
    private static async Task AddUsers(LeadwerkDbContext db)
    {
        var hasher = new PasswordHasher<User>();
        for (var i = 1; i <= UserCount; i++)
        {
            var user = new User
            {
                UserName = $"user{i}",
                NormalizedUserName = $"USER{i}",
                DisplayName = $"User {i:D2}",
                Role = i == 1 ? Role.Admin : Role.User,
            };
            user.PasswordHash = i == 1 ? hasher.HashPassword(user, Password) : "!";
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
    }

    public static async Task<ListIds> ReadLists(LeadwerkDbContext db)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Rank).ThenBy(c => c.Id).ToListAsync();
        var statuses = await db.LeadStatuses.AsNoTracking().OrderBy(s => s.Rank).ThenBy(s => s.Id).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var types = await db.FollowUpTypes.AsNoTracking().Where(t => !t.Deleted).OrderBy(t => t.Rank).Select(t => t.Id).ToListAsync();
        return new ListIds(
            categories.Select(c => c.Id).ToList(), categories.Where(c => c.LeadStatusEnabled).Select(c => c.Id).ToHashSet(),
            statuses.Select(s => s.Id).ToList(), statuses.Single(s => s.IsDefault).Id, users, types);
    }
}

internal interface IBulkWriter
{
    Task Write(DataSet data, TextWriter log);
}

/// <summary>Prints a line every so many rows with the rate, so a long run shows it is alive.</summary>
internal sealed class Progress(TextWriter log, string what, int total)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Report(int done)
    {
        if (done % 100_000 == 0 || done == total)
        {
            var rate = done / Math.Max(0.001, _watch.Elapsed.TotalSeconds);
            log.WriteLine($"  {what}: {done:N0}/{total:N0} ({rate:N0}/s)");
        }
    }
}
