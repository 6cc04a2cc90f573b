using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecomputeProgressInDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RecomputedTouches",
                table: "AttributionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TouchesToRecompute",
                table: "AttributionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecomputedTouches",
                table: "AttributionSettings");

            migrationBuilder.DropColumn(
                name: "TouchesToRecompute",
                table: "AttributionSettings");
        }
    }
}
