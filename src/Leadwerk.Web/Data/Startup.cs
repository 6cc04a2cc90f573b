using System.Security.Cryptography;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Leadwerk.Web.Data;

/// <summary>At start: apply migrations, seed a new database once, ensure the first admin, add demo data on request.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabase(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();

        // Seeding and demo data are the system's own changes, recorded as an import.
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Leads.Channel.Import));
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Leadwerk.Database");

        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the
        // others wait here and then find it done (a session lock, held on this context's connection).
        await using var exclusive = await SchemaLock.Take(db);
        // Npgsql reads the history table without asking whether it exists, and EF logs the refusal on a
        // new database as a failed command; an operator starting the app should not see errors that are none.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        if (applied.Except(db.Database.GetMigrations()).ToList() is { Count: > 0 } unknown)
        {
            throw new SchemaTooNewException(unknown);
        }

        var isNew = applied.Count == 0;
        await db.Database.MigrateAsync();
        if (!db.IsPostgres)
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Refreshes the planner's statistics where the data has grown since they were taken
            // (PostgreSQL's autovacuum does this by itself); quick, as it samples rows.
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
        }

        if (isNew)
        {
            await Seed.WriteLists(db);
            logger.LogInformation("New database: seeded the category and lead status lists.");
        }

        if (await Seed.EnsureLostReasons(db))
        {
            logger.LogInformation("Seeded the lost reasons list.");
        }

        if (await Seed.EnsureFollowUpTypes(db))
        {
            logger.LogInformation("Seeded the follow-up types list.");
        }

        if (await Dashboards.DashboardService.EnsureSeeded(db))
        {
            logger.LogInformation("Seeded the Leads dashboard.");
        }

        if (await Licensing.LicenceService.EnsureRow(db, app.Configuration))
        {
            logger.LogInformation("Licensed as {Edition}.", Licensing.LicenceService.Initial(app.Configuration));
        }

        if (await Attribution.AttributionRulesCache.EnsureRow(db))
        {
            logger.LogInformation("Seeded the attribution aliases and channel rules.");
        }

        app.Services.GetRequiredService<Licensing.LicenceState>().Edition =
            await db.Licences.AsNoTracking().Where(l => l.Id == Licensing.Licence.TheOne).Select(l => l.Edition).FirstAsync();

        if (await Companies.CompanyDomains.Backfill(db) is > 0 and var domains)
        {
            logger.LogInformation("Read the website domain of {Count} companies (R19 matching).", domains);
        }

        await EnsureAdmin(app, db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>());

        if (app.Configuration.GetValue<bool>("Leadwerk:DemoData") && !await db.Companies.AnyAsync())
        {
            var (companies, persons) = await DemoData.Fill(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
            logger.LogInformation("Demo data: {Companies} companies and {Persons} persons added.", companies, persons);
        }
    }

    private static async Task EnsureAdmin(WebApplication app, LeadwerkDbContext db, IPasswordHasher<User> hasher)
    {
        if (await db.Users.AnyAsync())
        {
            return;
        }

        var userName = app.Configuration["Leadwerk:Admin:UserName"] is { Length: > 0 } configured ? configured : "admin";
        var password = app.Configuration["Leadwerk:Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        }

        var admin = new User
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = "Administrator",
            Role = Role.Admin,
        };
        admin.PasswordHash = hasher.HashPassword(admin, password!);
        db.Users.Add(admin);
        await db.SaveChangesAsync();

        if (generated)
        {
            // Printed once, on purpose to the console rather than the log: it is the only way in.
            Console.WriteLine();
            Console.WriteLine("  Leadwerk: first administrator created.");
            Console.WriteLine($"    user name: {userName}");
            Console.WriteLine($"    password:  {password}");
            Console.WriteLine("  It is shown only now. Set Leadwerk:Admin:Password (Leadwerk__Admin__Password) to choose it yourself.");
            Console.WriteLine();
        }
    }
}
