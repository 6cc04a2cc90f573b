using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Dashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FunnelStep",
                table: "LeadStatuses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                table: "LeadStatusChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BecameLead",
                table: "LeadStatusChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FromSince",
                table: "LeadStatusChanges",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WasActive",
                table: "LeadStatusChanges",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Dashboards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameNl = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TilesJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dashboards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dashboards_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_At",
                table: "LeadStatusChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LeadStatusChanges_BecameLead_At",
                table: "LeadStatusChanges",
                columns: new[] { "BecameLead", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Dashboards_Key",
                table: "Dashboards",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dashboards_OwnerId",
                table: "Dashboards",
                column: "OwnerId");

            // The history rows written before kept only from and to: a status was active when set
            // (R2 refuses other changes), a first status made a new lead, and the stay a row ends
            // began at the person's row before it.
            migrationBuilder.Sql("""
                UPDATE "LeadStatusChanges" SET "WasActive" = ("FromId" IS NOT NULL), "Active" = ("ToId" IS NOT NULL),
                    "BecameLead" = ("FromId" IS NULL AND "ToId" IS NOT NULL)
                """);
            migrationBuilder.Sql("""
                UPDATE "LeadStatusChanges" SET "FromSince" = (SELECT MAX(b."At") FROM "LeadStatusChanges" b
                    WHERE b."PersonId" = "LeadStatusChanges"."PersonId"
                    AND (b."At" < "LeadStatusChanges"."At" OR (b."At" = "LeadStatusChanges"."At" AND b."Id" < "LeadStatusChanges"."Id")))
                """);

            // A person whose category stopped being active kept its status without a row saying so:
            // one is written now, dated at the person's last update.
            migrationBuilder.Sql("""
                INSERT INTO "LeadStatusChanges" ("PersonId", "At", "UserId", "FromId", "ToId", "Channel", "WasActive", "Active", "BecameLead", "FromSince")
                SELECT p."Id", p."UpdatedAt", NULL, p."LeadStatusId", p."LeadStatusId", 1, TRUE, FALSE, FALSE, p."LeadStatusChangedAt"
                FROM "Persons" p
                WHERE p."LeadStatusId" IS NOT NULL
                AND EXISTS (SELECT 1 FROM "LeadStatusChanges" h WHERE h."PersonId" = p."Id")
                AND NOT EXISTS (SELECT 1 FROM "Categories" c WHERE c."Id" = p."CategoryId" AND c."Group" = 2 AND c."LeadStatusEnabled")
                """);
            migrationBuilder.Sql("""UPDATE "LeadStatuses" SET "FunnelStep" = TRUE WHERE "NameEn" IN ('Open', 'Contacting', 'Qualified')""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Dashboards");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_At",
                table: "LeadStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_LeadStatusChanges_BecameLead_At",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "FunnelStep",
                table: "LeadStatuses");

            migrationBuilder.DropColumn(
                name: "Active",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "BecameLead",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "FromSince",
                table: "LeadStatusChanges");

            migrationBuilder.DropColumn(
                name: "WasActive",
                table: "LeadStatusChanges");
        }
    }
}
