using Leadwerk.Bench;

namespace Leadwerk.Tests.Bench;

/// <summary>The HTTP scenario reads wrk's summary; a run with errors must fail, never report a fast number.</summary>
public sealed class WrkOutputTests
{
    private const string Clean = """
        Running 10s test @ http://127.0.0.1:5099/api/persons/
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     5.20ms    2.10ms  40.12ms   80.00%
            Req/Sec     3.10k   200.00     3.50k    70.00%
          Latency Distribution
             50%  850.00us
             75%    6.00ms
             90%    7.50ms
             99%    1.20s
          61234 requests in 10.00s, 60.00MB read
        Requests/sec:   6123.40
        Transfer/sec:      6.00MB
        """;

    [Fact]
    public void ThroughputAndPercentilesAreReadInMilliseconds()
    {
        var result = Wrk.Parse(Clean);

        Assert.Equal(61234, result.Requests);
        Assert.Equal(10, result.Seconds, 3);
        Assert.Equal(6123.40, result.RequestsPerSecond, 2);
        Assert.Equal(0.85, result.P50, 3);
        Assert.Equal(7.5, result.P90, 3);
        Assert.Equal(1200, result.P99, 3);
    }

    [Fact]
    public void ARunWithErrorResponsesFailsInsteadOfReportingAThroughput()
    {
        var output = Clean.Replace("Requests/sec:", "  Non-2xx or 3xx responses: 17\nRequests/sec:", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => Wrk.Parse(output));

        Assert.Contains("17 responses were not 2xx or 3xx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWithSocketErrorsFails()
    {
        var output = Clean.Replace("Requests/sec:", "  Socket errors: connect 0, read 2, write 0, timeout 5\nRequests/sec:", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => Wrk.Parse(output));

        Assert.Contains("timeout 5", error.Message, StringComparison.Ordinal);
    }
}
