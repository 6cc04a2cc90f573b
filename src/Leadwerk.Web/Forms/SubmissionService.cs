using System.Text.Json;
using Leadwerk.Web.Attribution;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Forms;

/// <summary>A submission as the public endpoint read it: every scalar key, and the script's first touch.</summary>
public sealed record IncomingSubmission(IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, string?>? FirstTouch);

/// <summary>
/// The public side of a form: takes a submission in (origin, open or closed, field errors, spam,
/// idempotency) and stores it with what processing made of it, in one transaction, so a replay
/// with the same key (even 20 at once) finds the first and never makes a second person.
/// </summary>
public sealed class SubmissionService(LeadwerkDbContext db, SubmissionProcessor processor, SubmissionQueue queue, TimeProvider time)
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    public async Task<Form> Open(string key) =>
        await db.Forms.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key)
        ?? throw DomainException.NotFound(L.T("This form does not exist.", "Dit formulier bestaat niet."));

    /// <summary>Whether a page of this origin may post to the form (and read the answer): its allowed origins, and our own pages.</summary>
    public static bool Allows(Form form, string? origin, string ownOrigin) =>
        origin is null || string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase)
        || FormService.Origins(form).Contains(origin.TrimEnd('/').ToLowerInvariant());

    /// <summary>The answer and whether it replays an earlier one.</summary>
    public async Task<(SubmissionAnswer Answer, bool Replay)> Receive(Form form, IncomingSubmission input, string? idempotencyKey)
    {
        var now = time.GetUtcNow().UtcDateTime;
        idempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (idempotencyKey is { Length: > FormRules.IdempotencyKeyMaxLength })
        {
            throw DomainException.Invalid("Idempotency-Key", L.T($"An idempotency key is at most {FormRules.IdempotencyKeyMaxLength} characters.",
                $"Een idempotentiesleutel is hoogstens {FormRules.IdempotencyKeyMaxLength} tekens."));
        }

        if (idempotencyKey is not null && await Replay(form.Id, idempotencyKey, now) is { } earlier)
        {
            return (earlier, true);
        }

        if (form.ActiveUntil is { } until && until <= now || form.MaxSubmissions is { } max && await FormService.Accepted(db, form.Id) >= max)
        {
            throw new DomainException(410, ErrorCodes.FormClosed, L.T("This form no longer takes submissions.", "Dit formulier neemt geen inzendingen meer aan."));
        }

        var fields = FormService.Fields(form);
        var values = Check(fields, input.Fields);
        var submission = new FormSubmission
        {
            FormId = form.Id, ReceivedAt = now, IdempotencyKey = idempotencyKey,
            ValuesJson = JsonSerializer.Serialize(values, FormService.Json), TouchJson = TouchJson(input),
        };
        var spam = Spam(input.Fields, now);
        try
        {
            var email = fields.First(f => f.MapsTo == "person.email").Name!;
            await Store(form, submission, values.GetValueOrDefault(email), spam);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // Another request with the same key stored first (the unique index waited for it).
            db.ChangeTracker.Clear();
            return (await Replay(form.Id, idempotencyKey, now) ?? throw new InvalidOperationException("A submission with this key was neither stored nor found."), true);
        }
        catch (DomainException failure)
        {
            // Processing refused (a value the rules do not take): the submission is kept as failed,
            // with why, for the inbox; the visitor's data is not lost.
            db.ChangeTracker.Clear();
            submission = new FormSubmission
            {
                FormId = form.Id, ReceivedAt = now, IdempotencyKey = idempotencyKey, ValuesJson = submission.ValuesJson, TouchJson = submission.TouchJson,
                Status = SubmissionStatus.Failed, AnsweredStatus = SubmissionStatus.Failed, LogJson = new SubmissionLog().Add("failed", detail: failure.Message).ToJson(),
            };
            db.FormSubmissions.Add(submission);
            Webhooks.WebhookInterceptor.Submitted(db, submission);
            await db.SaveChangesAsync();
        }

        return (new SubmissionAnswer(submission.Id, FormRules.Status(submission.AnsweredStatus)), false);
    }

    private async Task Store(Form form, FormSubmission submission, string? email, string? spam)
    {
        // Decided before the transaction: on SQLite the insert waits for the one writer, so a gate
        // inside it would never see more than one submission at a time.
        var process = spam is null && form.Processing != FormProcessing.Manual;
        var inline = process && queue.TryEnterInline();
        using var writing = await queue.Write(db);
        try
        {
            if (!inline)
            {
                // Nothing to process now: the row is written as answered, in one statement.
                var code = spam ?? (process ? SubmissionQueue.QueuedCode : "waiting.manual");
                var status = spam is null ? SubmissionStatus.Submitted : SubmissionStatus.Spam;
                (submission.Status, submission.AnsweredStatus, submission.LogJson) = (status, status, new SubmissionLog().Add(code).ToJson());
                db.FormSubmissions.Add(submission);
                Webhooks.WebhookInterceptor.Submitted(db, submission);
                await db.SaveChangesAsync();
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                // The row first: its key takes the unique index (and SQLite's write lock) before anything is read.
                db.FormSubmissions.Add(submission);
                await db.SaveChangesAsync();
                await ProcessAutomatic(form, submission, email);
                submission.AnsweredStatus = submission.Status;
                Webhooks.WebhookInterceptor.Submitted(db, submission);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }
        finally
        {
            if (inline)
            {
                queue.ExitInline();
            }
        }

        if (process && !inline)
        {
            queue.Enqueue(submission.Id);
        }
    }

    private async Task ProcessAutomatic(Form form, FormSubmission submission, string? email)
    {
        if (form.Processing == FormProcessing.ManualIfUnknown && await processor.MatchPerson(email) is null)
        {
            submission.LogJson = new SubmissionLog(SubmissionLog.Read(submission.LogJson).Facts).Add("waiting.unknown").ToJson();
        }
        else
        {
            await processor.Process(submission, form);
        }
    }

    /// <summary>
    /// A submission that was answered `submitted` under load, processed as it would have been in its
    /// request; refused by the rules, it is kept as failed with why, like one refused at once.
    /// </summary>
    public async Task ProcessQueued(long id)
    {
        try
        {
            using var writing = await queue.Write(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var submission = await Queued(id);
            if (submission is null)
            {
                return;
            }

            var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Id == submission.FormId);
            var email = FormService.Fields(form).First(f => f.MapsTo == "person.email").Name!;
            var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(submission.ValuesJson, FormService.Json) ?? [];
            await ProcessAutomatic(form, submission, values.GetValueOrDefault(email));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DomainException failure)
        {
            db.ChangeTracker.Clear();
            var failed = await db.FormSubmissions.SingleOrDefaultAsync(s => s.Id == id && s.Status == SubmissionStatus.Submitted);
            if (failed is not null)
            {
                failed.Status = SubmissionStatus.Failed;
                failed.LogJson = SubmissionLog.Read(failed.LogJson).Add("failed", detail: failure.Message).ToJson();
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>
    /// The submission when it still waits in the queue, read inside the processing transaction. On
    /// PostgreSQL its row is locked first, so of several instances that have it queued (each takes
    /// up what is left at start) one processes it; the others pass over it, or find it processed.
    /// </summary>
    private async Task<FormSubmission?> Queued(long id)
    {
        if (db.IsPostgres)
        {
            var free = await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "FormSubmissions" WHERE "Id" = {id} FOR UPDATE SKIP LOCKED""")
                .ToListAsync();
            if (free.Count == 0)
            {
                return null;
            }
        }

        var submission = await db.FormSubmissions.SingleOrDefaultAsync(s => s.Id == id && s.Status == SubmissionStatus.Submitted);
        return submission is not null && SubmissionLog.Read(submission.LogJson).Facts.LastOrDefault()?.Code == SubmissionQueue.QueuedCode
            ? submission : null;
    }

    private async Task<SubmissionAnswer?> Replay(int formId, string key, DateTime now)
    {
        var earlier = await db.FormSubmissions.AsNoTracking().Where(s => s.FormId == formId && s.IdempotencyKey == key)
            .Select(s => new { s.Id, s.ReceivedAt, s.AnsweredStatus }).FirstOrDefaultAsync();
        if (earlier is null)
        {
            return null;
        }

        if (earlier.ReceivedAt > now - ReplayWindow)
        {
            return new SubmissionAnswer(earlier.Id, FormRules.Status(earlier.AnsweredStatus));
        }

        // Past the window the key is free again: the old submission lets go of it.
        await db.FormSubmissions.Where(s => s.Id == earlier.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IdempotencyKey, (string?)null));
        return null;
    }

    /// <summary>The form's own fields, checked (422 with every field's problem at once); unknown keys are left out.</summary>
    private static Dictionary<string, string?> Check(List<FormField> fields, IReadOnlyDictionary<string, string?> given)
    {
        var v = new Validation();
        var values = new Dictionary<string, string?>();
        foreach (var field in fields)
        {
            var name = field.Name!;
            var label = L.T(field.Label?.En ?? name, field.Label?.Nl ?? name);
            var value = Validation.Clean(given.GetValueOrDefault(name));
            if (field.Type == "checkbox")
            {
                value = value is "true" or "on" or "1" or "yes" ? "true" : value is null or "false" or "0" or "no" or "off" ? null : value;
            }

            if (field.Required && value is null)
            {
                v.Add(name, L.T($"{label} is required.", $"{label} is verplicht."));
                continue;
            }

            v.MaxLength(name, value, MaxLength(field.MapsTo), label);
            if (field.Type == "email" || field.MapsTo is "person.email" or "company.email")
            {
                v.Email(name, value, label);
            }

            values[name] = value;
        }

        v.ThrowIfInvalid();
        return values;
    }

    private static int MaxLength(string? target) => target switch
    {
        "person.firstName" or "person.lastName" => Persons.PersonRules.NameMaxLength,
        "person.email" or "company.email" => Persons.PersonRules.EmailMaxLength,
        "person.phone" or "person.title" or "company.phone" or "company.country" or "company.orgNumber" => Persons.PersonRules.ShortTextMaxLength,
        "company.name" => Companies.CompanyRules.NameMaxLength,
        "company.website" => Companies.CompanyRules.WebsiteMaxLength,
        _ => FormRules.ValueMaxLength,
    };

    private static string? Spam(IReadOnlyDictionary<string, string?> fields, DateTime now)
    {
        if (!string.IsNullOrEmpty(fields.GetValueOrDefault(FormRules.Honeypot)))
        {
            return "spam.honeypot";
        }

        return long.TryParse(fields.GetValueOrDefault(FormRules.ShownAt), out var shown)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(shown, 0, 253402300799999)).UtcDateTime < FormRules.MinimumFillTime
            ? "spam.tooFast" : null;
    }

    private static string TouchJson(IncomingSubmission input)
    {
        var touch = new Dictionary<string, object?>();
        foreach (var key in TouchValues.Keys)
        {
            if (TouchValues.Clean(input.Fields.GetValueOrDefault(key), TouchValues.UrlMaxLength) is { } value)
            {
                touch[key] = value;
            }
        }

        if (input.FirstTouch is { Count: > 0 } first)
        {
            touch["firstTouch"] = TouchValues.Keys.Append("at").Where(k => !string.IsNullOrWhiteSpace(first.GetValueOrDefault(k)))
                .ToDictionary(k => k, k => TouchValues.Clean(first[k], TouchValues.UrlMaxLength));
        }

        return JsonSerializer.Serialize(touch, FormService.Json);
    }
}
