using System.Globalization;

namespace Leadwerk.Bench.Jobs;

/// <summary>
/// The app process's peak resident memory (Linux VmHWM). Writing 5 to /proc/PID/clear_refs resets the
/// peak, so each job reports its own; where that is refused, a 100 ms sampler of VmRSS keeps the peak.
/// The sampler also keeps the peak of RssAnon: the process's own memory (heap, stacks), without the pages of
/// the database file that SQLite maps into it (page cache the kernel can take back at any time).
/// </summary>
internal sealed class PeakMemory(int pid) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private long _sampled;
    private long _anonymous;
    private bool _resetWorked;
    private Task? _sampler;

    public void Reset()
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            _resetWorked = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _resetWorked = false;
        }

        Interlocked.Exchange(ref _sampled, Read("VmRSS"));
        Interlocked.Exchange(ref _anonymous, Read("RssAnon"));
        _sampler ??= Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Raise(ref _sampled, Read("VmRSS"));
                Raise(ref _anonymous, Read("RssAnon"));
                await Task.Delay(100).ConfigureAwait(false);
            }
        });
    }

    /// <summary>The peak of the process's own memory since <see cref="Reset"/>, in MiB (sampled every 100 ms).</summary>
    public double PeakAnonymousMib => Interlocked.Read(ref _anonymous) / 1024.0;

    private static void Raise(ref long peak, long now)
    {
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
    }

    /// <summary>The peak since <see cref="Reset"/>, in MiB.</summary>
    public double PeakMib => Math.Max(_resetWorked ? Read("VmHWM") : 0, Interlocked.Read(ref _sampled)) / 1024.0;

    private long Read(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampler is not null)
        {
            await _sampler;
        }

        _stop.Dispose();
    }
}
