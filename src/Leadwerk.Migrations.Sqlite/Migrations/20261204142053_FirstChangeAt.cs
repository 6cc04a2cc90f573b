using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FirstChangeAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead",
                table: "LeadStatusChanges");

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstChangeAt",
                table: "LeadStatusChanges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead", "FirstChangeAt" });

            // Speed to lead (F8): on each row where a person became a lead, when its status first
            // changed after it. Filled for the history so far, then kept by a trigger on every row written.
            migrationBuilder.Sql("""
                UPDATE "LeadStatusChanges" AS b SET "FirstChangeAt" = (
                    SELECT r."At" FROM "LeadStatusChanges" r
                    WHERE r."PersonId" = b."PersonId" AND r."At" >= b."At" AND (r."At" > b."At" OR r."Id" > b."Id") AND r."ToId" IS NOT b."ToId"
                    ORDER BY r."At", r."Id" LIMIT 1)
                WHERE b."BecameLead";
                CREATE TRIGGER "LeadStatusChanges_FirstChangeAt" AFTER INSERT ON "LeadStatusChanges" BEGIN
                    UPDATE "LeadStatusChanges" SET "FirstChangeAt" = new."At"
                    WHERE "PersonId" = new."PersonId" AND "BecameLead" AND "FirstChangeAt" IS NULL AND "ToId" IS NOT new."ToId"
                        AND "At" <= new."At" AND ("At" < new."At" OR "Id" < new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "LeadStatusChanges_FirstChangeAt";""");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "FirstChangeAt",
                table: "LeadStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead",
                table: "LeadStatusChanges",
                columns: new[] { "PersonId", "At", "ToId", "BecameLead" });
        }
    }
}
