using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Attribution;

/// <summary>
/// R20: every person and company records the channel it came in through, once, in every edition:
/// `ui`, `api`, `import`, or `form:&lt;key&gt;` (a form names itself). Stamped when the record is
/// saved for the first time, from the actor of the unit of work, so no channel can create a record
/// without one; it never changes after. Records from before this existed have none ("not recorded").
/// </summary>
public static class RecordSource
{
    public const int MaxLength = 60;
    public const string Ui = "ui";
    public const string Api = "api";
    public const string Import = "import";
    public const string FormPrefix = "form:";

    public static string Form(string key) => FormPrefix + key;

    public static string Of(Channel channel) => channel switch
    {
        Channel.Ui or Channel.Board => Ui,
        Channel.Import => Import,
        _ => Api,
    };

    /// <summary>How people read a source: "Web form: contact" / "Webformulier: contact".</summary>
    public static string Describe(string? source) => source switch
    {
        null => L.T("Not recorded", "Niet vastgelegd"),
        Ui => L.T("Entered in Leadwerk", "Ingevoerd in Leadwerk"),
        Api => L.T("API", "API"),
        Import => L.T("Import", "Import"),
        _ when source.StartsWith(FormPrefix, StringComparison.Ordinal) => L.T($"Web form: {source[FormPrefix.Length..]}", $"Webformulier: {source[FormPrefix.Length..]}"),
        _ => source,
    };

    /// <summary>Called by the save interceptor: new persons and companies without a source get their actor's.</summary>
    internal static void Stamp(LeadwerkDbContext db)
    {
        // Every channel sets an actor; only tooling that seeds rows directly (tests, generators) has none.
        if (!db.HasActor)
        {
            return;
        }

        string? source = null;
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            switch (entry.Entity)
            {
                case Person { RecordSource: null } person:
                    person.RecordSource = source ??= db.Actor.RecordSource ?? Of(db.Actor.Value.Channel);
                    break;
                case Company { RecordSource: null } company:
                    company.RecordSource = source ??= db.Actor.RecordSource ?? Of(db.Actor.Value.Channel);
                    break;
            }
        }
    }
}
