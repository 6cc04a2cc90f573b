using Microsoft.AspNetCore.Hosting;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// Bulk updates in batches of two records, one transaction each, so that a run of a few hundred
/// records is still going when a test cancels it or asks to undo it.
/// </summary>
public static class SmallBatch
{
    public const int Size = 2;

    public static void Configure(IWebHostBuilder builder) => builder.UseSetting("Leadwerk:Bulk:BatchSize", Size.ToString());
}

public sealed class SqliteSmallBatchApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SmallBatch.Configure(builder);
    }
}

public sealed class PostgresSmallBatchApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SmallBatch.Configure(builder);
    }
}
