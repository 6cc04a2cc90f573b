using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_EmailKey",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LeadStatusId",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Companies_CategoryId",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_OrgNumber",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CategoryId_Id",
                table: "Persons",
                columns: new[] { "CategoryId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CreatedAt_Id",
                table: "Persons",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_EmailKey_Id",
                table: "Persons",
                columns: new[] { "EmailKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_FirstNameKey_Id",
                table: "Persons",
                columns: new[] { "FirstNameKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LeadStatusChangedAt_Id",
                table: "Persons",
                columns: new[] { "LeadStatusChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LeadStatusId_Id",
                table: "Persons",
                columns: new[] { "LeadStatusId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_OwnerId_Id",
                table: "Persons",
                columns: new[] { "OwnerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Phone_Id",
                table: "Persons",
                columns: new[] { "Phone", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_RecordSource_Id",
                table: "Persons",
                columns: new[] { "RecordSource", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Title_Id",
                table: "Persons",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Persons_UpdatedAt_Id",
                table: "Persons",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_CategoryId_Id",
                table: "Companies",
                columns: new[] { "CategoryId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Email_Id",
                table: "Companies",
                columns: new[] { "Email", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OrgNumber_Id",
                table: "Companies",
                columns: new[] { "OrgNumber", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_CategoryId_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_CreatedAt_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_EmailKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_FirstNameKey_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LeadStatusChangedAt_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_LeadStatusId_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_OwnerId_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_Phone_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_RecordSource_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_Title_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_UpdatedAt_Id",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Companies_CategoryId_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Email_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_OrgNumber_Id",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_EmailKey",
                table: "Persons",
                column: "EmailKey");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_LeadStatusId",
                table: "Persons",
                column: "LeadStatusId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_CategoryId",
                table: "Companies",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_OrgNumber",
                table: "Companies",
                column: "OrgNumber");
        }
    }
}
