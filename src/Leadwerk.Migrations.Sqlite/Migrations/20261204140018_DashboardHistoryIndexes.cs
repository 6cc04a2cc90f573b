using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_At",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_BecameLead_At",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_FromSince",
                table: "LeadStatusChanges",
                columns: new[] { "At", "PersonId", "FromId", "WasActive", "ToId", "Active", "FromSince" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId",
                table: "LeadStatusChanges",
                columns: new[] { "BecameLead", "At", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_FromSince",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_At",
                table: "LeadStatusChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_BecameLead_At",
                table: "LeadStatusChanges",
                columns: new[] { "BecameLead", "At" });
        }
    }
}
