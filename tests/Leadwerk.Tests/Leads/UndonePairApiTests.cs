using System.Text.Json.Nodes;
using Leadwerk.Tests.Dashboards;
using Leadwerk.Tests.Infrastructure;
using static Leadwerk.Tests.Bulk.BulkClient;
using static Leadwerk.Tests.Import.ImportClient;

namespace Leadwerk.Tests.Leads;

/// <summary>
/// An undo or rollback keeps the run's history row and its own, marked as a pair: the run's rows name
/// it, the undo's rows say which run they undo, and figures about the past leave the pair out, so
/// the dashboard reads as before the run.
/// </summary>
public abstract class UndonePairApiTests(LeadwerkApp app)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UndoingABulkRunMarksItsHistoryRowAndTheUndoRowAsAPairOfThatRun()
    {
        var admin = await Admin();
        var personId = (await admin.CreatePerson((await admin.CreateCompany("Lead")).Int("id"))).Int("id");
        var run = (await admin.RunBulk(Ids("person", personId), Set("person.leadStatus", await admin.StatusId("Qualified")))).Int("id");

        await (await admin.PostJson($"/api/bulk-updates/{run}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run, "undone");

        var history = await admin.History(personId);
        Assert.Equal([("bulkUpdate", run, true, true), ("bulkUpdate", run, false, true), (null, 0, false, false)],
            history.Select(h => (h["job"]?.Str("kind"), h["job"]?.Int("id") ?? 0, h["undoes"]!.GetValue<bool>(), h["reverted"]!.GetValue<bool>())));
        Assert.Equal(["Open", "Qualified", "Open"], history.Select(h => h.Str("to")));
    }

    [Fact]
    public async Task RollingBackAnImportMarksItsHistoryRowAndTheRollbackRowAsAPairOfThatImport()
    {
        var admin = await Admin();
        var email = Email("pair");
        var personId = (await (await admin.PostJson("/api/persons",
            new { companyId = (await admin.CreateCompany("Lead")).Int("id"), lastName = "Pair", email })).ShouldBe(201)).Int("id");
        var run = (await admin.RunImport(Persons(dryRun: false), $"last name,e-mail,lead status\nPair,{email},Contacting\n")).Int("id");

        await admin.Rollback(run);

        var history = await admin.History(personId);
        Assert.Equal([("import", run, true, true), ("import", run, false, true), (null, 0, false, false)],
            history.Select(h => (h["job"]?.Str("kind"), h["job"]?.Int("id") ?? 0, h["undoes"]!.GetValue<bool>(), h["reverted"]!.GetValue<bool>())));
    }

    [Fact]
    public async Task AfterAnUndoTheDashboardsTimeInStatusSpeedToLeadAndFunnelAreAsIfTheRunHadNeverBeen()
    {
        app.Clock.StopAt(Start);
        var untouched = new DashboardHistory(app, Unique.Name("Untouched"));
        var undone = new DashboardHistory(app, Unique.Name("Undone"));
        await untouched.NewLead("A");
        var personId = await undone.NewLead("A");
        untouched.Advance(TimeSpan.FromDays(10));
        var admin = await untouched.Client();
        var run = (await admin.RunBulk(Ids("person", personId), Set("person.leadStatus", await admin.StatusId("Contacting")))).Int("id");
        untouched.Advance(TimeSpan.FromDays(3));
        admin = await untouched.Client();

        await (await admin.PostJson($"/api/bulk-updates/{run}/undo", null)).ShouldBe(202);
        await admin.WaitForState(run, "undone");

        untouched.Advance(TimeSpan.FromDays(2));
        foreach (var tile in new[] { "time-in-status", "speed-to-lead", "funnel", "stale-leads" })
        {
            var expected = await Figures(untouched, tile);
            Assert.Equal(expected, await Figures(undone, tile));
        }

        var person = await (await undone.Client()).GetOk($"/api/persons/{personId}");
        Assert.Equal(Start.UtcDateTime, person["leadStatusChangedAt"]!.GetValue<DateTime>());
    }

    /// <summary>A fresh login: one test stops the clock, and tokens follow it.</summary>
    private Task<HttpClient> Admin() => app.LogIn(LeadwerkApp.AdminUserName, LeadwerkApp.AdminPassword);

    /// <summary>A tile's figures for one history's persons: each series' label, value and extra values.</summary>
    private static async Task<string> Figures(DashboardHistory history, string tileId)
    {
        var data = await history.Evaluate(await history.Tile(tileId));
        return string.Join("; ", data.Series().Select(s =>
            $"{(tileId == "stale-leads" ? "" : s.Str("label"))}={s.Value()} {s["values"]?.ToJsonString() ?? ""}")) + $" total={data["total"]?.ToJsonString()}";
    }
}

public sealed class UndonePairApiTestsOnSqlite(SqliteApp app) : UndonePairApiTests(app), IClassFixture<SqliteApp>;

public sealed class UndonePairApiTestsOnPostgres(PostgresApp app) : UndonePairApiTests(app), IClassFixture<PostgresApp>;
