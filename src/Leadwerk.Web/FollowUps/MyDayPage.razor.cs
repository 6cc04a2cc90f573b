using Leadwerk.Web.Automation;
using Leadwerk.Web.Common;
using Leadwerk.Web.Components;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Leadwerk.Web.FollowUps;

/// <summary>
/// My day (F15): the open follow-ups of the user (or, for an admin, of a colleague), overdue, today
/// and the next 7 days, with complete, reschedule and the person inline; j/k/x/s/o on the keyboard.
/// </summary>
public sealed partial class MyDayPage
{
    private const int MoreAtOnce = 100;

    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private readonly Dictionary<int, MyDayRow> _rows = [];
    private readonly HashSet<int> _expanded = [];
    private MyDayView? _view;
    private string? _error;
    private IReadOnlyList<(int Id, string Name)> _types = [];
    private IReadOnlyList<(int Id, string Name)> _users = [];
    private int _me;
    private bool _isAdmin;
    private int _typeId;
    private int _ownerId;
    private int? _selectedId;
    private int? _focusedRowId;
    private bool _focusPending;
    private bool _dialogOpen;

    [Inject]
    private UiActions Ui { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private SuggestionsNotifier Suggestions { get; set; } = default!;

    [Inject]
    private FollowUpsChanged Changes { get; set; } = default!;

    public int? SelectedId => _selectedId;

    public bool IsExpanded(int id) => _expanded.Contains(id);

    private bool ShowOwner => _ownerId != _me;

    private string Subtitle
    {
        get
        {
            var day = _view!.Day.Today.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);
            var whose = ShowOwner ? $" · {_users.FirstOrDefault(u => u.Id == _ownerId).Name}" : "";
            return $"{day} · {_view.Day.TimeZone}{whose}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        Changes.Changed += Reload;
        _me = await Ui.UserId();
        _ownerId = _me;
        _isAdmin = await Ui.IsAdmin();
        var types = await Ui.Run<ListService, List<FollowUpType>>(l => l.FollowUpTypes(includeDeleted: false));
        _types = [.. types.Select(t => (t.Id, t.Name))];
        if (_isAdmin)
        {
            var users = await Ui.Run<UserService, List<User>>(u => u.List());
            _users = [.. users.Where(u => !u.Disabled || u.Id == _me).Select(u => (u.Id, u.DisplayName))];
        }

        await Load();
    }

    public void Dispose() => Changes.Changed -= Reload;

    private async Task Load()
    {
        try
        {
            var ownerId = _ownerId == _me ? (int?)null : _ownerId;
            var typeId = _typeId == 0 ? (int?)null : _typeId;
            var day = await Ui.Run<FollowUpService, MyDayDto>(s => s.Day(ownerId, typeId));
            _view = new MyDayView(day);
            if (_view.Rows.All(r => r.Id != _selectedId))
            {
                _selectedId = _view.Rows.FirstOrDefault()?.Id;
            }
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task Reload(object? by)
    {
        if (!ReferenceEquals(by, this))
        {
            await Load();
            await InvokeAsync(StateHasChanged);
        }
    }

    private async Task FilterChanged((int TypeId, int OwnerId) filter)
    {
        (_typeId, _ownerId) = filter;
        _expanded.Clear();
        _selectedId = null;
        await Load();
    }

    public async Task ShowMore(MyDaySection section)
    {
        try
        {
            var filter = new FollowUpFilter(OwnerId: _ownerId, Due: section.Due, TypeId: _typeId == 0 ? null : _typeId);
            var cursor = FollowUpService.CursorAfter(section.Items[^1]);
            var page = await Ui.Run<FollowUpService, Page<FollowUpDto>>(s => s.List(filter, MoreAtOnce, cursor));
            section.Items.AddRange(page.Items);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }

        StateHasChanged();
    }

    public void Toggle(FollowUpDto f)
    {
        _selectedId = f.Id;
        if (!_expanded.Remove(f.Id))
        {
            _expanded.Add(f.Id);
        }

        StateHasChanged();
    }

    public async Task Complete(FollowUpDto f)
    {
        var parameters = new DialogParameters<CompleteFollowUpDialog> { { d => d.FollowUp, f } };
        await InDialog(f, async () =>
        {
            var dialog = await Dialogs.ShowAsync<CompleteFollowUpDialog>(L.T("Mark as done", "Afronden"), parameters, DialogOptions);
            if (await dialog.Result is { Canceled: false, Data: FollowUpCompleted done })
            {
                Snackbar.Add(done.Next is { } next
                    ? L.T($"“{f.Title}” is done; next: {FollowUpFormat.Due(next, _view!.Zone)}.", $"“{f.Title}” is afgerond; volgende: {FollowUpFormat.Due(next, _view!.Zone)}.")
                    : L.T($"“{f.Title}” is done.", $"“{f.Title}” is afgerond."), Severity.Success);
                await Suggestions.Ask(done.Suggestions);
                return true;
            }

            return false;
        });
    }

    public async Task Pick(FollowUpDto f)
    {
        var parameters = new DialogParameters<FollowUpDialog> { { d => d.FollowUp, f } };
        await InDialog(f, async () =>
        {
            var dialog = await Dialogs.ShowAsync<FollowUpDialog>(L.T("Reschedule follow-up", "Vervolgactie verplaatsen"), parameters, DialogOptions);
            if (await dialog.Result is { Canceled: false, Data: FollowUpDto saved })
            {
                Snackbar.Add(L.T($"“{saved.Title}” moved to {FollowUpFormat.Due(saved, _view!.Zone)}.",
                    $"“{saved.Title}” verplaatst naar {FollowUpFormat.Due(saved, _view!.Zone)}."), Severity.Success);
                return true;
            }

            return false;
        });
    }

    public async Task Reschedule(FollowUpDto f, int days)
    {
        _selectedId = f.Id;
        try
        {
            var now = await Ui.Run<UserTime, DateTime>(t => Task.FromResult(t.UtcNow));
            var changes = FollowUpReschedule.By(f, days, _view!.Zone, now);
            var saved = await Ui.Run<FollowUpService, FollowUpDto>(s => s.Update(f.Id, changes, f.Version));
            _error = null;
            Snackbar.Add(L.T($"“{saved.Title}” moved to {FollowUpFormat.Due(saved, _view.Zone)}.",
                $"“{saved.Title}” verplaatst naar {FollowUpFormat.Due(saved, _view.Zone)}."), Severity.Success);
            await Changed();
        }
        catch (DomainException e)
        {
            _error = e.Message;
            await Load();
            StateHasChanged();
        }
    }

    /// <summary>While a dialog is open the keys rest; afterwards the lists and counts are read again and the focus returns to the list.</summary>
    private async Task InDialog(FollowUpDto f, Func<Task<bool>> show)
    {
        _selectedId = f.Id;
        _dialogOpen = true;
        try
        {
            if (await show())
            {
                _error = null;
                await Changed();
            }
            else
            {
                _focusPending = true;
            }
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            // Called from a row's button too, whose render would not include the page.
            _dialogOpen = false;
            StateHasChanged();
        }
    }

    /// <summary>
    /// The selection stays at its place in the list, so after a row is done or moved away the next
    /// one takes the selection and the focus, as in working through an inbox.
    /// </summary>
    private async Task Changed()
    {
        var place = _view!.Rows.ToList().FindIndex(r => r.Id == _selectedId);
        await Load();
        var rows = _view.Rows.ToList();
        if (place >= 0 && rows.Count > 0)
        {
            _selectedId = rows[Math.Min(place, rows.Count - 1)].Id;
        }

        _focusPending = rows.Count > 0;
        StateHasChanged();
        await Changes.Notify(this);
    }
}
