using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaleLeadsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Persons_LeadStatusChangedAt_CategoryId_LeadStatusId",
                table: "Persons",
                columns: new[] { "LeadStatusChangedAt", "CategoryId", "LeadStatusId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_LeadStatusChangedAt_CategoryId_LeadStatusId",
                table: "Persons");
        }
    }
}
