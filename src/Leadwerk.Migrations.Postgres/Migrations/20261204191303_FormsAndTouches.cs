using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FormsAndTouches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebsiteDomain",
                table: "Companies",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Forms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    LeadStatusId = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: true),
                    DistributionRuleId = table.Column<int>(type: "integer", nullable: true),
                    SelectionId = table.Column<int>(type: "integer", nullable: true),
                    Processing = table.Column<int>(type: "integer", nullable: false),
                    AllowedOriginsJson = table.Column<string>(type: "text", nullable: false),
                    ThankYouEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ThankYouNl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RedirectUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActiveUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MaxSubmissions = table.Column<int>(type: "integer", nullable: true),
                    Submissions = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Touches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    CompanyId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Medium = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Campaign = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Term = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Content = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SourceKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    MediumKey = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReferrerDomain = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ReferrerUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LandingUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Gclid = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Fbclid = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Msclkid = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    LiFatId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Touches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Touches_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Touches_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    TouchJson = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredStatus = table.Column<int>(type: "integer", nullable: false),
                    LogJson = table.Column<string>(type: "text", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    CompanyId = table.Column<int>(type: "integer", nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProcessedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_WebsiteDomain",
                table: "Companies",
                column: "WebsiteDomain");

            migrationBuilder.CreateIndex(
                name: "IX_Forms_Key",
                table: "Forms",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_FormId_IdempotencyKey",
                table: "FormSubmissions",
                columns: new[] { "FormId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_FormId_Status_Id",
                table: "FormSubmissions",
                columns: new[] { "FormId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_PersonId",
                table: "FormSubmissions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Touches_CompanyId_Kind",
                table: "Touches",
                columns: new[] { "CompanyId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Touches_PersonId_Kind_At",
                table: "Touches",
                columns: new[] { "PersonId", "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "Touches");

            migrationBuilder.DropTable(
                name: "Forms");

            migrationBuilder.DropIndex(
                name: "IX_Companies_WebsiteDomain",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "WebsiteDomain",
                table: "Companies");
        }
    }
}
