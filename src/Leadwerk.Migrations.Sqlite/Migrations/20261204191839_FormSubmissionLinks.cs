using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormSubmissionLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_CompanyId",
                table: "FormSubmissions",
                column: "CompanyId");

            migrationBuilder.AddForeignKey(
                name: "FK_FormSubmissions_Companies_CompanyId",
                table: "FormSubmissions",
                column: "CompanyId",
                principalTable: "Companies",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_FormSubmissions_Persons_PersonId",
                table: "FormSubmissions",
                column: "PersonId",
                principalTable: "Persons",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FormSubmissions_Companies_CompanyId",
                table: "FormSubmissions");

            migrationBuilder.DropForeignKey(
                name: "FK_FormSubmissions_Persons_PersonId",
                table: "FormSubmissions");

            migrationBuilder.DropIndex(
                name: "IX_FormSubmissions_CompanyId",
                table: "FormSubmissions");
        }
    }
}
