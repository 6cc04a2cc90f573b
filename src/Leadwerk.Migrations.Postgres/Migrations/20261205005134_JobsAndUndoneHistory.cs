using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JobsAndUndoneHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Imports_UserId",
                table: "Imports");

            migrationBuilder.DropIndex(
                name: "IX_BulkUpdates_UserId",
                table: "BulkUpdates");

            migrationBuilder.AddColumn<int>(
                name: "JobId",
                table: "LeadStatusChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JobKind",
                table: "LeadStatusChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Reverted",
                table: "LeadStatusChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Undoes",
                table: "LeadStatusChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Args",
                table: "ImportRows",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~",
                table: "LeadStatusChanges",
                columns: new[] { "At", "PersonId", "FromId", "WasActive", "ToId", "Active", "FromSince", "Reverted" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId_Reverted",
                table: "LeadStatusChanges",
                columns: new[] { "BecameLead", "At", "PersonId", "Reverted" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_JobId_JobKind_PersonId",
                table: "LeadStatusChanges",
                columns: new[] { "JobId", "JobKind", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt~",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead", "FirstChangeAt", "Reverted" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_CreatedAt_Id",
                table: "Imports",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_UserId_CreatedAt_Id",
                table: "Imports",
                columns: new[] { "UserId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdates_CreatedAt_Id",
                table: "BulkUpdates",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdates_UserId_CreatedAt_Id",
                table: "BulkUpdates",
                columns: new[] { "UserId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId_Reverted",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_JobId_JobKind_PersonId",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt~",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Imports_CreatedAt_Id",
                table: "Imports");

            migrationBuilder.DropIndex(
                name: "IX_Imports_UserId_CreatedAt_Id",
                table: "Imports");

            migrationBuilder.DropIndex(
                name: "IX_BulkUpdates_CreatedAt_Id",
                table: "BulkUpdates");

            migrationBuilder.DropIndex(
                name: "IX_BulkUpdates_UserId_CreatedAt_Id",
                table: "BulkUpdates");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "JobKind",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "Reverted",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "Undoes",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "Args",
                table: "ImportRows");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~",
                table: "LeadStatusChanges",
                columns: new[] { "At", "PersonId", "FromId", "WasActive", "ToId", "Active", "FromSince" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_BecameLead_At_PersonId",
                table: "LeadStatusChanges",
                columns: new[] { "BecameLead", "At", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead", "FirstChangeAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Imports_UserId",
                table: "Imports",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdates_UserId",
                table: "BulkUpdates",
                column: "UserId");
        }
    }
}
