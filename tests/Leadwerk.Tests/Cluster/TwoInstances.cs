using Leadwerk.Tests.Bulk;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Cluster;

/// <summary>
/// Two real app processes (<see cref="AppProcess"/>) on one PostgreSQL database, started at the
/// same moment on an empty database (one migrates and seeds, the other waits for the schema lock).
/// A short job lease, so a killed instance's job is taken over within seconds.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Leadwerk:Jobs:LeaseSeconds"] = "2",
        ["Leadwerk:Jobs:PollSeconds"] = "0.5",
    };

    private readonly AppProcess?[] _apps = new AppProcess?[2];
    private readonly int _batchSize;

    private TwoInstances(AppDatabase database, int batchSize) => (Database, _batchSize) = (database, batchSize);

    public AppDatabase Database { get; }

    public AppProcess A => _apps[0]!;

    public AppProcess B => _apps[1]!;

    public AppProcess this[int index] => _apps[index]!;

    public static async Task<TwoInstances> Start(int batchSize)
    {
        var instances = new TwoInstances(AppDatabase.Postgres(), batchSize);
        var started = await Task.WhenAll(instances.StartOne(), instances.StartOne());
        (instances._apps[0], instances._apps[1]) = (started[0], started[1]);
        return instances;
    }

    /// <summary>The instance whose process holds the lease of a job (its name is host/pid/random).</summary>
    public int? IndexOfOwner(string? leaseOwner) =>
        leaseOwner?.Split('/') is [_, var pid, _] ? Array.FindIndex(_apps, a => a?.Id.ToString() == pid) is >= 0 and var i ? i : null : null;

    /// <summary>SIGKILL, then a fresh process in its place.</summary>
    public async Task KillAndRestart(int index)
    {
        _apps[index]!.Dispose();
        _apps[index] = await StartOne();
    }

    public void Kill(int index) => _apps[index]!.Kill();

    public string Output => $"A:{Environment.NewLine}{_apps[0]?.Output}{Environment.NewLine}B:{Environment.NewLine}{_apps[1]?.Output}";

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            app?.Dispose();
        }

        await Database.DisposeAsync();
    }

    private Task<AppProcess> StartOne() => AppProcess.Start(Database, _batchSize, Settings);
}
