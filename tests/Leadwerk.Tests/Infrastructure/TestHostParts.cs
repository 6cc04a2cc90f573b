using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// The app's clock, which a test can move forward instead of sleeping (login waits, for one), and
/// stop, so that a slow machine does not let a wait pass while the test is still asserting on it.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _lock = new();
    private TimeSpan _offset;
    private DateTimeOffset? _stoppedAt;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _stoppedAt ?? base.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _offset += by;
            _stoppedAt += by;
        }
    }

    /// <summary>Stops the clock at a given moment; log in after this, as tokens and sessions follow the clock.</summary>
    public void StopAt(DateTimeOffset at)
    {
        lock (_lock)
        {
            _stoppedAt = at;
        }
    }

    /// <summary>From now on time moves only by <see cref="Advance"/>.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stoppedAt ??= base.GetUtcNow() + _offset;
        }
    }
}

/// <summary>
/// The in-memory server has no client address; a test names one in a header, as if the request
/// came from there. Only the test host reads it.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, proceed) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
            {
                http.Connection.RemoteIpAddress = address;
            }

            return proceed(http);
        });
        next(app);
    };
}

/// <summary>Keeps what the app logs at warning level and above, for tests about logging.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _entries = new();

    public IReadOnlyList<string> Messages(string category) => [.. _entries.Where(e => e.Category == category).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink._entries.Enqueue((category, formatter(state, exception)));
            }
        }
    }
}
