using System.Text.Json;
using Microsoft.JSInterop;

namespace Leadwerk.Web.Components.Shared;

/// <summary>
/// What a user typed into a form, kept in the browser's localStorage per user and record, so a
/// reload, a lost connection or a server restart does not lose it: written while the values
/// differ from the stored record, offered back when the form opens again, removed on save or
/// discard. Only the browser holds it; the server never sees a draft. A form makes one per record
/// ("person:12", "company:new", "followUp:new@7") and calls <see cref="Track"/> after every render.
/// </summary>
public sealed class FormDraft(IJSRuntime js, UiActions ui, string record)
{
    /// <summary>A draft as the browser returns it; <see cref="At"/> is already in the user's clock and language.</summary>
    public sealed record Stored(Dictionary<string, string?> Values, string At);

    private string? _written;
    private bool _loaded;
    private string? _key;

    /// <summary>A draft from before, waiting for Restore or Discard; nothing is written meanwhile.</summary>
    public Stored? Offer { get; private set; }

    /// <summary>
    /// Called after every render once the form holds its record's values: the first time it reads a
    /// stored draft (localStorage exists only in the browser) and returns true when one is offered,
    /// so the form renders again to show the offer; later it keeps the values.
    /// </summary>
    public async Task<bool> Track(Dictionary<string, string?> values, bool changed)
    {
        if (_loaded)
        {
            await Keep(values, changed);
            return false;
        }

        return await Load(values);
    }

    /// <summary>A draft belongs to one user and one record.</summary>
    private async Task<string> Key() => _key ??= $"{await ui.UserId()}:{record}";

    private async Task<bool> Load(Dictionary<string, string?> current)
    {
        _loaded = true;
        var key = await Key();
        var stored = await Js(() => js.InvokeAsync<Stored?>("leadwerk.drafts.read", key).AsTask());
        if (stored is null)
        {
            return false;
        }

        if (JsonSerializer.Serialize(stored.Values) == JsonSerializer.Serialize(current))
        {
            await Clear();
            return false;
        }

        Offer = stored;
        return true;
    }

    /// <summary>Writes the values while they differ from the record, removes the draft once they do not.</summary>
    private async Task Keep(Dictionary<string, string?> values, bool changed)
    {
        if (!_loaded || Offer is not null)
        {
            return;
        }

        if (!changed)
        {
            if (_written is not null)
            {
                await Clear();
            }

            return;
        }

        var json = JsonSerializer.Serialize(values);
        if (json != _written)
        {
            _written = json;
            var key = await Key();
            await Js(async () =>
            {
                await js.InvokeVoidAsync("leadwerk.drafts.write", key, values);
                return true;
            });
        }
    }

    public Dictionary<string, string?>? TakeOffer()
    {
        var values = Offer?.Values;
        Offer = null;
        return values;
    }

    public async Task Clear()
    {
        Offer = null;
        _written = null;
        var key = await Key();
        await Js(async () =>
        {
            await js.InvokeVoidAsync("leadwerk.drafts.clear", key);
            return true;
        });
    }

    public static int? Int(Dictionary<string, string?> values, string name) =>
        int.TryParse(values.GetValueOrDefault(name), out var value) ? value : null;

    // A circuit that is going away cannot reach the browser; the draft written last stays there.
    private static async Task<T?> Js<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JSDisconnectedException)
        {
            return default;
        }
    }
}
