using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CategoryId_LeadStatusId",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CategoryId_LeadStatusId_OwnerId_LeadStatusChangedAt",
                table: "Persons",
                columns: new[] { "CategoryId", "LeadStatusId", "OwnerId", "LeadStatusChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CategoryId_LeadStatusId_OwnerId_LeadStatusChangedAt",
                table: "Persons");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CategoryId_LeadStatusId",
                table: "Persons",
                columns: new[] { "CategoryId", "LeadStatusId" });
        }
    }
}
