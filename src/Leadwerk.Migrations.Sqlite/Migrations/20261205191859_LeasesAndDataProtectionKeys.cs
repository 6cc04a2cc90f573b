using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeasesAndDataProtectionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "Imports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "Imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "BulkUpdates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "BulkUpdates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Imports");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "BulkUpdates");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "BulkUpdates");
        }
    }
}
