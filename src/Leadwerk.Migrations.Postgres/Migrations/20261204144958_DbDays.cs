using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DbDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A moment as days (Data/DbDays.cs), as SQLite's julianday() serves it there: a plain SQL
            // function the planner inlines.
            migrationBuilder.Sql("""
                CREATE FUNCTION leadwerk_days(timestamp with time zone) RETURNS double precision
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT EXTRACT(EPOCH FROM $1)::double precision / 86400.0';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION leadwerk_days(timestamp with time zone);");
        }
    }
}
