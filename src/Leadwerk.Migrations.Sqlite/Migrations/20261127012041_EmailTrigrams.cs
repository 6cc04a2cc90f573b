using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A trigram index over the persons' e-mail keys, for "contains" and "ends with" (see
            // Search/EmailTrigrams.cs). detail=none keeps it small; FTS5 checks each candidate
            // against the stored text, so a match is exact. The triggers keep it equal to Persons:
            // a migration that rebuilds the Persons table drops them and must create them again
            // (EmailTrigramTests fails when it does not).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PersonEmailTrigrams" USING fts5("EmailKey", tokenize = 'trigram', detail = 'none');
                INSERT INTO "PersonEmailTrigrams"(rowid, "EmailKey")
                    SELECT "Id", "EmailKey" FROM "Persons" WHERE "EmailKey" IS NOT NULL AND "EmailKey" <> '';
                CREATE TRIGGER "Persons_EmailTrigrams_Insert" AFTER INSERT ON "Persons"
                    WHEN new."EmailKey" IS NOT NULL AND new."EmailKey" <> '' BEGIN
                    INSERT INTO "PersonEmailTrigrams"(rowid, "EmailKey") VALUES (new."Id", new."EmailKey");
                END;
                CREATE TRIGGER "Persons_EmailTrigrams_Update" AFTER UPDATE OF "EmailKey" ON "Persons"
                    WHEN new."EmailKey" IS NOT old."EmailKey" BEGIN
                    DELETE FROM "PersonEmailTrigrams" WHERE rowid = old."Id";
                    INSERT INTO "PersonEmailTrigrams"(rowid, "EmailKey")
                        SELECT new."Id", new."EmailKey" WHERE new."EmailKey" IS NOT NULL AND new."EmailKey" <> '';
                END;
                CREATE TRIGGER "Persons_EmailTrigrams_Delete" AFTER DELETE ON "Persons" BEGIN
                    DELETE FROM "PersonEmailTrigrams" WHERE rowid = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Persons_EmailTrigrams_Delete";
                DROP TRIGGER "Persons_EmailTrigrams_Update";
                DROP TRIGGER "Persons_EmailTrigrams_Insert";
                DROP TABLE "PersonEmailTrigrams";
                """);
        }
    }
}
