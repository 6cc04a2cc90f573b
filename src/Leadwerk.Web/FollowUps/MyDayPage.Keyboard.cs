using Microsoft.AspNetCore.Components.Web;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// My day on the keyboard: one selected row, which j and k move along with the focus (only that row
/// is a Tab stop); x, s, o and Enter act on it. Rows register themselves so the page can focus one.
/// </summary>
public sealed partial class MyDayPage
{
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending && _selectedId is { } id && _rows.TryGetValue(id, out var row))
        {
            _focusPending = false;
            await row.Focus();
        }
    }

    public void Register(MyDayRow row) => _rows[row.FollowUp.Id] = row;

    public void Unregister(MyDayRow row)
    {
        if (_rows.TryGetValue(row.FollowUp.Id, out var known) && ReferenceEquals(known, row))
        {
            _rows.Remove(row.FollowUp.Id);
        }
    }

    /// <summary>Focus on a row or one of its buttons selects it, so the keys act where the user is.</summary>
    public void Select(int id)
    {
        if (_selectedId != id)
        {
            _selectedId = id;
            StateHasChanged();
        }
    }

    /// <summary>Whether the row itself (not one of its buttons or links) has the focus: only then is Enter the row's.</summary>
    public void RowFocus(int id, bool focused) => _focusedRowId = focused ? id : _focusedRowId == id ? null : _focusedRowId;

    private async Task OnKey(KeyboardEventArgs e)
    {
        if (_dialogOpen || _view is null || e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }

        var selected = _view.Rows.FirstOrDefault(r => r.Id == _selectedId);
        switch (e.Key)
        {
            case "j":
                Move(1);
                break;
            case "k":
                Move(-1);
                break;
            case "x" when selected is not null:
                await Complete(selected);
                break;
            case "s" when selected is not null:
                await Reschedule(selected, 1);
                break;
            case "o" when selected is not null:
            case "Enter" when selected is not null && _focusedRowId == selected.Id:
                Toggle(selected);
                break;
        }
    }

    private void Move(int by)
    {
        var rows = _view!.Rows.ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var at = rows.FindIndex(r => r.Id == _selectedId);
        var next = at < 0 ? 0 : Math.Clamp(at + by, 0, rows.Count - 1);
        _selectedId = rows[next].Id;
        _focusPending = true;
    }
}
