using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LeadAutomation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RuleId",
                table: "BulkUpdates",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AutomationRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    LeadStatusIdList = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TargetCategoryId = table.Column<int>(type: "integer", nullable: true),
                    AskUser = table.Column<bool>(type: "boolean", nullable: false),
                    OnNonInteractive = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AutomationRules_Categories_TargetCategoryId",
                        column: x => x.TargetCategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompanyCategoryChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: true),
                    FromCategoryId = table.Column<int>(type: "integer", nullable: true),
                    ToCategoryId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    RuleId = table.Column<int>(type: "integer", nullable: true),
                    Trigger = table.Column<int>(type: "integer", nullable: true),
                    TriggerPersonId = table.Column<int>(type: "integer", nullable: true),
                    TriggerStatusId = table.Column<int>(type: "integer", nullable: true),
                    TriggerSaleId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyCategoryChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyCategoryChanges_AutomationRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutomationRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CompanyCategoryChanges_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompanyCategoryChanges_Persons_TriggerPersonId",
                        column: x => x.TriggerPersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CompanyCategoryChanges_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    CompanyId = table.Column<int>(type: "integer", nullable: false),
                    FromCategoryId = table.Column<int>(type: "integer", nullable: false),
                    ToCategoryId = table.Column<int>(type: "integer", nullable: false),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    TriggerPersonId = table.Column<int>(type: "integer", nullable: true),
                    TriggerStatusId = table.Column<int>(type: "integer", nullable: true),
                    TriggerSaleId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suggestions_AutomationRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AutomationRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Suggestions_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Suggestions_Persons_TriggerPersonId",
                        column: x => x.TriggerPersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Suggestions_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdates_RuleId",
                table: "BulkUpdates",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_TargetCategoryId",
                table: "AutomationRules",
                column: "TargetCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_AutomationRules_Trigger_Order",
                table: "AutomationRules",
                columns: new[] { "Trigger", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyCategoryChanges_CompanyId_At",
                table: "CompanyCategoryChanges",
                columns: new[] { "CompanyId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyCategoryChanges_RuleId",
                table: "CompanyCategoryChanges",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyCategoryChanges_TriggerPersonId",
                table: "CompanyCategoryChanges",
                column: "TriggerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyCategoryChanges_UserId",
                table: "CompanyCategoryChanges",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_CompanyId",
                table: "Suggestions",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_RuleId",
                table: "Suggestions",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_Token",
                table: "Suggestions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_TriggerPersonId",
                table: "Suggestions",
                column: "TriggerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_UserId_State_ExpiresAt",
                table: "Suggestions",
                columns: new[] { "UserId", "State", "ExpiresAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_BulkUpdates_AutomationRules_RuleId",
                table: "BulkUpdates",
                column: "RuleId",
                principalTable: "AutomationRules",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BulkUpdates_AutomationRules_RuleId",
                table: "BulkUpdates");

            migrationBuilder.DropTable(
                name: "CompanyCategoryChanges");

            migrationBuilder.DropTable(
                name: "Suggestions");

            migrationBuilder.DropTable(
                name: "AutomationRules");

            migrationBuilder.DropIndex(
                name: "IX_BulkUpdates_RuleId",
                table: "BulkUpdates");

            migrationBuilder.DropColumn(
                name: "RuleId",
                table: "BulkUpdates");
        }
    }
}
