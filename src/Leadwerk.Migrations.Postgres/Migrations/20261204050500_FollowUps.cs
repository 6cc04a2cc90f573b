using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "Users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "Persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextFollowUpAt",
                table: "Persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenFollowUps",
                table: "Persons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // What happened last before follow-ups existed: the last status change, else the creation.
            migrationBuilder.Sql("UPDATE \"Persons\" SET \"LastActivityAt\" = COALESCE(\"LeadStatusChangedAt\", \"CreatedAt\");");

            migrationBuilder.CreateTable(
                name: "FollowUpTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameNl = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    TypeId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AllDay = table.Column<bool>(type: "boolean", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedById = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_FollowUpTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "FollowUpTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUps_Users_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_Users_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Users_CalendarToken",
                table: "Users",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LastActivityAt_Id",
                table: "Persons",
                columns: new[] { "LastActivityAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_NextFollowUpAt_Id",
                table: "Persons",
                columns: new[] { "NextFollowUpAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OpenFollowUps_Id",
                table: "Persons",
                columns: new[] { "OpenFollowUps", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CompletedAt_DueAt_Id",
                table: "FollowUps",
                columns: new[] { "CompletedAt", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CompletedById",
                table: "FollowUps",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CreatedById",
                table: "FollowUps",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OwnerId_CompletedAt_DueAt_Id",
                table: "FollowUps",
                columns: new[] { "OwnerId", "CompletedAt", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PersonId_CompletedAt_DueAt",
                table: "FollowUps",
                columns: new[] { "PersonId", "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_TypeId",
                table: "FollowUps",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTypes_Deleted_Rank",
                table: "FollowUpTypes",
                columns: new[] { "Deleted", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTypes_Key",
                table: "FollowUpTypes",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "FollowUpTypes");

            migrationBuilder.DropIndex(
                name: "IX_Users_CalendarToken",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LastActivityAt_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_NextFollowUpAt_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_OpenFollowUps_Id",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "NextFollowUpAt",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "OpenFollowUps",
                table: "Persons");
        }
    }
}
