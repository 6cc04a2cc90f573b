using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Leadwerk.Web.Data;
using Leadwerk.Web.Forms;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Webhooks;

/// <summary>
/// The bodies of the events: <c>{ "id", "event", "occurredAt", "data" }</c>, with what a receiver
/// needs without calling back (ids, names, e-mail, statuses and categories with their English
/// names, channel). Built once, when the change is saved; a later change does not alter them.
/// </summary>
internal static class WebhookPayloads
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private sealed record PersonFacts(int Id, string FirstName, string LastName, string? Email, int? CompanyId, int? CategoryId, int? LeadStatusId, int? OwnerId);

    public static async ValueTask<List<WebhookDelivery>> Deliveries(LeadwerkDbContext db, List<PendingEvent> events, DateTime now, bool async)
    {
        // Persons written set-based (bulk) are not tracked: read once, all together.
        var untracked = events.Select(e => e.Source).OfType<LeadStatusChange>().Where(h => h.Person is null).Select(h => h.PersonId).Distinct().ToList();
        var persons = untracked.Count == 0 ? [] : await List(db.Persons.AsNoTracking().Where(p => untracked.Contains(p.Id))
            .Select(p => new PersonFacts(p.Id, p.FirstName, p.LastName, p.Email, p.CompanyId, p.CategoryId, p.LeadStatusId, p.OwnerId)), async);
        var known = persons.ToDictionary(p => p.Id);
        foreach (var person in events.Select(e => e.Source is LeadStatusChange { Person: { } p } ? p : e.Source as Person).OfType<Person>())
        {
            known[person.Id] = Facts(person);
        }

        var statusIds = known.Values.Select(p => p.LeadStatusId)
            .Concat(events.Select(e => e.Source).OfType<LeadStatusChange>().SelectMany(h => new[] { h.FromId, h.ToId })).OfType<int>().Distinct().ToList();
        var statuses = statusIds.Count == 0 ? [] : (await List(db.LeadStatuses.AsNoTracking().Where(s => statusIds.Contains(s.Id))
            .Select(s => new { s.Id, s.NameEn }), async)).ToDictionary(s => s.Id, s => s.NameEn);
        var categoryIds = known.Values.Select(p => p.CategoryId)
            .Concat(events.Select(e => e.Source).OfType<CompanyCategoryChange>().SelectMany(c => new[] { c.FromCategoryId, c.ToCategoryId })).OfType<int>().Distinct().ToList();
        var categories = categoryIds.Count == 0 ? [] : (await List(db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.NameEn }), async)).ToDictionary(c => c.Id, c => c.NameEn);
        var formIds = events.Select(e => e.Source).OfType<FormSubmission>().Select(s => s.FormId).Distinct().ToList();
        var forms = formIds.Count == 0 ? [] : (await List(db.Forms.AsNoTracking().Where(f => formIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Key, f.Name }), async)).ToDictionary(f => f.Id);

        JsonObject? Named(int? id, Dictionary<int, string> names) =>
            id is { } i ? new JsonObject { ["id"] = i, ["name"] = names.GetValueOrDefault(i) } : null;

        JsonObject PersonData(int id)
        {
            var p = known.GetValueOrDefault(id) ?? new PersonFacts(id, "", "", null, null, null, null, null);
            return new JsonObject
            {
                ["personId"] = p.Id, ["firstName"] = p.FirstName, ["lastName"] = p.LastName, ["email"] = p.Email, ["companyId"] = p.CompanyId,
                ["category"] = Named(p.CategoryId, categories), ["leadStatus"] = Named(p.LeadStatusId, statuses), ["ownerId"] = p.OwnerId,
            };
        }

        var deliveries = new List<WebhookDelivery>();
        foreach (var pending in events)
        {
            var (at, data) = pending.Source switch
            {
                Person p => (now, With(PersonData(p.Id), ("channel", Channel(db, p)))),
                LeadStatusChange h => (h.At, With(PersonData(h.PersonId),
                    ("from", Named(h.FromId, statuses)), ("to", Named(h.ToId, statuses)), ("channel", JsonValue.Create(Name(h.Channel))), ("userId", h.UserId))),
                CompanyCategoryChange c => (c.At, new JsonObject
                {
                    ["companyId"] = c.CompanyId, ["name"] = c.Company?.Name, ["from"] = Named(c.FromCategoryId, categories),
                    ["to"] = Named(c.ToCategoryId, categories), ["channel"] = Name(c.Channel), ["userId"] = c.UserId, ["ruleId"] = c.RuleId,
                }),
                FormSubmission s => (s.ReceivedAt, new JsonObject
                {
                    ["formId"] = s.FormId, ["formKey"] = forms.GetValueOrDefault(s.FormId)?.Key, ["formName"] = forms.GetValueOrDefault(s.FormId)?.Name,
                    ["submissionId"] = s.Id, ["status"] = Name(s.Status), ["personId"] = s.PersonId, ["companyId"] = s.CompanyId,
                    ["values"] = JsonNode.Parse(s.ValuesJson),
                }),
                _ => throw new InvalidOperationException($"No payload for {pending.Source.GetType().Name}."),
            };
            var eventId = Guid.NewGuid();
            var payload = Envelope(eventId, pending.Event, at, data);
            deliveries.AddRange(pending.WebhookIds.Select(id => New(id, pending.Event, eventId, payload, now)));
        }

        return deliveries;
    }

    public static string Envelope(Guid eventId, string eventKey, DateTime occurredAt, JsonObject data) =>
        new JsonObject { ["id"] = eventId, ["event"] = eventKey, ["occurredAt"] = occurredAt, ["data"] = data }.ToJsonString(Json);

    public static WebhookDelivery New(int webhookId, string eventKey, Guid eventId, string payload, DateTime now) => new()
    {
        WebhookId = webhookId, Event = eventKey, EventId = eventId, Payload = payload, State = DeliveryState.Pending,
        NextAttemptAt = now, CreatedAt = now,
    };

    private static JsonObject With(JsonObject data, params (string Name, JsonNode? Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            data[name] = value;
        }

        return data;
    }

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static JsonNode? Channel(LeadwerkDbContext db, Person person) => db.HasActor ? Name(db.Actor.ChannelOf(person)) : null;

    private static PersonFacts Facts(Person p) => new(p.Id, p.FirstName, p.LastName, p.Email, p.CompanyId, p.CategoryId, p.LeadStatusId, p.OwnerId);

    private static async ValueTask<List<T>> List<T>(IQueryable<T> query, bool async) => async ? await query.ToListAsync() : [.. query];
}
