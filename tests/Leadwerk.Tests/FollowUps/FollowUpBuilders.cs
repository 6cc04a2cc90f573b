using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.FollowUps;

/// <summary>Follow-ups over the API, so each test states only what matters to it.</summary>
public static class FollowUpBuilders
{
    public static async Task<JsonNode> PlanFollowUp(this HttpClient client, int personId, DateTimeOffset due, string type = "call",
        string? title = null, bool allDay = false, int? ownerId = null)
    {
        var dueAt = allDay ? due.ToString("yyyy-MM-dd") : due.ToString("yyyy-MM-ddTHH:mm:sszzz");
        var response = await client.PostJson("/api/follow-ups", new { personId, type, title = title ?? Unique.Name("Follow-up"), dueAt, allDay, ownerId });
        return await response.ShouldBe(201);
    }

    public static async Task SetTimeZone(this HttpClient client, string zone)
    {
        var me = await client.Get("/api/users/me");
        await (await client.PatchJson("/api/users/me", new { timeZone = zone }, me.ETag())).ShouldBe(200);
    }

    public static List<int> Ids(this JsonNode bucket) => bucket["items"]!.Items().Select(i => i.Int("id")).ToList();
}
