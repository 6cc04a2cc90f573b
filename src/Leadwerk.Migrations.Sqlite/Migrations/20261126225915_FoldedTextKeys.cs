using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstNameKey",
                table: "Persons",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "Persons",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Companies",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Rows written before the keys existed: lower() is Unicode-aware here (PostgreSQL's own;
            // on SQLite the app's .NET lower()), accents stay until the row is next saved.
            migrationBuilder.Sql("""
                UPDATE "Persons" SET "FirstNameKey" = lower("FirstName"), "LastNameKey" = lower("LastName"), "EmailKey" = lower("Email");
                UPDATE "Companies" SET "NameKey" = lower("Name");
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
