using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DbDaysInlined : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The planner inlines a SQL function only when its body is no more volatile than the
            // function says: date_part on a timestamptz is STABLE, so an IMMUTABLE wrapper ran as a
            // call per row (10x slower over 90k rows). date_part also answers in double precision,
            // where EXTRACT computes in numeric.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION leadwerk_days(timestamp with time zone) RETURNS double precision
                    LANGUAGE sql STABLE PARALLEL SAFE AS 'SELECT date_part(''epoch'', $1) / 86400.0';
                """);
            // The UTC day of a moment (DbDays.Day): date_bin is immutable and about twice as fast as
            // date_trunc with a time zone when 450k stays are grouped by their first day.
            migrationBuilder.Sql("""
                CREATE FUNCTION leadwerk_day(timestamp with time zone) RETURNS timestamp with time zone
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT date_bin(''1 day'', $1, timestamptz ''2000-01-01 00:00:00+00'')';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION leadwerk_day(timestamp with time zone);");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION leadwerk_days(timestamp with time zone) RETURNS double precision
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT EXTRACT(EPOCH FROM $1)::double precision / 86400.0';
                """);
        }
    }
}
