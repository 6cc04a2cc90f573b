using System.Text.Json.Nodes;
using Leadwerk.Tests.Infrastructure;

namespace Leadwerk.Tests.Automation;

/// <summary>Lead categorization rules and their traces over the API.</summary>
public static class AutomationClient
{
    public const string Rules = "/api/automation/lead-categorization";

    /// <summary>A rule body; the target and statuses by English name.</summary>
    public static async Task<object> Rule(this HttpClient admin, string trigger, string? target, string[]? statuses = null, bool askUser = false,
        string onNonInteractive = "apply", bool enabled = true)
    {
        var statusIds = new List<int>();
        foreach (var status in statuses ?? [])
        {
            statusIds.Add(await admin.StatusId(status));
        }

        return new
        {
            enabled, trigger, leadStatusIds = statusIds, targetCategoryId = target is null ? (int?)null : await admin.CategoryId(target), askUser,
            onNonInteractive,
        };
    }

    public static async Task<List<JsonNode>> PutRules(this HttpClient admin, params object[] rules) =>
        (await (await admin.PutJson(Rules, new { rules })).ShouldBe(200))["rules"]!.Items();

    public static async Task<List<JsonNode>> CategoryHistory(this HttpClient client, int companyId) =>
        (await client.GetOk($"/api/companies/{companyId}/category-history")).Items();

    public static async Task<string?> CompanyCategory(this HttpClient client, int companyId) =>
        (await client.GetOk($"/api/companies/{companyId}")).Str("category");

    /// <summary>A company in the category with one person on the default status; returns (companyId, personId).</summary>
    public static async Task<(int CompanyId, int PersonId)> LeadWithPerson(this HttpClient client, string category = "Lead")
    {
        var company = (await client.CreateCompany(category)).Int("id");
        return (company, (await client.CreatePerson(company)).Int("id"));
    }
}
