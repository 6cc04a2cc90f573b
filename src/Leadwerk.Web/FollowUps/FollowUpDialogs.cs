using Leadwerk.Web.Automation;
using Leadwerk.Web.Localization;
using MudBlazor;

namespace Leadwerk.Web.FollowUps;

/// <summary>Opens the follow-up dialogs the same way from every screen, with the same confirmations.</summary>
public static class FollowUpDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    public static async Task<FollowUpDto?> Plan(IDialogService dialogs, ISnackbar snackbar, int personId)
    {
        var parameters = new DialogParameters<FollowUpDialog> { { d => d.PersonId, personId } };
        var result = await (await dialogs.ShowAsync<FollowUpDialog>(L.T("Plan follow-up", "Vervolgactie plannen"), parameters, Options)).Result;
        return Saved(result, snackbar);
    }

    public static async Task<FollowUpDto?> Edit(IDialogService dialogs, ISnackbar snackbar, FollowUpDto followUp)
    {
        var parameters = new DialogParameters<FollowUpDialog> { { d => d.FollowUp, followUp }, { d => d.PersonId, followUp.PersonId } };
        var result = await (await dialogs.ShowAsync<FollowUpDialog>(L.T("Edit follow-up", "Vervolgactie bewerken"), parameters, Options)).Result;
        return Saved(result, snackbar);
    }

    /// <summary>Completes through the dialog; afterwards asks what lead categorization rules propose (R16). True when done.</summary>
    public static async Task<bool> Complete(IDialogService dialogs, ISnackbar snackbar, SuggestionsNotifier suggestions, FollowUpDto followUp)
    {
        var parameters = new DialogParameters<CompleteFollowUpDialog> { { d => d.FollowUp, followUp } };
        var result = await (await dialogs.ShowAsync<CompleteFollowUpDialog>(L.T("Complete follow-up", "Vervolgactie afronden"), parameters, Options)).Result;
        if (result is not { Canceled: false, Data: FollowUpCompleted done })
        {
            return false;
        }

        snackbar.Add(done.Next is { } next
            ? L.T($"Done. Next: {next.TypeName} – {next.Title}.", $"Afgerond. Volgende: {next.TypeName} – {next.Title}.")
            : L.T($"“{done.Completed.Title}” is done.", $"“{done.Completed.Title}” is afgerond."), Severity.Success);
        await suggestions.Ask(done.Suggestions);
        return true;
    }

    public static async Task<bool> ConfirmDelete(IDialogService dialogs, FollowUpDto followUp) =>
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = L.T("Delete follow-up", "Vervolgactie verwijderen"),
            Message = L.T($"Delete “{followUp.Title}”? This cannot be undone.", $"“{followUp.Title}” verwijderen? Dit kan niet ongedaan worden gemaakt."),
            YesText = L.T("Delete", "Verwijderen"),
            CancelText = L.T("Cancel", "Annuleren"),
        }) == true;

    private static FollowUpDto? Saved(DialogResult? result, ISnackbar snackbar)
    {
        if (result is not { Canceled: false, Data: FollowUpDto saved })
        {
            return null;
        }

        snackbar.Add(L.T($"“{saved.Title}” saved.", $"“{saved.Title}” opgeslagen."), Severity.Success);
        return saved;
    }
}
