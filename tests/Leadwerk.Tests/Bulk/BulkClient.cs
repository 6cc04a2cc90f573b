using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Bulk;

/// <summary>The bulk update API as a test uses it: targets, actions, preview, start, and following a run.</summary>
public static class BulkClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static object Ids(string entity, params IEnumerable<int> ids) => new { entity, ids = ids.ToList() };

    public static object Selection(int selectionId) => new { selectionId };

    public static object Criteria(string entity, string field, string op, params object[] values) =>
        new { criteria = CriteriaDocument(entity, field, op, values) };

    /// <summary>A criteria document of one line.</summary>
    public static object CriteriaDocument(string entity, string field, string op, params object[] values) =>
        new { entity, sets = new[] { new { lines = new[] { new { field, @operator = op, values } } } } };

    public static object Set(string field, int value) => new { field, op = "set", value };

    public static object Clear(string field) => new { field, op = "clear" };

    public static Task<HttpResponseMessage> PostBulk(this HttpClient client, object target, bool dryRun, params object[] actions) =>
        client.PostJson("/api/bulk-updates", new { target, actions, dryRun });

    /// <summary>A dry run; asserts 200.</summary>
    public static async Task<JsonNode> Preview(this HttpClient client, object target, params object[] actions) =>
        await (await client.PostBulk(target, dryRun: true, actions)).ShouldBe(200);

    /// <summary>Starts a run; asserts 202 with a Location naming the run, and returns its status.</summary>
    public static async Task<JsonNode> StartBulk(this HttpClient client, object target, params object[] actions)
    {
        var response = await client.PostBulk(target, dryRun: false, actions);
        var status = await response.ShouldBe(202);
        Assert.Equal($"/api/bulk-updates/{status.Int("id")}", response.Headers.Location?.OriginalString);
        return status;
    }

    /// <summary>Starts a run and waits until it is done.</summary>
    public static async Task<JsonNode> RunBulk(this HttpClient client, object target, params object[] actions)
    {
        var started = await client.StartBulk(target, actions);
        return await client.WaitForState(started.Int("id"), "done");
    }

    public static async Task<JsonNode> BulkStatus(this HttpClient client, int id) => await client.GetOk($"/api/bulk-updates/{id}");

    public static async Task<JsonNode> WaitForState(this HttpClient client, int id, string state, TimeSpan? timeout = null) =>
        await client.WaitFor(id, s => s.Str("state") == state, $"state {state}", timeout);

    /// <summary>Polls the run until the condition holds; fails with the last status after the timeout.</summary>
    public static async Task<JsonNode> WaitFor(this HttpClient client, int id, Func<JsonNode, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var status = await client.BulkStatus(id);
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Bulk update {id} did not reach {what} within {timeout ?? DefaultTimeout}: {status.ToJsonString()}");
            }

            await Task.Delay(15);
        }
    }

    /// <summary>The rows of skipped.csv after the header: (id, code, reason).</summary>
    public static async Task<List<(int Id, string Code, string Reason)>> SkippedCsv(this HttpClient client, int id)
    {
        var response = await client.Get($"/api/bulk-updates/{id}/skipped.csv");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,code,reason", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var parts = line.Split(',', 3);
            return (int.Parse(parts[0]), parts[1], parts[2].Trim('"'));
        }).ToList();
    }

    /// <summary>The number of records a finished run found already as asked.</summary>
    public static int Unchanged(this JsonNode status) => status.Int("done") - status.Int("changed") - status.Int("skipped");
}
