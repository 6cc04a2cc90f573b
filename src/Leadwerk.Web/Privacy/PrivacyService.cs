using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Leadwerk.Web.Audit;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Privacy;

/// <summary>
/// Personal data rights (B9, GDPR art. 15, 17, 20): everything about a person as one document, and
/// its erasure — every part of <see cref="PersonData"/> in one transaction, the e-mail address kept
/// only as a keyed hash (<see cref="Suppression"/>), the erasure logged without personal data.
/// </summary>
public sealed class PrivacyService(LeadwerkDbContext db, PersonData data, Suppression suppression, AuditLog audit, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    /// <summary>
    /// <c>{ "personId", "exportedAt", "language", "parts": [{ "part", "label" }], "person": {...}, "leadStatusHistory": [...], ... }</c>:
    /// one property per part of <see cref="PersonData"/>, in its order.
    /// </summary>
    public async Task<JsonObject> Export(int id)
    {
        var key = await Find(id);
        var parts = data.Parts;
        var export = new JsonObject
        {
            ["personId"] = id,
            ["exportedAt"] = time.GetUtcNow().UtcDateTime,
            ["language"] = L.Language,
            ["parts"] = new JsonArray([.. parts.Select(p => new JsonObject { ["part"] = p.Key, ["label"] = p.Label() })]),
        };
        foreach (var part in parts)
        {
            var value = await part.Export(key);
            export[part.Key] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
        }

        return export;
    }

    /// <summary>Erases the person and every trace; with <paramref name="dryRun"/> only counts what would go.</summary>
    public async Task<ErasureSummary> Erase(int id, int? expectedVersion, bool dryRun)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Email, p.Version }).FirstOrDefaultAsync()
            ?? throw NotFound();
        Concurrency.Check(person.Version, expectedVersion);
        var key = new PersonKey(id, person.Email);
        var now = time.GetUtcNow().UtcDateTime;
        var parts = data.Parts;
        if (dryRun)
        {
            var counted = new List<ErasurePart>();
            foreach (var part in parts)
            {
                counted.Add(new ErasurePart(part.Key, part.Label(), part.Erasure, await part.Count(key)));
            }

            return new ErasureSummary(id, true, now, counted, person.Email is not null);
        }

        var hash = person.Email is { } email ? await suppression.HashForErasure(email) : null;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var erased = new Dictionary<string, int>();
        foreach (var part in parts.Reverse())
        {
            erased[part.Key] = await part.Erase(key);
        }

        if (erased["person"] == 0)
        {
            // Erased (or deleted) by someone else since it was read: nothing of it is left to erase.
            await transaction.RollbackAsync();
            throw NotFound();
        }

        if (hash is not null)
        {
            await Suppression.Add(db, hash, now);
        }

        // Who, when and the id; the counts say what went. Never the name or the e-mail address.
        var changes = new AuditChanges();
        foreach (var part in parts.Where(p => erased[p.Key] > 0))
        {
            changes.Set(part.Key, erased[part.Key], 0);
        }

        await audit.Add("person.erased", "person", id, changes);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new ErasureSummary(id, false, now, [.. parts.Select(p => new ErasurePart(p.Key, p.Label(), p.Erasure, erased[p.Key]))],
            person.Email is not null);
    }

    private async Task<PersonKey> Find(int id) =>
        await db.Persons.AsNoTracking().Where(p => p.Id == id).Select(p => new PersonKey(p.Id, p.Email)).FirstOrDefaultAsync() ?? throw NotFound();

    private static DomainException NotFound() =>
        DomainException.NotFound(L.T("The person was not found.", "De persoon is niet gevonden."));
}
