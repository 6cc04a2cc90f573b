using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Search;

/// <summary>What every SQLite connection of the app gets when it opens (Data/SqliteConnectionSetup.cs).</summary>
public sealed class SqliteConnectionSetupTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AConnectionFoldsNonAsciiLettersAndReadsTheFileThroughAMemoryMap()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("émile öztürk", await db.Database.SqlQueryRaw<string>("SELECT lower('ÉMILE ÖZTÜRK') AS \"Value\"").SingleAsync());
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        Assert.Equal(SqliteConnectionSetup.DefaultMmapBytes, (long)(await command.ExecuteScalarAsync())!);
    }
}
