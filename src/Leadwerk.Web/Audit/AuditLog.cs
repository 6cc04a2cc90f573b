using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwerk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Audit;

/// <summary>
/// Writes the audit log from the services where administrative actions happen (users, lists,
/// automation, erasure). An entry is added to the same context as the change and saved with it,
/// so a refused or failed change leaves no entry and a saved one always has its entry.
/// </summary>
public sealed class AuditLog(LeadwerkDbContext db, TimeProvider time)
{
    /// <summary>Adds the entry to the context; the caller's next save writes it with the change. The actor is the scope's.</summary>
    public async Task Add(string action, string targetType, int? targetId, AuditChanges? changes = null)
    {
        var actor = db.Actor.Value;
        var name = actor.UserId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync()
            : null;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = name ?? "system",
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Changes = changes is null || changes.IsEmpty ? null : changes.ToJson(),
        });
    }

    /// <summary>
    /// Saves a new record and then its entry, which needs the id the insert gave, in one
    /// transaction (the caller's, when it has one).
    /// </summary>
    public async Task SaveNew(string action, string targetType, Func<int> id, Func<AuditChanges> changes)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        await db.SaveChangesAsync();
        await Add(action, targetType, id(), changes());
        await db.SaveChangesAsync();
        if (own is not null)
        {
            await own.CommitAsync();
        }
    }
}

/// <summary>
/// The changed fields of an audit entry: <c>{ field: { from, to } }</c>. Fields whose values are
/// equal are left out, so an entry lists only what changed. Callers pass no secrets.
/// </summary>
public sealed class AuditChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JsonObject _fields = [];

    public bool IsEmpty => _fields.Count == 0;

    public static AuditChanges Of(string field, object? from, object? to) => new AuditChanges().Set(field, from, to);

    /// <summary>Every field that differs between two snapshots of a record (null: it did not exist).</summary>
    public static AuditChanges Diff(IReadOnlyDictionary<string, object?>? before, IReadOnlyDictionary<string, object?>? after)
    {
        var changes = new AuditChanges();
        foreach (var field in (before?.Keys ?? []).Union(after?.Keys ?? []))
        {
            changes.Set(field, before?.GetValueOrDefault(field), after?.GetValueOrDefault(field));
        }

        return changes;
    }

    public AuditChanges Set(string field, object? from, object? to)
    {
        var (a, b) = (Node(from), Node(to));
        if (!JsonNode.DeepEquals(a, b))
        {
            _fields[field] = new JsonObject { ["from"] = a, ["to"] = b };
        }

        return this;
    }

    public string ToJson() => _fields.ToJsonString();

    private static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
}
