using System.Text.Json;
using Microsoft.JSInterop;
using MudBlazor;

namespace Leadwerk.Web.Components.Shared;

/// <summary>
/// The part every dialog with a draft shares: it asks before typing is thrown away
/// (<see cref="UnsavedChanges"/>), keeps what was typed in a <see cref="FormDraft"/> and forgets it
/// on save or on a confirmed cancel. A dialog gives the record's key and its values as strings; it
/// calls <see cref="Opened"/> once those values are the record's, <see cref="AfterRender"/> from
/// OnAfterRenderAsync, and closes through <see cref="Cancel"/> and <see cref="Saved"/>.
/// </summary>
public sealed class DialogDraft(
    IJSRuntime js, UiActions ui, IDialogService dialogs, IMudDialogInstance dialog, string record, Func<Dictionary<string, string?>> values)
{
    private string? _opened;

    public FormDraft Draft { get; } = new(js, ui, record);

    /// <summary>Escape and a click outside reach <see cref="Cancel"/> instead of closing the dialog at once.</summary>
    public Task Guard() => UnsavedChanges.Guard(dialog);

    /// <summary>The values now are the record's: what differs from them later is a change worth keeping.</summary>
    public void Opened() => _opened = Compared();

    public bool HasChanges => _opened is not null && Compared() != _opened;

    // A field typed in and emptied again holds "" where it held null: that is no change.
    private string Compared() => JsonSerializer.Serialize(values().ToDictionary(v => v.Key, v => string.IsNullOrEmpty(v.Value) ? null : v.Value));

    /// <summary>Keeps the draft; renders again (through <paramref name="render"/>) when a stored one is offered.</summary>
    public async Task AfterRender(Action render)
    {
        if (_opened is not null && await Draft.Track(values(), HasChanges))
        {
            render();
        }
    }

    public async Task Cancel()
    {
        if (await UnsavedChanges.MayDiscard(dialogs, HasChanges))
        {
            await Draft.Clear();
            dialog.Cancel();
        }
    }

    public async Task Saved(object? result)
    {
        await Draft.Clear();
        dialog.Close(DialogResult.Ok(result));
    }
}
