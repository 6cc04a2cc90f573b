using Leadwerk.Web.Localization;
using MudBlazor;

namespace Leadwerk.Web.Components.Shared;

/// <summary>
/// Asks before typing that is not saved yet is thrown away: by Cancel, Escape, a click outside a
/// dialog or leaving an edit form. Nothing is asked when nothing changed.
/// </summary>
public static class UnsavedChanges
{
    public static async Task<bool> MayDiscard(IDialogService dialogs, bool changed) =>
        !changed || await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = L.T("Discard your changes?", "Uw wijzigingen weggooien?"),
            Message = L.T("What you changed here is not saved.", "Wat u hier wijzigde is niet opgeslagen."),
            YesText = L.T("Discard", "Weggooien"),
            CancelText = L.T("Keep editing", "Verder bewerken"),
        }) == true;

    /// <summary>
    /// Escape and a click outside reach the dialog's own Cancel instead of closing it at once: a
    /// click outside through MudDialog.OnBackdropClick, Escape anywhere in the dialog (a field or
    /// one of its buttons) through leadwerk.js, which presses the button marked <see cref="CancelClass"/>.
    /// </summary>
    public static Task Guard(IMudDialogInstance dialog) =>
        dialog.SetOptionsAsync(dialog.Options with { CloseOnEscapeKey = false, BackdropClick = true });

    /// <summary>The class of a guarded dialog's Cancel button, which Escape presses.</summary>
    public const string CancelClass = "dialog-cancel";
}
