using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leadwerk.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BulkItemsInOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BulkUpdateItems_BulkUpdateId_State",
                table: "BulkUpdateItems");

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdateItems_BulkUpdateId_State_EntityId",
                table: "BulkUpdateItems",
                columns: new[] { "BulkUpdateId", "State", "EntityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BulkUpdateItems_BulkUpdateId_State_EntityId",
                table: "BulkUpdateItems");

            migrationBuilder.CreateIndex(
                name: "IX_BulkUpdateItems_BulkUpdateId_State",
                table: "BulkUpdateItems",
                columns: new[] { "BulkUpdateId", "State" });
        }
    }
}
