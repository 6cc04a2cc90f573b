using System.Globalization;
using System.Linq.Expressions;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.FollowUps;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Board;

/// <summary>
/// A selection of persons as columns (F6, B1): counts come from one GROUP BY over the selection,
/// cards from a keyset page per column, moves from <see cref="PersonService"/> on channel board.
/// </summary>
public sealed class BoardService(LeadwerkDbContext db, SelectionService selections, SearchService search, CriteriaCompiler compiler,
    PersonService persons, TimeProvider time, UserTime userTime)
{
    public const int DefaultCards = 25;

    private static readonly string[] CardColumns =
        ["person.firstName", "person.lastName", "company.name", "person.category", "person.owner", "person.leadStatus", "person.leadStatusChangedAt", "person.createdAt"];

    public async Task<BoardView> View(int selectionId, BoardQuery query, Actor user)
    {
        var (group, persons) = await Persons(selectionId, query, user);
        var counts = await Counts(persons, group);
        var kept = await KeptCounts(persons, group);
        var lookups = await search.Lookups();
        var columns = new List<BoardColumn>();
        foreach (var (key, name, description, deleted) in await ColumnValues(group, counts))
        {
            var count = counts.GetValueOrDefault(key);
            if (query.HideEmpty && count == 0)
            {
                continue;
            }

            var cards = count == 0 ? new BoardCards([], null) : await Cards(persons, group, key, query, null, lookups, user);
            columns.Add(new BoardColumn(key, name, description, count, deleted, cards.Items, cards.NextCursor) { Kept = kept.GetValueOrDefault(key) });
        }

        return new BoardView(GroupKey(group), columns);
    }

    public async Task<BoardCards> ColumnCards(int selectionId, string key, BoardQuery query, string? cursor, Actor user)
    {
        var (group, persons) = await Persons(selectionId, query, user);
        return await Cards(persons, group, key, query, cursor, await search.Lookups(), user);
    }

    /// <summary>
    /// Moves a card through the same rules as every other channel; a stale card is refused (412).
    /// The counts come back for the board as it is filtered (<paramref name="view"/>), so a filtered
    /// board can show them as they are.
    /// </summary>
    public async Task<BoardMoved> Move(int selectionId, BoardMove move, Actor user, BoardQuery? view = null)
    {
        var query = (view ?? new BoardQuery()) with { GroupBy = move.GroupBy };
        var (group, members) = await Persons(selectionId, new BoardQuery(move.GroupBy), user);
        var shown = Filtered(members, query, user);
        if (!await members.AnyAsync(p => p.Id == move.PersonId))
        {
            throw DomainException.NotFound(L.T("The person is not on this board.", "De persoon staat niet op dit bord."));
        }

        int? target = move.ToKey == BoardKeys.None ? null
            : int.TryParse(move.ToKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw DomainException.Invalid("toKey", L.T("Unknown column.", "Onbekende kolom."));
        var changes = group switch
        {
            BoardGroup.LeadStatus => new PersonChanges { LeadStatusId = target },
            BoardGroup.Category => new PersonChanges { CategoryId = target },
            _ => new PersonChanges { OwnerId = target },
        };

        // The rules of every channel decide (LeadTransitions); the scope's actor is on channel board.
        var moved = await persons.Update(move.PersonId, changes, move.Version);

        // The card is read outside the selection: after the move a dynamic selection may no longer hold it.
        var lookups = await search.Lookups();
        var card = (await Cards(db.Persons.Where(p => p.Id == move.PersonId), group, null, query, null, lookups, user)).Items.Single();
        var counts = await Counts(shown, group);
        var kept = await KeptCounts(shown, group);
        var onBoard = await shown.AnyAsync(p => p.Id == move.PersonId);
        return new BoardMoved(card, counts.Select(c => new ColumnCount(c.Key, c.Value) { Kept = kept.GetValueOrDefault(c.Key) }).ToList(), onBoard)
        {
            Suggestions = moved.Suggestions ?? [],
        };
    }

    private async Task<(BoardGroup Group, IQueryable<Person> Persons)> Persons(int selectionId, BoardQuery query, Actor user)
    {
        var selection = await selections.Visible(selectionId, user);
        if (selection.Entity != Entities.Person)
        {
            throw DomainException.Conflict(ErrorCodes.InvalidCriteria, L.T(
                "Only a selection of persons can be shown as a board.", "Alleen een selectie van personen kan als bord worden getoond."));
        }

        return (ParseGroup(query.GroupBy), Filtered(selections.PersonQuery(selection, user), query, user));
    }

    private IQueryable<Person> Filtered(IQueryable<Person> persons, BoardQuery query, Actor user) =>
        BoardFilters.Of(query) is { } filters ? persons.Where(compiler.Compile<Person>(filters, user.UserId)) : persons;

    private static async Task<Dictionary<string, int>> Counts(IQueryable<Person> persons, BoardGroup group)
    {
        var rows = await persons.GroupBy(Selector(group)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return rows.ToDictionary(r => BoardKeys.Key(r.Key), r => r.Count);
    }

    /// <summary>
    /// Per lead status column, the persons whose status is a kept value (R6: their category no longer
    /// has active statuses): they are counted in the column, locked, and shown apart ("4 not in use").
    /// </summary>
    private static async Task<Dictionary<string, int>> KeptCounts(IQueryable<Person> persons, BoardGroup group) =>
        group == BoardGroup.LeadStatus ? await Counts(persons.Where(LeadRules.KeptStatus), group) : [];

    /// <summary>Every value of the list in rank order, empty ones too; a deleted value still held gets a column.</summary>
    private async Task<List<(string Key, string Name, string? Description, bool Deleted)>> ColumnValues(BoardGroup group, Dictionary<string, int> counts)
    {
        var columns = new List<(string Key, string Name, string? Description, bool Deleted)>();
        switch (group)
        {
            case BoardGroup.LeadStatus:
                foreach (var s in await db.LeadStatuses.AsNoTracking().OrderBy(s => s.Rank).ThenBy(s => s.Id).ToListAsync())
                {
                    if (!s.Deleted || counts.ContainsKey(BoardKeys.Key(s.Id)))
                    {
                        columns.Add((BoardKeys.Key(s.Id), s.Name, s.Description, s.Deleted));
                    }
                }

                break;
            case BoardGroup.Category:
                foreach (var c in await db.Categories.AsNoTracking().OrderBy(c => c.Rank).ThenBy(c => c.Id).ToListAsync())
                {
                    if (!c.Deleted || counts.ContainsKey(BoardKeys.Key(c.Id)))
                    {
                        columns.Add((BoardKeys.Key(c.Id), c.Name, c.Description, c.Deleted));
                    }
                }

                break;
            default:
                foreach (var u in await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync())
                {
                    if (!u.Disabled || counts.ContainsKey(BoardKeys.Key(u.Id)))
                    {
                        columns.Add((BoardKeys.Key(u.Id), u.DisplayName, null, u.Disabled));
                    }
                }

                break;
        }

        if (counts.ContainsKey(BoardKeys.None) || group == BoardGroup.Owner)
        {
            columns.Add((BoardKeys.None, group switch
            {
                BoardGroup.LeadStatus => L.T("No lead status", "Geen leadstatus"),
                BoardGroup.Category => L.T("No category", "Geen categorie"),
                _ => L.T("No contact person", "Geen contactpersoon"),
            }, null, false));
        }

        return columns;
    }

    private async Task<BoardCards> Cards(IQueryable<Person> persons, BoardGroup group, string? key, BoardQuery query, string? cursor, Lookups lookups,
        Actor user)
    {
        if (key is not null)
        {
            int? id = key == BoardKeys.None ? null
                : int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
                : throw DomainException.NotFound(L.T("Unknown column.", "Onbekende kolom."));
            var x = Expression.Parameter(typeof(Person), "x");
            var selector = CriteriaCompiler.Inline(Selector(group), x);
            persons = persons.Where(Expression.Lambda<Func<Person, bool>>(Expression.Equal(selector, CriteriaCompiler.Parameter(id)), x));
        }

        var sort = query.Sort switch
        {
            null or "" or "name" => "person.lastName",
            "created" => "-person.createdAt",
            "daysInStatus" => "person.leadStatusChangedAt",
            "nextFollowUp" => "person.nextFollowUp",
            _ => throw DomainException.Invalid("sort", L.T("sort must be name, created, daysInStatus or nextFollowUp.",
                "sort moet name, created, daysInStatus of nextFollowUp zijn.")),
        };
        var page = await search.Page(Entities.Person, persons, CardColumns, sort, query.Limit ?? DefaultCards, cursor, false);
        var ids = page.Items.Select(i => (int)i["id"]!).ToList();

        // One query for the page's versions and next follow-ups; "timed" says whether the earliest
        // open one has a time, which decides when it counts as overdue.
        var extras = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new CardExtras(p.Id, p.Version, p.NextFollowUpAt,
                db.FollowUps.Any(f => f.PersonId == p.Id && f.CompletedAt == null && f.DueAt == p.NextFollowUpAt && !f.AllDay)))
            .ToDictionaryAsync(p => p.Id);
        var now = time.GetUtcNow().UtcDateTime;
        var zone = await userTime.ZoneOf(user.UserId);
        return new BoardCards(page.Items.Select(item => Card(item, group, extras, lookups, now, zone)).ToList(), page.NextCursor);
    }

    private sealed record CardExtras(int Id, int Version, DateTime? NextFollowUpAt, bool Timed);

    /// <summary>
    /// The columns a card may move to are those the lead rules allow (<see cref="LeadRules"/>), so
    /// drag and drop and the keyboard menu offer exactly what a move would accept. A card that may
    /// go nowhere is locked, with the rules' own reason (R6, R1, R7).
    /// </summary>
    private static BoardCard Card(Dictionary<string, object?> item, BoardGroup group, Dictionary<int, CardExtras> extras, Lookups lookups, DateTime now,
        TimeZoneInfo zone)
    {
        var id = (int)item["id"]!;
        var category = item["person.categoryId"] is int c ? lookups.Categories.GetValueOrDefault(c) : null;
        var since = item["person.leadStatusChangedAt"] as DateTime? ?? (DateTime)item["person.createdAt"]!;
        var companyId = item["person.companyId"] as int?;
        var companyName = item["company.name"] as string;
        var (targets, lockedReason) = group switch
        {
            BoardGroup.LeadStatus => (Keys(LeadRules.StatusTargets(category, item["person.leadStatusId"] as int?,
                lookups.Statuses.Values.OrderBy(s => s.Rank).ThenBy(s => s.Id)).Select(s => s.Id)), LeadRules.StatusLock(category)),
            BoardGroup.Category => (Keys(LeadRules.CategoryTargets(category?.Id, companyId,
                lookups.Categories.Values.OrderBy(x => x.Rank).ThenBy(x => x.Id)).Select(x => x.Id)), LeadRules.CategoryLock(companyId, companyName)),
            _ => (OwnerTargets(item["person.ownerId"] as int?, lookups), null),
        };
        var extra = extras.GetValueOrDefault(id);
        var next = extra?.NextFollowUpAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
        // The same rule as a follow-up's own "overdue": a timed one once its moment has passed, an all-day one once its day has.
        var overdue = next is { } due && due < now && (extra!.Timed || due < UserTime.Days(now, zone).TodayStart);
        return new BoardCard(
            id, $"{item["person.firstName"]} {item["person.lastName"]}".Trim(), companyId, companyName,
            item["person.category"] as string, item["person.owner"] as string, Math.Max(0, (int)(now - since).TotalDays),
            item["person.leadStatus"] as string, lockedReason is not null, lockedReason, extra?.Version ?? 0, targets,
            next, next is { } day ? UserTime.DayOf(day, zone) : null, overdue);
    }

    private static List<string> Keys(IEnumerable<int> ids) => ids.Select(id => BoardKeys.Key(id)).ToList();

    /// <summary>Any user who may own records (UserService.ValidOwner: not disabled), or nobody.</summary>
    private static List<string> OwnerTargets(int? current, Lookups lookups) =>
    [
        .. lookups.Users.Values.Where(u => !u.Disabled && u.Id != current).OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => BoardKeys.Key(u.Id)),
        .. current is null ? [] : new[] { BoardKeys.None },
    ];

    private static Expression<Func<Person, int?>> Selector(BoardGroup group) => group switch
    {
        BoardGroup.LeadStatus => p => p.LeadStatusId,
        BoardGroup.Category => p => p.CategoryId,
        _ => p => p.OwnerId,
    };

    private static BoardGroup ParseGroup(string? groupBy) => groupBy switch
    {
        null or "" or "leadStatus" => BoardGroup.LeadStatus,
        "category" => BoardGroup.Category,
        "owner" => BoardGroup.Owner,
        _ => throw DomainException.Invalid("groupBy", L.T("groupBy must be leadStatus, category or owner.", "groupBy moet leadStatus, category of owner zijn.")),
    };

    private static string GroupKey(BoardGroup group) => group switch
    {
        BoardGroup.LeadStatus => "leadStatus",
        BoardGroup.Category => "category",
        _ => "owner",
    };
}
