using System.Collections.Concurrent;
using Leadwerk.Web.Data;
using Npgsql;

namespace Leadwerk.Web.Cluster;

/// <summary>
/// What one instance tells the others on the same PostgreSQL database (ADR 0012): a list was
/// changed, a user or a session must be checked again, a job was queued. Sent with NOTIFY on the
/// channel <see cref="Channel"/> and received by <see cref="ClusterListener"/>, which hands each
/// topic to the handlers registered with <see cref="On"/>. On SQLite there is one process only, so
/// nothing is sent; the process's own caches are dropped where the change is made, as before.
/// </summary>
public sealed class ClusterSignals : IAsyncDisposable
{
    public const string Channel = "leadwerk";

    /// <summary>Sent to every handler when the listener (re)connects: notifications may have been missed meanwhile.</summary>
    public const string Everything = "*";

    private readonly ConcurrentDictionary<string, List<Action<string>>> _handlers = new();
    private readonly NpgsqlDataSource? _source;
    private readonly ILogger<ClusterSignals> _logger;

    public ClusterSignals(IConfiguration config, ILogger<ClusterSignals> logger)
    {
        _logger = logger;
        if (DatabaseSetup.ProviderName(config) == DatabaseSetup.Postgres && config.GetConnectionString("Leadwerk") is { Length: > 0 } connection)
        {
            _source = NpgsqlDataSource.Create(connection);
        }
    }

    /// <summary>This process among the instances: the lease owner of the jobs it works on, and the sender it ignores.</summary>
    public string Instance { get; } = Name();

    /// <summary>Whether other instances may share the database (PostgreSQL).</summary>
    public bool Shared => _source is not null;

    internal NpgsqlDataSource? Source => _source;

    /// <summary>Calls <paramref name="handler"/> with the argument of each <paramref name="topic"/> another instance sends, and on reconnects with <see cref="Everything"/>.</summary>
    public void On(string topic, Action<string> handler)
    {
        var list = _handlers.GetOrAdd(topic, _ => []);
        lock (list)
        {
            list.Add(handler);
        }
    }

    /// <summary>
    /// Tells the other instances. Call it after the change has committed: a listener that reads
    /// again at once must see it.
    /// </summary>
    public async Task Send(string topic, string argument = "")
    {
        if (_source is null)
        {
            return;
        }

        try
        {
            await using var command = _source.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = $"{Instance}|{topic}|{argument}" });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            // The change itself is saved; the others' caches expire by age (seconds) without it.
            _logger.LogWarning(e, "Could not tell the other instances about {Topic}.", topic);
        }
    }

    /// <summary>For callers that cannot wait (a synchronous save): sent in the background, errors logged.</summary>
    public void SendSoon(string topic, string argument = "")
    {
        if (_source is not null)
        {
            _ = Send(topic, argument);
        }
    }

    /// <summary>At shutdown: its connections (the listener's and the senders' idle ones) are closed with the app.</summary>
    public ValueTask DisposeAsync() => _source?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A notification as received: handled unless this instance sent it.</summary>
    internal void Deliver(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == Instance)
        {
            return;
        }

        Dispatch(parts[1], parts[2]);
    }

    /// <summary>After a (re)connect every cache is dropped: what changed while nobody listened is unknown.</summary>
    internal void DeliverEverything()
    {
        foreach (var topic in _handlers.Keys)
        {
            Dispatch(topic, Everything);
        }
    }

    /// <summary>Host, process and a random part (a restarted process on a reused id is another instance); at most 100 characters.</summary>
    private static string Name()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= Jobs.JobLeases.OwnerLength ? name : name[^Jobs.JobLeases.OwnerLength..];
    }

    private void Dispatch(string topic, string argument)
    {
        if (!_handlers.TryGetValue(topic, out var list))
        {
            return;
        }

        Action<string>[] handlers;
        lock (list)
        {
            handlers = [.. list];
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(argument);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Handling the cluster signal {Topic} failed.", topic);
            }
        }
    }
}
