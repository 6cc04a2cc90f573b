using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Data;

/// <summary>
/// A moment as a number of days, in SQL: SQLite's julianday(), on PostgreSQL the function
/// leadwerk_days() (epoch seconds / 86,400; migrations DbDays and DbDaysInlined: STABLE, so the planner
/// inlines it). Only differences mean anything (the two count from different days). Queries that read
/// tens of thousands of moments only to subtract them (the dashboard's stays, speed to lead, funnel
/// gaps) read one number instead of parsing text.
/// </summary>
public static class DbDays
{
    public const string PostgresFunction = "leadwerk_days";

    public static double? Of(DateTime? at) => throw new InvalidOperationException("DbDays.Of runs only inside a query.");

    /// <summary>The UTC day a moment falls on: SQLite's date(), on PostgreSQL leadwerk_day() (date_bin, no time zone lookup).</summary>
    public static DateTime? Day(DateTime? at) => throw new InvalidOperationException("DbDays.Day runs only inside a query.");

    public static void Map(ModelBuilder modelBuilder, bool postgres)
    {
        modelBuilder.HasDbFunction(typeof(DbDays).GetMethod(nameof(Of))!).HasName(postgres ? PostgresFunction : "julianday").IsBuiltIn(!postgres);
        modelBuilder.HasDbFunction(typeof(DbDays).GetMethod(nameof(Day))!).HasName(postgres ? "leadwerk_day" : "date").IsBuiltIn(!postgres);
    }
}
