using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// A row of the SQLite table "StatusSinceDays": how many persons have had their lead status since a
/// day, per category (0: none) and status. It is the persons grouped as the "time in status" tile
/// reads the stays still going, kept equal to that grouping by triggers on Persons: every write, by
/// any channel, in the writing statement's transaction (migration StatusSinceDays;
/// StatusSinceDaysTests compares it with the grouping). SQLite groups by sorting, which over every
/// lead of a large database takes a second; PostgreSQL groups by hashing, reads the persons
/// themselves, and has no such table (no hot rows for concurrent writers to queue on).
/// </summary>
public sealed class StatusSinceDay
{
    public int CategoryId { get; set; }
    public int LeadStatusId { get; set; }
    public DateOnly Day { get; set; }
    public int Persons { get; set; }
}

public static class StatusSinceDays
{
    public const string Table = "StatusSinceDays";

    public static void Map(ModelBuilder modelBuilder) => modelBuilder.Entity<StatusSinceDay>(t =>
    {
        t.HasNoKey();
        // The migration creates it with its triggers in raw SQL.
        t.ToTable(Table, x => x.ExcludeFromMigrations());
    });
}
