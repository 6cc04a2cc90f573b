using Leadwerk.Web.Localization;
using MudBlazor;

namespace Leadwerk.Web.Automation;

/// <summary>
/// Per circuit: tells the app bar's badge that suggestions came or went, and asks the user about
/// the suggestions a change raised, one dialog each (R16).
/// </summary>
public sealed class SuggestionsNotifier(IDialogService dialogs)
{
    public event Action? Changed;

    public void Notify() => Changed?.Invoke();

    /// <summary>Shows each suggestion; true when the user accepted one, so the caller shows the data as it is now.</summary>
    public async Task<bool> Ask(IReadOnlyList<SuggestionDto>? suggestions)
    {
        if (suggestions is not { Count: > 0 })
        {
            return false;
        }

        Notify();
        var accepted = false;
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        foreach (var suggestion in suggestions)
        {
            var parameters = new DialogParameters<SuggestionDialog> { { d => d.Suggestion, suggestion } };
            var dialog = await dialogs.ShowAsync<SuggestionDialog>(L.T("Change the company's category?", "Categorie van het bedrijf wijzigen?"), parameters, options);
            accepted |= await dialog.Result is { Canceled: false, Data: true };
        }

        return accepted;
    }
}
