using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DistributionAwayImportRebalance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AwayUntil",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Value",
                table: "BulkUpdateItems",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BulkUpdateId",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportId",
                table: "Assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TurnJson",
                table: "Assignments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneAt",
                table: "Assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_BulkUpdateId_PersonId",
                table: "Assignments",
                columns: new[] { "BulkUpdateId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_ImportId",
                table: "Assignments",
                column: "ImportId");

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_BulkUpdates_BulkUpdateId",
                table: "Assignments",
                column: "BulkUpdateId",
                principalTable: "BulkUpdates",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Assignments_Imports_ImportId",
                table: "Assignments",
                column: "ImportId",
                principalTable: "Imports",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_BulkUpdates_BulkUpdateId",
                table: "Assignments");

            migrationBuilder.DropForeignKey(
                name: "FK_Assignments_Imports_ImportId",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_BulkUpdateId_PersonId",
                table: "Assignments");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_ImportId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "AwayUntil",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Value",
                table: "BulkUpdateItems");

            migrationBuilder.DropColumn(
                name: "BulkUpdateId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "TurnJson",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "UndoneAt",
                table: "Assignments");
        }
    }
}
