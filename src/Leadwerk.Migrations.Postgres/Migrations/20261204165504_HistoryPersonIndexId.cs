using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HistoryPersonIndexId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead", "FirstChangeAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead", "FirstChangeAt" });
        }
    }
}
