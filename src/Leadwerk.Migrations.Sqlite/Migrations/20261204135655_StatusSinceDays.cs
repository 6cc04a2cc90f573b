using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatusSinceDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // How many persons have had their lead status since a day, per category (0: none) and
            // status: what the dashboard's "time in status" reads of the stays still going (see
            // Dashboards/StatusSinceDays.cs). The triggers keep it equal to the persons grouped so.
            migrationBuilder.Sql("""
                CREATE TABLE "StatusSinceDays" (
                    "CategoryId" INTEGER NOT NULL,
                    "LeadStatusId" INTEGER NOT NULL,
                    "Day" TEXT NOT NULL,
                    "Persons" INTEGER NOT NULL,
                    PRIMARY KEY ("CategoryId", "LeadStatusId", "Day")
                ) WITHOUT ROWID;
                INSERT INTO "StatusSinceDays" ("CategoryId", "LeadStatusId", "Day", "Persons")
                    SELECT COALESCE("CategoryId", 0), "LeadStatusId", substr("LeadStatusChangedAt", 1, 10), COUNT(*) FROM "Persons"
                    WHERE "LeadStatusId" IS NOT NULL AND "LeadStatusChangedAt" IS NOT NULL
                    GROUP BY 1, 2, 3;
                CREATE TRIGGER "Persons_StatusSinceDays_Insert" AFTER INSERT ON "Persons"
                WHEN new."LeadStatusId" IS NOT NULL AND new."LeadStatusChangedAt" IS NOT NULL BEGIN
                    INSERT INTO "StatusSinceDays" ("CategoryId", "LeadStatusId", "Day", "Persons")
                        VALUES (COALESCE(new."CategoryId", 0), new."LeadStatusId", substr(new."LeadStatusChangedAt", 1, 10), 1)
                        ON CONFLICT ("CategoryId", "LeadStatusId", "Day") DO UPDATE SET "Persons" = "Persons" + 1;
                END;
                CREATE TRIGGER "Persons_StatusSinceDays_Update" AFTER UPDATE OF "CategoryId", "LeadStatusId", "LeadStatusChangedAt" ON "Persons"
                WHEN old."CategoryId" IS NOT new."CategoryId" OR old."LeadStatusId" IS NOT new."LeadStatusId"
                    OR old."LeadStatusChangedAt" IS NOT new."LeadStatusChangedAt" BEGIN
                    UPDATE "StatusSinceDays" SET "Persons" = "Persons" - 1
                        WHERE "CategoryId" = COALESCE(old."CategoryId", 0) AND "LeadStatusId" = old."LeadStatusId"
                        AND "Day" = substr(old."LeadStatusChangedAt", 1, 10);
                    INSERT INTO "StatusSinceDays" ("CategoryId", "LeadStatusId", "Day", "Persons")
                        SELECT COALESCE(new."CategoryId", 0), new."LeadStatusId", substr(new."LeadStatusChangedAt", 1, 10), 1
                        WHERE new."LeadStatusId" IS NOT NULL AND new."LeadStatusChangedAt" IS NOT NULL
                        ON CONFLICT ("CategoryId", "LeadStatusId", "Day") DO UPDATE SET "Persons" = "Persons" + 1;
                END;
                CREATE TRIGGER "Persons_StatusSinceDays_Delete" AFTER DELETE ON "Persons"
                WHEN old."LeadStatusId" IS NOT NULL AND old."LeadStatusChangedAt" IS NOT NULL BEGIN
                    UPDATE "StatusSinceDays" SET "Persons" = "Persons" - 1
                        WHERE "CategoryId" = COALESCE(old."CategoryId", 0) AND "LeadStatusId" = old."LeadStatusId"
                        AND "Day" = substr(old."LeadStatusChangedAt", 1, 10);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Persons_StatusSinceDays_Delete";
                DROP TRIGGER "Persons_StatusSinceDays_Update";
                DROP TRIGGER "Persons_StatusSinceDays_Insert";
                DROP TABLE "StatusSinceDays";
                """);
        }
    }
}
