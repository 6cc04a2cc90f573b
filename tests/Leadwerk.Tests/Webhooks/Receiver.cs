using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Leadwerk.Web.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Leadwerk.Tests.Webhooks;

/// <summary>One request a receiver got, and what it answered.</summary>
public sealed record Received(string Event, string Delivery, long Timestamp, string Signature, string Body, int Answer)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public JsonNode Data => Json["data"]!;

    public bool SignedWith(string secret) => WebhookSignature.Verify(secret, Timestamp, Body, Signature);
}

/// <summary>
/// A real HTTP endpoint on a loopback port (Kestrel), as a customer's system would be: it keeps
/// every request and answers what the test tells it (200 unless told; a hang until released).
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _count;

    private Receiver(WebApplication app) => _app = app;

    /// <summary>The status for the n-th request (1-based); null hangs until <see cref="Release"/>.</summary>
    public Func<int, int?> Answer { get; set; } = _ => 200;

    public TaskCompletionSource Released { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> All => [.. _received];

    public static async Task<Receiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", receiver.Handle);
        await app.StartAsync();
        var address = app.Urls.First();
        receiver.Url = $"{address.TrimEnd('/')}/hook";
        return receiver;
    }

    public void Release() => Released.TrySetResult();

    /// <summary>Waits until a request matches, and returns the matching ones.</summary>
    public async Task<List<Received>> WaitFor(Func<Received, bool> match, int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = All.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"Expected {count} matching request(s) within {seconds} s, got {found.Count}. All: {string.Join(" | ", All.Select(r => $"{r.Event} {r.Answer} {r.Body}"))}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext http)
    {
        var n = Interlocked.Increment(ref _count);
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var answer = Answer(n);
        if (answer is null)
        {
            _received.Enqueue(Of(http, body, 0));
            await Released.Task.WaitAsync(http.RequestAborted);
            answer = (int)HttpStatusCode.OK;
        }
        else
        {
            _received.Enqueue(Of(http, body, answer.Value));
        }

        http.Response.StatusCode = answer.Value;
    }

    private static Received Of(HttpContext http, string body, int answer) => new(
        http.Request.Headers[WebhookSignature.EventHeader].ToString(), http.Request.Headers[WebhookSignature.DeliveryHeader].ToString(),
        long.TryParse(http.Request.Headers[WebhookSignature.TimestampHeader].ToString(), out var t) ? t : 0,
        http.Request.Headers[WebhookSignature.SignatureHeader].ToString(), body, answer);
}
