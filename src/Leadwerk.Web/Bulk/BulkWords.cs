using Leadwerk.Web.Common;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Components;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Users;

namespace Leadwerk.Web.Bulk;

/// <summary>The names of a run's actions' values (statuses, categories, users, follow-up types), loaded once, to say the actions in words.</summary>
public sealed record BulkNames(IReadOnlyDictionary<int, string> Statuses, IReadOnlyDictionary<int, string> Categories, IReadOnlyDictionary<int, string> Users,
    IReadOnlyDictionary<int, string>? FollowUpTypes = null)
{
    public static async Task<BulkNames> Load(UiActions ui)
    {
        var statuses = await ui.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses(includeDeleted: true));
        var categories = await ui.Run<ListService, List<Category>>(s => s.Categories(includeDeleted: true));
        var users = await ui.Run<UserService, List<User>>(s => s.List());
        var types = await ui.Run<ListService, List<FollowUps.FollowUpType>>(s => s.FollowUpTypes(includeDeleted: true));
        return new BulkNames(statuses.ToDictionary(s => s.Id, s => s.Name), categories.ToDictionary(c => c.Id, c => c.Name),
            users.ToDictionary(u => u.Id, u => u.DisplayName), types.ToDictionary(t => t.Id, t => t.Name));
    }

    public string Describe(BulkAction action)
    {
        if (action is { Field: BulkFields.PersonFollowUp, FollowUp: { } plan })
        {
            return DescribePlan(plan);
        }

        var value = action.Value is { } id ? action.Field switch
        {
            BulkFields.PersonLeadStatus => Statuses.GetValueOrDefault(id),
            BulkFields.CompanyCategory => Categories.GetValueOrDefault(id),
            _ => Users.GetValueOrDefault(id),
        } ?? $"#{id}" : "";
        return action.Field switch
        {
            BulkFields.PersonLeadStatus => L.T($"Set lead status to {value}", $"Leadstatus instellen op {value}"),
            BulkFields.CompanyCategory => L.T($"Set category to {value}", $"Categorie instellen op {value}"),
            _ when action.Op == "clear" => L.T("Clear our contact", "Onze contactpersoon wissen"),
            _ when action.Op == BulkFields.Distribute => L.T("Rebalance our contact by a distribution rule", "Onze contactpersoon herverdelen volgens een verdeelregel"),
            _ => L.T($"Set our contact to {value}", $"Onze contactpersoon instellen op {value}"),
        };
    }

    /// <summary>E.g. "Plan a follow-up: Call “Send the offer”, 3 Feb 2031 10:00, for each person's owner".</summary>
    private string DescribePlan(BulkFollowUp plan)
    {
        var type = plan.Type is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var typeId)
            ? FollowUpTypes?.GetValueOrDefault(typeId) ?? $"#{typeId}" : plan.Type?.ToString() ?? "";
        var what = plan.Title is { Length: > 0 } title ? $"{type} “{title}”" : type;
        var when = DateOnly.TryParseExact(plan.DueAt, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day)
            ? L.T($"{day.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture)} (all day)",
                $"{day.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture)} (hele dag)")
            : DateTimeOffset.TryParse(plan.DueAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
                ? at.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture) : plan.DueAt ?? "";
        var owner = plan.OwnerId is { } ownerId
            ? L.T($"for {Users.GetValueOrDefault(ownerId) ?? $"#{ownerId}"}", $"voor {Users.GetValueOrDefault(ownerId) ?? $"#{ownerId}"}")
            : L.T("for each person's owner", "voor de eigenaar van elke persoon");
        return L.T($"Plan a follow-up: {what}, {when}, {owner}", $"Vervolgactie plannen: {what}, {when}, {owner}");
    }

    /// <summary>The display names of a few records (for the first rows of a preview); a record that is gone shows its id.</summary>
    public static Task<Dictionary<int, string>> Records(UiActions ui, string entity, IReadOnlyCollection<int> ids) =>
        entity == Entities.Person
            ? ui.Run<PersonService, Dictionary<int, string>>(async s => await Each(ids, async id => (await s.Get(id)).FullName))
            : ui.Run<CompanyService, Dictionary<int, string>>(async s => await Each(ids, async id => (await s.Get(id)).Name));

    private static async Task<Dictionary<int, string>> Each(IEnumerable<int> ids, Func<int, Task<string>> name)
    {
        var names = new Dictionary<int, string>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                names[id] = await name(id);
            }
            catch (DomainException)
            {
                names[id] = $"#{id}";
            }
        }

        return names;
    }
}

public static class BulkWords
{
    public static bool Active(string state) => state is "queued" or "running" or "undoing";

    public static string Records(string entity) => entity == Entities.Person ? L.T("Persons", "Personen") : L.T("Companies", "Bedrijven");

    public static string State(string state) => state switch
    {
        "queued" => L.T("Waiting to start", "Wacht op start"),
        "running" => L.T("Running", "Bezig"),
        "done" => L.T("Done", "Klaar"),
        "cancelled" => L.T("Cancelled", "Geannuleerd"),
        "interrupted" => L.T("Interrupted", "Onderbroken"),
        "undoing" => L.T("Being undone", "Wordt ongedaan gemaakt"),
        _ => L.T("Undone", "Ongedaan gemaakt"),
    };

    public static string Link(int id) => $"/bulk-updates/{id}";

    public static string SkippedCsv(int id) => $"/api/bulk-updates/{id}/skipped.csv";
}
