using System.Globalization;
using System.Text.Json;
using Leadwerk.Web.Import;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using MudBlazor;

namespace Leadwerk.Web.Jobs;

/// <summary>What the Jobs page calls kinds, states and counts, in the user's language.</summary>
public static class JobWords
{
    public static string Kind(string kind) => kind switch
    {
        "bulkUpdate" => L.T("Bulk update", "Bulkwijziging"),
        "ruleApplication" => L.T("Rule applied", "Regel toegepast"),
        _ => L.T("Import", "Import"),
    };

    public static string Kind(JobKind kind) => Kind(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()));

    /// <summary>"Bulk update #12 · Persons".</summary>
    public static string Name(JobDto job) => $"{Kind(job.Kind)} #{job.Id} · {ImportWords.Records(job.Entity)}";

    public static string State(JobDto job) => job.Kind == JobKind.Import ? ImportWords.State(job.State) : Bulk.BulkWords.State(job.State);

    public static Color Color(string state) => state switch
    {
        "done" => MudBlazor.Color.Success,
        "interrupted" => MudBlazor.Color.Error,
        "queued" or "running" or "undoing" or "rollingBack" => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static string Counts(JobDto job)
    {
        var (done, total, failed) = (N(job.Done), N(job.Total), N(job.Failed));
        return job.Failed == 0
            ? L.T($"{done} of {total}", $"{done} van {total}")
            : job.Kind == JobKind.Import
                ? L.T($"{done} of {total}, {failed} with errors", $"{done} van {total}, {failed} met fouten")
                : L.T($"{done} of {total}, {failed} skipped", $"{done} van {total}, {failed} overgeslagen");
    }

    /// <summary>Asks before an undo or rollback, saying how many records it changes; Escape or Cancel says no.</summary>
    public static async Task<bool> Confirm(IDialogService dialogs, string title, string message, string yes) =>
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = L.T("Cancel", "Annuleren") },
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true }) == true;

    public static Task<bool> ConfirmUndo(IDialogService dialogs, int records, string entity) => Confirm(dialogs,
        L.T("Undo this bulk update?", "Deze bulkwijziging ongedaan maken?"),
        L.T($"Undo changes {N(records)} {Records(entity, records)}? Records changed by someone else since are left as they are and listed.",
            $"Ongedaan maken wijzigt {N(records)} {Records(entity, records)}. Doorgaan? Records die iemand anders sindsdien wijzigde blijven zoals ze zijn en worden vermeld."),
        L.T("Undo", "Ongedaan maken"));

    public static Task<bool> ConfirmRollback(IDialogService dialogs, int records) => Confirm(dialogs,
        L.T("Roll back this import?", "Deze import terugdraaien?"),
        L.T($"Rollback changes {N(records)} records: what the import created is removed and what it updated is put back. Records changed since are left as they are and listed.",
            $"Terugdraaien wijzigt {N(records)} records: wat de import aanmaakte wordt verwijderd en wat hij bijwerkte wordt teruggezet. Records die sindsdien zijn gewijzigd blijven zoals ze zijn en worden vermeld."),
        L.T("Roll back", "Terugdraaien"));

    private static string Records(string entity, int n) => (entity == Search.Entities.Person, n == 1) switch
    {
        (true, true) => L.T("person", "persoon"),
        (true, false) => L.T("persons", "personen"),
        (false, true) => L.T("company", "bedrijf"),
        _ => L.T("companies", "bedrijven"),
    };

    /// <summary>A count as the reader writes numbers ("1,234" / "1.234").</summary>
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
