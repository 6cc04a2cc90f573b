using System.Text.Json;
using System.Text.RegularExpressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Forms;

/// <summary>Admin › Forms: the forms and their settings, checked as a whole before anything is saved.</summary>
public sealed partial class FormService(LeadwerkDbContext db, LicenceService licences)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<FormDto>> List()
    {
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Id).ToListAsync();
        var counts = await db.FormSubmissions.Where(s => s.Status != SubmissionStatus.Spam).GroupBy(s => s.FormId)
            .Select(g => new { FormId = g.Key, N = g.Count() }).ToDictionaryAsync(g => g.FormId, g => g.N);
        return [.. forms.Select(f => ToDto(f, counts.GetValueOrDefault(f.Id)))];
    }

    public async Task<FormDto> Get(int id) => ToDto(await Find(id, tracked: false), await Accepted(db, id));

    /// <summary>Submissions the form took (spam not counted), for its list and its maximum; counted, not kept, so no submission waits for another to count.</summary>
    internal static Task<int> Accepted(LeadwerkDbContext db, int formId) =>
        db.FormSubmissions.CountAsync(s => s.FormId == formId && s.Status != SubmissionStatus.Spam);

    public async Task<FormDto> Create(FormRequest request, Actor actor)
    {
        Admin(actor);
        var form = new Form();
        await Fill(form, request);
        db.Forms.Add(form);
        await Save();
        return ToDto(form, 0);
    }

    public async Task<FormDto> Update(int id, FormRequest request, int? expectedVersion, Actor actor)
    {
        Admin(actor);
        var form = await Find(id, tracked: true);
        Concurrency.Check(form.Version, expectedVersion);
        await Fill(form, request);
        await Save();
        return ToDto(form, await Accepted(db, id));
    }

    /// <summary>Deletes the form and its submissions; the persons it created stay, with their source and touches.</summary>
    public async Task Delete(int id, Actor actor)
    {
        Admin(actor);
        db.Forms.Remove(await Find(id, tracked: true));
        await db.SaveChangesAsync();
    }

    internal static List<FormField> Fields(Form form) => JsonSerializer.Deserialize<List<FormField>>(form.FieldsJson, Json) ?? [];

    internal static List<string> Origins(Form form) => JsonSerializer.Deserialize<List<string>>(form.AllowedOriginsJson, Json) ?? [];

    internal static FormDto ToDto(Form f, int submissions) => new(
        f.Id, f.Key, f.Name, Fields(f), new FormDefaults(f.CategoryId, f.LeadStatusId, f.OwnerId, f.DistributionRuleId), FormRules.Processing(f.Processing),
        Origins(f), new FormThankYou(f.ThankYouEn is null && f.ThankYouNl is null ? null : new(f.ThankYouEn, f.ThankYouNl), f.RedirectUrl),
        f.ActiveUntil, f.MaxSubmissions, f.SelectionId, submissions, $"/f/{f.Key}", f.CreatedAt, f.UpdatedAt, f.Version);

    private async Task<Form> Find(int id, bool tracked)
    {
        var forms = tracked ? db.Forms : db.Forms.AsNoTracking();
        return await forms.FirstOrDefaultAsync(f => f.Id == id)
            ?? throw DomainException.NotFound(L.T($"Form {id} does not exist.", $"Formulier {id} bestaat niet."));
    }

    private static void Admin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only an administrator can change forms.", "Alleen een beheerder kan formulieren wijzigen."));
        }
    }

    private async Task Save()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<Form>().Any(e => e.State == EntityState.Added))
        {
            // Two admins creating one key at the same moment: the unique index decides.
            throw DomainException.Conflict(ErrorCodes.NameNotUnique, L.T("Another form already has this key.", "Een ander formulier heeft deze sleutel al."), "key");
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")]
    private static partial Regex KeyPattern();

    private async Task Fill(Form form, FormRequest request)
    {
        var v = new Validation();
        var key = request.Key?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key) || !KeyPattern().IsMatch(key))
        {
            v.Add("key", L.T("A key is 1 to 50 lower-case letters, digits and hyphens, such as 'contact-nl'.",
                "Een sleutel is 1 tot 50 kleine letters, cijfers en streepjes, zoals 'contact-nl'."));
        }
        else if (await db.Forms.AnyAsync(f => f.Key == key && f.Id != form.Id))
        {
            throw DomainException.Conflict(ErrorCodes.NameNotUnique, L.T($"Another form already has the key '{key}'.", $"Een ander formulier heeft de sleutel '{key}' al."), "key");
        }

        var name = Validation.Clean(request.Name);
        v.Required("name", name, L.T("The name", "De naam")).MaxLength("name", name, 100, L.T("The name", "De naam"));
        var fields = CheckFields(request.Fields, v);
        var processing = FormRules.Processing(request.Processing);
        if (processing is null)
        {
            v.Add("processing", L.T("Processing is automatic, manualIfUnknown or manual.", "Verwerking is automatic, manualIfUnknown of manual."));
        }

        var origins = CheckOrigins(request.AllowedOrigins, v);
        var thanks = request.ThankYou;
        var thanksEn = Validation.Clean(thanks?.Message?.En);
        var thanksNl = Validation.Clean(thanks?.Message?.Nl);
        v.MaxLength("thankYou.message.en", thanksEn, FormRules.ThankYouMaxLength, L.T("The thank-you message", "Het bedankbericht"));
        v.MaxLength("thankYou.message.nl", thanksNl, FormRules.ThankYouMaxLength, L.T("The thank-you message", "Het bedankbericht"));
        var redirect = Validation.Clean(thanks?.RedirectUrl);
        if (redirect is not null && (!Uri.TryCreate(redirect, UriKind.Absolute, out var page) || page.Scheme is not ("https" or "http") || redirect.Length > FormRules.UrlMaxLength))
        {
            v.Add("thankYou.redirectUrl", L.T("The page to go to is a full http(s) address.", "De pagina om naartoe te gaan is een volledig http(s)-adres."));
        }

        if (request.MaxSubmissions is < 1)
        {
            v.Add("maxSubmissions", L.T("The maximum number of submissions is at least 1.", "Het maximum aantal inzendingen is minstens 1."));
        }

        await CheckDefaults(request.Defaults, request.SelectionId, v);
        v.ThrowIfInvalid();

        (form.Key, form.Name, form.Processing) = (key!, name!, processing!.Value);
        form.FieldsJson = JsonSerializer.Serialize(fields, Json);
        form.AllowedOriginsJson = JsonSerializer.Serialize(origins, Json);
        (form.ThankYouEn, form.ThankYouNl, form.RedirectUrl) = (thanksEn, thanksNl, redirect);
        (form.ActiveUntil, form.MaxSubmissions, form.SelectionId) = (request.ActiveUntil, request.MaxSubmissions, request.SelectionId);
        var d = request.Defaults ?? new FormDefaults();
        (form.CategoryId, form.LeadStatusId, form.OwnerId, form.DistributionRuleId) = (d.CategoryId, d.LeadStatusId, d.OwnerId, d.DistributionRuleId);
    }

    private static List<FormField> CheckFields(List<FormField>? given, Validation v)
    {
        var fields = new List<FormField>();
        if (given is not { Count: > 0 })
        {
            v.Add("fields", L.T("A form needs at least one field.", "Een formulier heeft minstens één veld nodig."));
            return fields;
        }

        if (given.Count > FormRules.MaxFields)
        {
            v.Add("fields", L.T($"A form has at most {FormRules.MaxFields} fields.", $"Een formulier heeft hoogstens {FormRules.MaxFields} velden."));
        }

        for (var i = 0; i < given.Count; i++)
        {
            var f = given[i];
            var at = $"fields[{i}].";
            var name = f.Name?.Trim();
            if (string.IsNullOrEmpty(name) || !FieldName().IsMatch(name) || name is FormRules.Honeypot or FormRules.ShownAt || Attribution.TouchValues.Keys.Contains(name) || name == "firstTouch")
            {
                v.Add(at + "name", L.T("A field name is 1 to 40 letters, digits or _, starts with a letter, and is not a touch key.",
                    "Een veldnaam is 1 tot 40 letters, cijfers of _, begint met een letter en is geen aanraaksleutel."));
            }
            else if (fields.Any(x => x.Name == name))
            {
                v.Add(at + "name", L.T($"The field name '{name}' is used twice.", $"De veldnaam '{name}' komt twee keer voor."));
            }

            var en = Validation.Clean(f.Label?.En);
            var nl = Validation.Clean(f.Label?.Nl);
            v.Required(at + "label.en", en, L.T("The English label", "Het Engelse label")).MaxLength(at + "label.en", en, 200, L.T("The English label", "Het Engelse label"));
            v.Required(at + "label.nl", nl, L.T("The Dutch label", "Het Nederlandse label")).MaxLength(at + "label.nl", nl, 200, L.T("The Dutch label", "Het Nederlandse label"));
            var type = f.Type ?? "text";
            if (!FormRules.Types.Contains(type))
            {
                v.Add(at + "type", L.T($"A field's type is one of {string.Join(", ", FormRules.Types)}.", $"Het type van een veld is een van {string.Join(", ", FormRules.Types)}."));
            }

            if (f.MapsTo is { } target && !FormRules.Targets.Contains(target))
            {
                v.Add(at + "mapsTo", L.T($"'{target}' is not a field a form can fill.", $"'{target}' is geen veld dat een formulier kan vullen."));
            }
            else if (f.MapsTo is { } mapped && given.Take(i).Any(x => x.MapsTo == mapped))
            {
                v.Add(at + "mapsTo", L.T("Two fields fill the same person or company field.", "Twee velden vullen hetzelfde persoons- of bedrijfsveld."));
            }

            fields.Add(new FormField(name, new(en, nl), type, f.Required, f.MapsTo, f.AllowOverwrite));
        }

        if (!given.Any(f => f.MapsTo == "person.email"))
        {
            v.Add("fields", L.T("A form needs a field that fills the person's e-mail address: submissions match persons by it (R19).",
                "Een formulier heeft een veld nodig dat het e-mailadres van de persoon vult: inzendingen vinden personen daarop (R19)."));
        }

        return fields;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex FieldName();

    private static List<string> CheckOrigins(List<string>? given, Validation v)
    {
        var origins = new List<string>();
        foreach (var (origin, i) in (given ?? []).Select((o, i) => (o?.Trim(), i)))
        {
            if (origin is null || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || origin.EndsWith('/'))
            {
                v.Add($"allowedOrigins[{i}]", L.T("An origin is scheme and host, such as https://www.example.com (no path).",
                    "Een origin is schema en host, zoals https://www.voorbeeld.nl (zonder pad)."));
                continue;
            }

            origins.Add(uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant());
        }

        return [.. origins.Distinct()];
    }

    private async Task CheckDefaults(FormDefaults? d, int? selectionId, Validation v)
    {
        if (d?.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category && !c.Deleted))
        {
            v.Add("defaults.categoryId", L.T("This category does not exist.", "Deze categorie bestaat niet."));
        }

        if (d?.LeadStatusId is { } status && !await db.LeadStatuses.AnyAsync(s => s.Id == status && !s.Deleted))
        {
            v.Add("defaults.leadStatusId", L.T("This lead status does not exist.", "Deze leadstatus bestaat niet."));
        }

        if (d?.OwnerId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && !u.Disabled))
        {
            v.Add("defaults.ownerId", L.T("The owner is not an active user.", "De eigenaar is geen actieve gebruiker."));
        }

        if (d?.DistributionRuleId is { } rule)
        {
            await licences.Require(Features.Distribution);
            if (!await db.DistributionRules.AnyAsync(r => r.Id == rule))
            {
                v.Add("defaults.distributionRuleId", L.T("This distribution rule does not exist.", "Deze verdeelregel bestaat niet."));
            }
        }

        if (selectionId is { } id && !await db.Selections.AnyAsync(s => s.Id == id && s.Kind == SelectionKind.Static && s.Entity == "person"))
        {
            v.Add("selectionId", L.T("Submissions can be added to a static selection of persons only.", "Inzendingen kunnen alleen aan een statische selectie van personen worden toegevoegd."));
        }
    }
}
