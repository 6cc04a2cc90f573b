using Leadwerk.Web.Common;
using Leadwerk.Web.Components;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Selections;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Leadwerk.Web.Board;

/// <summary>
/// A selection of persons as a board (F6): columns and counts from the server, cards moved by
/// dragging or with the "Move to" menu through <see cref="BoardService.Move"/>, which applies the
/// same rules as every channel and records channel board.
/// </summary>
public sealed partial class BoardPage
{
    private readonly List<BoardColumnState> _columns = [];
    private readonly List<BoardItem> _items = [];
    private SelectionDto? _selection;
    private string? _notFound;
    private BoardSettings _settings = new();
    private List<User> _users = [];
    private List<Category> _categories = [];
    private List<LeadStatus> _statuses = [];
    private MudDropContainer<BoardItem>? _container;
    private string? _groupBy;
    private string? _error;
    private string? _announcement;
    private bool _loading;
    private int? _focusPersonId;

    // Answers can come back out of order while someone changes filters: only the latest may fill the board.
    private int _load;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private UiActions Ui { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private Automation.SuggestionsNotifier Suggestions { get; set; } = default!;

    private string Title => _selection is null ? L.T("Board", "Bord") : $"{_selection.Name} – {L.T("Board", "Bord")}";

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Ui.Actor();
        try
        {
            _selection = await Ui.Run<SelectionService, SelectionDto>(s => s.Get(Id, actor));
            _notFound = null;
        }
        catch (DomainException e) when (e.Status == 404)
        {
            _selection = null;
            _notFound = e.Message;
            return;
        }

        var userId = await Ui.UserId();
        _settings = await Ui.Run<UserSettings, BoardSettings?>(s => s.Get<BoardSettings>(userId, BoardSettings.Key(Id))) ?? new();
        _users = (await Ui.Run<UserService, List<User>>(s => s.List())).Where(u => !u.Disabled).ToList();
        _categories = await Ui.Run<ListService, List<Category>>(s => s.Categories());
        _statuses = await Ui.Run<ListService, List<LeadStatus>>(s => s.LeadStatuses());
        await LoadBoard();
    }

    private async Task ApplySettings(BoardSettings settings)
    {
        _settings = settings;
        var userId = await Ui.UserId();
        try
        {
            await Ui.Run<UserSettings>(s => s.Set(userId, BoardSettings.Key(Id), settings));
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }

        await LoadBoard();
    }

    private async Task LoadBoard()
    {
        var load = ++_load;
        var query = _settings.ToQuery();
        _loading = true;
        _error = null;
        try
        {
            var actor = await Ui.Actor();
            var view = await Ui.Read<BoardService, BoardView>(s => s.View(Id, query, actor));
            if (load != _load)
            {
                return;
            }

            _groupBy = view.GroupBy;
            _columns.Clear();
            _columns.AddRange(view.Columns.Select(c => new BoardColumnState(c)));
            _items.Clear();
            _items.AddRange(view.Columns.SelectMany(c => c.Cards.Select(card => new BoardItem(card, c.Key))));
        }
        catch (DomainException e) when (load == _load)
        {
            _error = e.Message;
            _columns.Clear();
            _items.Clear();
        }
        finally
        {
            if (load == _load)
            {
                _loading = false;
            }
        }

        _container?.Refresh();
    }

    private async Task LoadMore(BoardColumnState column)
    {
        var load = _load;
        var cursor = column.NextCursor;
        var query = _settings.ToQuery() with { GroupBy = _groupBy };
        column.Loading = true;
        try
        {
            var actor = await Ui.Actor();
            var page = await Ui.Read<BoardService, BoardCards>(s => s.ColumnCards(Id, column.Key, query, cursor, actor));
            if (load != _load)
            {
                return;
            }

            // A card moved here earlier may come again in a later page: it stays once.
            var shown = _items.Select(i => i.Card.PersonId).ToHashSet();
            _items.AddRange(page.Items.Where(c => !shown.Contains(c.PersonId)).Select(c => new BoardItem(c, column.Key)));
            column.NextCursor = page.NextCursor;
        }
        catch (DomainException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            column.Loading = false;
        }

        _container?.Refresh();
    }

    private static bool InColumn(BoardItem item, string column) => item.Column == column;

    private static string HeadingId(BoardColumnState column) => $"board-column-{column.Key}";

    /// <summary>Where a card may go, by drag or keyboard: the columns the server's rules allow it (card.Targets), as shown now.</summary>
    private IReadOnlyList<BoardColumnState> Targets(BoardItem item) => _columns
        .Where(c => c.Key != item.Column && item.Card.Targets.Contains(c.Key))
        .ToList();

    private static bool CanDrop(BoardItem item, string column) => item.Column == column || item.Card.Targets.Contains(column);

    private Task Dropped(MudItemDropInfo<BoardItem> drop) =>
        drop.Item is { } item ? Move(item, drop.DropzoneIdentifier, keyboard: false) : Task.CompletedTask;

    private Task MoveWithKeyboard(BoardItem item, string toKey) => Move(item, toKey, keyboard: true);

    /// <summary>Shows the card in its new column at once; the server's answer confirms it or puts it back.</summary>
    private async Task Move(BoardItem item, string toKey, bool keyboard)
    {
        if (item.Column == toKey || item.Card.Locked || _groupBy is null)
        {
            _container?.Refresh();
            return;
        }

        var from = item.Column;
        var fromIndex = _items.IndexOf(item);
        var name = item.Card.Name;
        var targetName = _columns.FirstOrDefault(c => c.Key == toKey)?.Name ?? toKey;
        Place(item, toKey, 0);
        _container?.Refresh();

        var move = new BoardMove(item.Card.PersonId, _groupBy, toKey, item.Card.Version);
        var query = _settings.ToQuery() with { GroupBy = _groupBy };
        try
        {
            var actor = await Ui.Actor(Channel.Board);
            var moved = await Ui.Run<BoardService, BoardMoved>(s => s.Move(Id, move, actor, query), Channel.Board);
            item.Card = moved.Card;
            foreach (var column in _columns)
            {
                var count = moved.Counts.FirstOrDefault(c => c.Key == column.Key);
                (column.Count, column.Kept) = (count?.Count ?? 0, count?.Kept ?? 0);
            }

            // R16: a rule that asks first proposes a company category; accepting may change cards on this board.
            if (await Suggestions.Ask(moved.Suggestions))
            {
                await LoadBoard();
                return;
            }

            if (moved.OnBoard)
            {
                _announcement = L.T($"{name} moved to {targetName}.", $"{name} verplaatst naar {targetName}.");
                _focusPersonId = keyboard ? item.Card.PersonId : null;
            }
            else
            {
                _items.Remove(item);
                _announcement = L.T(
                    $"{name} moved to {targetName}; it no longer fits this board's selection or filters, so it is not shown.",
                    $"{name} verplaatst naar {targetName}; de persoon past niet meer bij de selectie of de filters van dit bord en wordt niet meer getoond.");
                Snackbar.Add(_announcement, Severity.Info);
            }
        }
        catch (DomainException e) when (e.Status is 412 or 404)
        {
            // Someone else changed (or removed) the person: show the board as it is now instead of guessing.
            Snackbar.Add(e.Status == 412
                ? L.T($"{name} was changed by someone else in the meantime, so it was not moved. The board now shows the latest data; try again.",
                    $"{name} is intussen door iemand anders gewijzigd en is dus niet verplaatst. Het bord toont nu de laatste gegevens; probeer het opnieuw.")
                : e.Message, Severity.Warning);
            await LoadBoard();
            return;
        }
        catch (DomainException e)
        {
            Place(item, from, fromIndex);
            _announcement = e.Message;
            _focusPersonId = keyboard ? item.Card.PersonId : null;
            Snackbar.Add(e.Message, Severity.Warning);
        }

        _container?.Refresh();
    }

    /// <summary>Puts a card in a column: at the top of it (index 0), or back where it was.</summary>
    private void Place(BoardItem item, string column, int index)
    {
        _items.Remove(item);
        item.Column = column;
        var at = index == 0 ? _items.FindIndex(i => i.Column == column) : Math.Min(index, _items.Count);
        _items.Insert(at < 0 ? _items.Count : at, item);
    }
}
