using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
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
                type: "timestamp with time zone",
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
                    WHERE r."PersonId" = b."PersonId" AND r."At" >= b."At" AND (r."At" > b."At" OR r."Id" > b."Id") AND r."ToId" IS DISTINCT FROM b."ToId"
                    ORDER BY r."At", r."Id" LIMIT 1)
                WHERE b."BecameLead";
                CREATE FUNCTION lead_status_changes_first_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "LeadStatusChanges" SET "FirstChangeAt" = NEW."At"
                    WHERE "PersonId" = NEW."PersonId" AND "BecameLead" AND "FirstChangeAt" IS NULL AND "ToId" IS DISTINCT FROM NEW."ToId"
                        AND "At" <= NEW."At" AND ("At" < NEW."At" OR "Id" < NEW."Id");
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "LeadStatusChanges_FirstChangeAt" AFTER INSERT ON "LeadStatusChanges"
                    FOR EACH ROW EXECUTE FUNCTION lead_status_changes_first_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "LeadStatusChanges_FirstChangeAt" ON "LeadStatusChanges";
                DROP FUNCTION lead_status_changes_first_change();
                """);

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
