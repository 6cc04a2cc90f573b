using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchKeysAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_OwnerId",
                table: "Companies");

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Persons",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailKey",
                table: "Companies",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneKey",
                table: "Companies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // History rows of undo pairs from before JobsAndUndoneHistory stay unmarked: nothing stored
            // says reliably which rows a run and its undo wrote (docs/decisions/0011-old-undo-pairs.md).
            // Rows saved before the keys existed (PhoneKey.Of and TextKey.Of set them on every later save).
            // SQLite has no regular expressions: the usual separators go, and a number with other
            // characters in it ("ext. 12") keeps them until it is next saved; its start still matches.
            // E-mail is folded by lower() (the app's own on SQLite); accents stay until the next save.
            migrationBuilder.Sql("""
                UPDATE "Persons" SET "PhoneKey" = replace(replace(replace(replace(replace(replace(replace(replace("Phone", '(0)', ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '') WHERE "Phone" IS NOT NULL;
                UPDATE "Companies" SET "PhoneKey" = replace(replace(replace(replace(replace(replace(replace(replace("Phone", '(0)', ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '') WHERE "Phone" IS NOT NULL;
                UPDATE "Persons" SET "PhoneKey" = substr("PhoneKey", 3) WHERE "PhoneKey" LIKE '00%';
                UPDATE "Companies" SET "PhoneKey" = substr("PhoneKey", 3) WHERE "PhoneKey" LIKE '00%';
                UPDATE "Persons" SET "PhoneKey" = NULL WHERE "PhoneKey" = '';
                UPDATE "Companies" SET "PhoneKey" = NULL WHERE "PhoneKey" = '';
                UPDATE "Companies" SET "EmailKey" = lower("Email") WHERE "Email" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LastNameKey_FirstNameKey_Id",
                table: "Persons",
                columns: new[] { "LastNameKey", "FirstNameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_PhoneKey_Id",
                table: "Persons",
                columns: new[] { "PhoneKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Country_Id",
                table: "Companies",
                columns: new[] { "Country", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_CreatedAt_Id",
                table: "Companies",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_EmailKey_Id",
                table: "Companies",
                columns: new[] { "EmailKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OwnerId_Id",
                table: "Companies",
                columns: new[] { "OwnerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_PhoneKey_Id",
                table: "Companies",
                columns: new[] { "PhoneKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_LastNameKey_FirstNameKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_PhoneKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Country_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_CreatedAt_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_EmailKey_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_OwnerId_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_PhoneKey_Id",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "EmailKey",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "PhoneKey",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OwnerId",
                table: "Companies",
                column: "OwnerId");
        }
    }
}
