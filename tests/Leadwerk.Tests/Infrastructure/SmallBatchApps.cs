using Microsoft.AspNetCore.Hosting;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// Bulk updates in batches of two records, one transaction each, with a pause between batches, so
/// that a run of a few hundred records is surely still going when a test cancels it or asks to
/// undo it, however fast the machine.
/// </summary>
public static class SmallBatch
{
    public const int Size = 2;

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Leadwerk:Bulk:BatchSize", Size.ToString());
        builder.UseSetting("Leadwerk:Bulk:PauseBetweenBatchesMs", "15");
    }
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
