using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HistoryCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At" });
        }
    }
}
