using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Forms;

/// <summary>A person a waiting submission may belong to, and why it is offered.</summary>
public sealed record SubmissionCandidate(int PersonId, string Name, string? Email, string? CompanyName, string Reason);

/// <summary>
/// The submissions inbox: a form's submissions newest first (by status), what became of each, the
/// persons a waiting one may belong to, and processing by hand (create, link, spam).
/// </summary>
public sealed class FormInbox(LeadwerkDbContext db, SubmissionProcessor processor)
{
    public async Task<Page<SubmissionDto>> List(int formId, string? status, int? limit, string? cursor)
    {
        if (!await db.Forms.AnyAsync(f => f.Id == formId))
        {
            throw DomainException.NotFound(L.T($"Form {formId} does not exist.", $"Formulier {formId} bestaat niet."));
        }

        SubmissionStatus? wanted = status switch
        {
            null or "" => null,
            "submitted" => SubmissionStatus.Submitted,
            "processed" => SubmissionStatus.Processed,
            "failed" => SubmissionStatus.Failed,
            "spam" => SubmissionStatus.Spam,
            _ => throw DomainException.Invalid("status", L.T("Status is submitted, processed, failed or spam.", "Status is submitted, processed, failed of spam.")),
        };
        var take = Cursor.Limit(limit);
        var query = db.FormSubmissions.AsNoTracking().Where(s => s.FormId == formId);
        if (wanted is { } w)
        {
            query = query.Where(s => s.Status == w);
        }

        if (Cursor.Decode<Position>(cursor) is { } after)
        {
            query = query.Where(s => s.Id < after.Id);
        }

        var rows = await query.OrderByDescending(s => s.Id).Take(take + 1)
            .Select(s => new { Submission = s, PersonName = db.Persons.Where(p => p.Id == s.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() })
            .ToListAsync();
        return Cursor.ToPage(rows, take, r => new Position(r.Submission.Id), r => ToDto(r.Submission, r.PersonName?.Trim()));
    }

    public async Task<SubmissionDto> Get(long id)
    {
        var s = await Find(id, tracked: false);
        var name = await db.Persons.Where(p => p.Id == s.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefaultAsync();
        return ToDto(s, name?.Trim());
    }

    /// <summary>Persons with the submission's e-mail address or its first and last name; at most 10.</summary>
    public async Task<List<SubmissionCandidate>> Candidates(long id)
    {
        var s = await Find(id, tracked: false);
        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Id == s.FormId);
        var values = Values(s);
        string? Value(string target) => FormService.Fields(form).FirstOrDefault(f => f.MapsTo == target) is { Name: { } name } ? values.GetValueOrDefault(name) : null;
        var email = TextKey.OfOptional(Value("person.email"));
        var first = TextKey.OfOptional(Value("person.firstName"));
        var last = TextKey.OfOptional(Value("person.lastName"));
        var found = await db.Persons.AsNoTracking()
            .Where(p => (email != null && p.EmailKey == email) || (last != null && p.LastNameKey == last && (first == null || p.FirstNameKey == first)))
            .OrderBy(p => p.Id).Take(10)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, p.EmailKey, Company = p.Company == null ? null : p.Company.Name })
            .ToListAsync();
        return [.. found.Select(p => new SubmissionCandidate(p.Id, $"{p.FirstName} {p.LastName}".Trim(), p.Email, p.Company,
            email is not null && p.EmailKey == email ? L.T("Same e-mail address", "Zelfde e-mailadres") : L.T("Same name", "Zelfde naam")))];
    }

    /// <summary>By hand: `create` a new person, `link` to a chosen one, or mark as `spam`; only a waiting or failed submission.</summary>
    public async Task<SubmissionDto> Process(long id, ProcessRequest request, int? userId)
    {
        var s = await Find(id, tracked: true);
        if (s.Status is SubmissionStatus.Processed or SubmissionStatus.Spam)
        {
            throw DomainException.Conflict(ErrorCodes.SubmissionAlreadyProcessed,
                L.T("This submission has been dealt with already.", "Deze inzending is al afgehandeld."));
        }

        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Id == s.FormId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        switch (request.Action)
        {
            case "spam":
                (s.Status, s.LogJson) = (SubmissionStatus.Spam, SubmissionLog.Read(s.LogJson).Add("spam.marked").ToJson());
                break;
            case "create":
                await processor.Process(s, form, createNew: true);
                break;
            case "link":
                var person = request.PersonId is { } pid
                    ? await db.Persons.Include(p => p.Company).ThenInclude(c => c!.Category).FirstOrDefaultAsync(p => p.Id == pid)
                    : null;
                await processor.Process(s, form, person ?? throw DomainException.Invalid("personId", L.T("Pick the person to link to.", "Kies de persoon om aan te koppelen.")));
                break;
            default:
                throw DomainException.Invalid("action", L.T("Action is create, link or spam.", "Actie is create, link of spam."));
        }

        (s.ProcessedAt, s.ProcessedById) = (s.ProcessedAt ?? DateTime.UtcNow, userId);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return await Get(id);
    }

    private sealed record Position(long Id);

    private async Task<FormSubmission> Find(long id, bool tracked)
    {
        var submissions = tracked ? db.FormSubmissions : db.FormSubmissions.AsNoTracking();
        return await submissions.FirstOrDefaultAsync(s => s.Id == id)
            ?? throw DomainException.NotFound(L.T($"Submission {id} does not exist.", $"Inzending {id} bestaat niet."));
    }

    private static Dictionary<string, string?> Values(FormSubmission s) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(s.ValuesJson, FormService.Json) ?? [];

    private static SubmissionDto ToDto(FormSubmission s, string? personName)
    {
        var touch = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(s.TouchJson, FormService.Json) ?? [];
        return new SubmissionDto(s.Id, s.FormId, s.ReceivedAt, FormRules.Status(s.Status), Values(s),
            touch.Where(t => t.Value.ValueKind == JsonValueKind.String).ToDictionary(t => t.Key, t => t.Value.GetString()),
            s.PersonId, personName, s.CompanyId, s.ProcessedAt, SubmissionLog.Read(s.LogJson).Describe());
    }
}
