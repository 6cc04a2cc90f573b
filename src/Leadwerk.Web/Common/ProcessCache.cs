namespace Leadwerk.Web.Common;

/// <summary>
/// A value read from the database and kept for the process: dropped by <see cref="Invalidate"/>
/// (a save of what it holds), read again after an age limit (another instance's change, or a reader
/// that loaded between a save and its commit). A value read while it was dropped is used once and
/// not kept, as the save may have changed it.
/// </summary>
public sealed class ProcessCache<T>(TimeProvider time, TimeSpan maxAge) where T : class
{
    private readonly Lock _gate = new();
    private (T Value, DateTimeOffset At)? _current;
    private int _generation;

    public async ValueTask<T> Get(Func<ValueTask<T>> read)
    {
        int generation;
        lock (_gate)
        {
            if (_current is { } c && time.GetUtcNow() - c.At < maxAge)
            {
                return c.Value;
            }

            generation = _generation;
        }

        var at = time.GetUtcNow();
        var fresh = await read();
        lock (_gate)
        {
            if (generation == _generation)
            {
                _current = (fresh, at);
            }
        }

        return fresh;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }
}
