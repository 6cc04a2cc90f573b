using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FoldedTextKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CompanyId_LastName_FirstName_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_Email",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LastName_FirstName_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_OwnerId",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Name_Id",
                table: "Companies");

            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Persons",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "FirstNameKey",
                table: "Persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "Persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Companies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // Rows written before the keys existed: lower() is Unicode-aware here (PostgreSQL's own;
            // on SQLite the app's .NET lower()), accents stay until the row is next saved.
            migrationBuilder.Sql("""
                UPDATE "Persons" SET "FirstNameKey" = lower("FirstName"), "LastNameKey" = lower("LastName"), "EmailKey" = lower("Email");
                UPDATE "Companies" SET "NameKey" = lower("Name");
                """);

            // "e-mail contains" as a trigram index search where the pg_trgm extension can be
            // created (it ships with PostgreSQL and is trusted); without it the search still works, by scan.
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    CREATE INDEX "IX_Persons_EmailKey_Trigram" ON "Persons" USING gin ("EmailKey" gin_trgm_ops);
                EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
                    RAISE NOTICE 'pg_trgm not available: e-mail contains searches scan';
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CompanyId_LastNameKey_Id",
                table: "Persons",
                columns: new[] { "CompanyId", "LastNameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_EmailKey",
                table: "Persons",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LastNameKey_Id",
                table: "Persons",
                columns: new[] { "LastNameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OwnerId_LeadStatusId",
                table: "Persons",
                columns: new[] { "OwnerId", "LeadStatusId" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_NameKey_Id",
                table: "Companies",
                columns: new[] { "NameKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Persons_EmailKey_Trigram";""");

            migrationBuilder.DropIndex(
                name: "IX_Persons_CompanyId_LastNameKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_EmailKey",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LastNameKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_OwnerId_LeadStatusId",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Companies_NameKey_Id",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "FirstNameKey",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "LastNameKey",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CompanyId_LastName_FirstName_Id",
                table: "Persons",
                columns: new[] { "CompanyId", "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Email",
                table: "Persons",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LastName_FirstName_Id",
                table: "Persons",
                columns: new[] { "LastName", "FirstName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OwnerId",
                table: "Persons",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Name_Id",
                table: "Companies",
                columns: new[] { "Name", "Id" });
        }
    }
}
