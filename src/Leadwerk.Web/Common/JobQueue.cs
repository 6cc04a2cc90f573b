using System.Threading.Channels;

namespace Leadwerk.Web.Common;

/// <summary>
/// The in-process queue of background jobs of one kind (bulk updates, imports): their services
/// enqueue ids, their runner reads them. The job's state lives in the database, not here.
/// </summary>
public sealed class JobQueue<TJob>
{
    private readonly Channel<int> _jobs = Channel.CreateUnbounded<int>();

    public void Enqueue(int id) => _jobs.Writer.TryWrite(id);

    public IAsyncEnumerable<int> ReadAll(CancellationToken stop) => _jobs.Reader.ReadAllAsync(stop);
}
