using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Selections;

/// <summary>Selections for every feature that works on "a set of records" (F5, B6).</summary>
public sealed class SelectionService(LeadwerkDbContext db, SearchService search)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The user's own selections and those shared with everyone.</summary>
    public async Task<List<SelectionDto>> List(Actor user, string? entity = null)
    {
        var rows = await db.Selections.AsNoTracking().Include(s => s.Owner)
            .Where(s => s.OwnerId == user.UserId || s.Visibility == Visibility.Everyone)
            .Where(s => entity == null || s.Entity == entity)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync();
        var ids = rows.Where(s => s.Kind == SelectionKind.Static).Select(s => s.Id).ToList();
        var counts = await db.SelectionMembers.Where(m => ids.Contains(m.SelectionId))
            .GroupBy(m => m.SelectionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return rows.Select(s => ToDto(s, s.Kind == SelectionKind.Static ? counts.GetValueOrDefault(s.Id) : null)).ToList();
    }

    public async Task<SelectionDto> Get(int id, Actor user, bool count = false)
    {
        var selection = await Visible(id, user);
        return ToDto(selection, count || selection.Kind == SelectionKind.Static ? await CountMembers(selection, user) : null);
    }

    public async Task<SelectionDto> Create(SelectionRequest request, Actor user)
    {
        var v = new Validation();
        var name = Validation.Clean(request.Name);
        v.Required("name", name, L.T("Name", "Naam")).MaxLength("name", name, SelectionRules.NameMaxLength, L.T("Name", "Naam"))
            .MaxLength("description", request.Description, SelectionRules.DescriptionMaxLength, L.T("Description", "Omschrijving"));
        var kind = request.Kind?.ToLowerInvariant() switch
        {
            "static" => SelectionKind.Static,
            "dynamic" => SelectionKind.Dynamic,
            _ => (SelectionKind?)null,
        };
        if (kind is null)
        {
            v.Add("kind", L.T("kind must be static or dynamic.", "kind moet static of dynamic zijn."));
        }

        var visibility = ParseVisibility(v, request.Visibility);
        var entity = request.Criteria?.Entity ?? request.Entity ?? Entities.Person;
        if (!Entities.IsKnown(entity) || (request.Entity is not null && request.Criteria?.Entity is not null && request.Entity != request.Criteria.Entity))
        {
            v.Add("entity", L.T("entity must be person or company, the same as the criteria's.", "entity moet person of company zijn, gelijk aan die van de criteria."));
        }

        if (kind == SelectionKind.Dynamic && request.Criteria is null)
        {
            v.Add("criteria", L.T("A dynamic selection needs criteria.", "Een dynamische selectie heeft criteria nodig."));
        }

        if (kind == SelectionKind.Static && request.Criteria is not null && request.MemberIds is not null)
        {
            v.Add("memberIds", L.T("Give either criteria or memberIds, not both.", "Geef criteria of memberIds, niet beide."));
        }

        v.ThrowIfInvalid();
        if (request.Criteria is not null)
        {
            CriteriaCompiler.Validate(request.Criteria);
        }

        await UniqueName(name!, user.UserId!.Value, null);
        var selection = new Selection
        {
            Name = name!, Description = Validation.Clean(request.Description), Entity = entity, Kind = kind!.Value,
            CriteriaJson = request.Criteria is null ? null : JsonSerializer.Serialize(request.Criteria, Json),
            OwnerId = user.UserId!.Value, Visibility = visibility ?? Visibility.Private,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Selections.Add(selection);
        await db.SaveChangesAsync();
        if (kind == SelectionKind.Static)
        {
            var ids = request.Criteria is not null ? await MatchingIds(request.Criteria, user) : await Existing(entity, request.MemberIds ?? []);
            await AddMemberRows(selection.Id, ids);
        }

        await transaction.CommitAsync();
        return await Get(selection.Id, user);
    }

    /// <summary>One owner's selections have different names (case aside): a list of two "Hot leads" says nothing.</summary>
    private async Task UniqueName(string name, int ownerId, int? except)
    {
        var folded = name.ToLower();
        if (await db.Selections.AnyAsync(s => s.OwnerId == ownerId && s.Id != except && s.Name.ToLower() == folded))
        {
            throw DomainException.Conflict(ErrorCodes.NameNotUnique,
                L.T($"There is a selection named “{name}” already; choose another name.", $"Er is al een selectie met de naam “{name}”; kies een andere naam."), "name");
        }
    }

    /// <summary>Renames, re-describes, shares, or (dynamic) changes the criteria.</summary>
    public async Task<SelectionDto> Update(int id, SelectionRequest request, int? expectedVersion, Actor user)
    {
        var selection = await Editable(id, user, tracked: true);
        Concurrency.Check(selection.Version, expectedVersion);
        var v = new Validation();
        var name = Validation.Clean(request.Name) ?? selection.Name;
        v.MaxLength("name", name, SelectionRules.NameMaxLength, L.T("Name", "Naam"))
            .MaxLength("description", request.Description, SelectionRules.DescriptionMaxLength, L.T("Description", "Omschrijving"));
        var visibility = ParseVisibility(v, request.Visibility);
        v.ThrowIfInvalid();
        if (request.Criteria is not null)
        {
            if (CriteriaCompiler.Validate(request.Criteria) != selection.Entity)
            {
                throw DomainException.Invalid("criteria", L.T("The criteria must be for the selection's entity.", "De criteria moeten bij de entiteit van de selectie horen."));
            }

            selection.CriteriaJson = JsonSerializer.Serialize(request.Criteria, Json);
        }

        await UniqueName(name, selection.OwnerId, selection.Id);
        selection.Name = name;
        selection.Description = request.Description is null ? selection.Description : Validation.Clean(request.Description);
        selection.Visibility = visibility ?? selection.Visibility;
        await db.SaveChangesAsync();
        return await Get(id, user);
    }

    public async Task Delete(int id, int? expectedVersion, Actor user)
    {
        var selection = await Editable(id, user, tracked: true);
        Concurrency.Check(selection.Version, expectedVersion);
        db.Selections.Remove(selection);
        await db.SaveChangesAsync();
    }

    public async Task<MembersChanged> AddMembers(int id, List<int>? ids, Actor user) => await ChangeMembers(id, ids, user, add: true);

    public async Task<MembersChanged> RemoveMembers(int id, List<int>? ids, Actor user) => await ChangeMembers(id, ids, user, add: false);

    /// <summary>
    /// Adds everything that matches the criteria now to a static selection (Find's "Add to an
    /// existing static selection"), in one query for the new ids rather than page by page.
    /// </summary>
    public async Task<MembersChanged> AddMatches(int id, Criteria? criteria, Actor user)
    {
        var selection = await Editable(id, user, tracked: false);
        if (selection.Kind == SelectionKind.Dynamic)
        {
            throw DomainException.Conflict(ErrorCodes.SelectionIsDynamic, L.T(
                "Matches can only be added to a static selection.", "Treffers kunnen alleen aan een statische selectie worden toegevoegd."));
        }

        if (CriteriaCompiler.Validate(criteria) != selection.Entity)
        {
            throw DomainException.Invalid("criteria", L.T("The criteria must be for the selection's entity.", "De criteria moeten bij de entiteit van de selectie horen."));
        }

        var fresh = selection.Entity == Entities.Person
            ? await search.Persons(criteria!, user.UserId).Where(p => !db.SelectionMembers.Any(m => m.SelectionId == id && m.EntityId == p.Id))
                .Select(p => p.Id).ToListAsync()
            : await search.Companies(criteria!, user.UserId).Where(c => !db.SelectionMembers.Any(m => m.SelectionId == id && m.EntityId == c.Id))
                .Select(c => c.Id).ToListAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AddMemberRows(id, fresh);
        await db.Selections.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1));
        await transaction.CommitAsync();
        return new MembersChanged(fresh.Count, await CountMembers(selection, user));
    }

    /// <summary>The members, as a search result page: a dynamic selection re-runs its criteria now.</summary>
    public async Task<SearchResult> Members(int id, Actor user, IReadOnlyList<string>? columns, string? sort, int? limit, string? cursor, bool count = false)
    {
        var selection = await Visible(id, user);
        return selection.Entity == Entities.Person
            ? await search.Page(Entities.Person, PersonQuery(selection, user), columns, sort, limit, cursor, count)
            : await search.Page(Entities.Company, CompanyQuery(selection, user), columns, sort, limit, cursor, count);
    }

    /// <summary>The persons of a selection, for the board, bulk update and dashboards.</summary>
    public IQueryable<Person> PersonQuery(Selection selection, Actor user) => selection.Kind == SelectionKind.Dynamic
        ? search.Persons(CriteriaOf(selection)!, user.UserId)
        : db.Persons.Where(p => db.SelectionMembers.Any(m => m.SelectionId == selection.Id && m.EntityId == p.Id));

    public IQueryable<Companies.Company> CompanyQuery(Selection selection, Actor user) => selection.Kind == SelectionKind.Dynamic
        ? search.Companies(CriteriaOf(selection)!, user.UserId)
        : db.Companies.Where(c => db.SelectionMembers.Any(m => m.SelectionId == selection.Id && m.EntityId == c.Id));

    /// <summary>A selection the user may see; another user's private one does not exist for them (404).</summary>
    public async Task<Selection> Visible(int id, Actor user) =>
        await db.Selections.AsNoTracking().Include(s => s.Owner)
            .FirstOrDefaultAsync(s => s.Id == id && (s.OwnerId == user.UserId || s.Visibility == Visibility.Everyone))
        ?? throw NotFound();

    private async Task<MembersChanged> ChangeMembers(int id, List<int>? ids, Actor user, bool add)
    {
        var selection = await Editable(id, user, tracked: false);
        if (selection.Kind == SelectionKind.Dynamic)
        {
            throw DomainException.Conflict(ErrorCodes.SelectionIsDynamic, L.T(
                "A dynamic selection's members come from its criteria; change the criteria or save it as a static selection.",
                "De leden van een dynamische selectie komen uit de criteria; wijzig de criteria of bewaar haar als statische selectie."));
        }

        if (ids is null || ids.Count == 0 || ids.Count > SelectionRules.MaxMembersPerCall)
        {
            throw DomainException.Invalid("ids", L.T($"Give between 1 and {SelectionRules.MaxMembersPerCall} ids.",
                $"Geef tussen 1 en {SelectionRules.MaxMembersPerCall} id's."));
        }

        int changed;
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (add)
        {
            var existing = await Existing(selection.Entity, ids);
            var already = await db.SelectionMembers.Where(m => m.SelectionId == id && existing.Contains(m.EntityId)).Select(m => m.EntityId).ToListAsync();
            var fresh = existing.Except(already).ToList();
            await AddMemberRows(id, fresh);
            changed = fresh.Count;
        }
        else
        {
            var distinct = ids.Distinct().ToList();
            changed = await db.SelectionMembers.Where(m => m.SelectionId == id && distinct.Contains(m.EntityId)).ExecuteDeleteAsync();
        }

        await db.Selections.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1));
        await transaction.CommitAsync();
        return new MembersChanged(changed, await CountMembers(selection, user));
    }

    private async Task<Selection> Editable(int id, Actor user, bool tracked)
    {
        var query = tracked ? db.Selections : db.Selections.AsNoTracking();
        var selection = await query.FirstOrDefaultAsync(s => s.Id == id && (s.OwnerId == user.UserId || s.Visibility == Visibility.Everyone))
            ?? throw NotFound();
        if (selection.OwnerId != user.UserId && !user.IsAdmin)
        {
            throw new DomainException(403, ErrorCodes.Forbidden, L.T(
                "Only the owner of a shared selection (or an administrator) can change it.",
                "Alleen de eigenaar van een gedeelde selectie (of een beheerder) kan haar wijzigen."));
        }

        return selection;
    }

    private async Task<int> CountMembers(Selection selection, Actor user) => selection.Entity == Entities.Person
        ? await PersonQuery(selection, user).CountAsync()
        : await CompanyQuery(selection, user).CountAsync();

    private async Task<List<int>> MatchingIds(Criteria criteria, Actor user) => criteria.Entity == Entities.Person
        ? await search.Persons(criteria, user.UserId).Select(p => p.Id).ToListAsync()
        : await search.Companies(criteria, user.UserId).Select(c => c.Id).ToListAsync();

    /// <summary>Only ids of records that exist; unknown ids are left out rather than stored.</summary>
    private async Task<List<int>> Existing(string entity, List<int> ids)
    {
        var wanted = ids.Distinct().ToList();
        var found = new List<int>();
        foreach (var chunk in wanted.Chunk(1000))
        {
            found.AddRange(entity == Entities.Person
                ? await db.Persons.Where(p => chunk.Contains(p.Id)).Select(p => p.Id).ToListAsync()
                : await db.Companies.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync());
        }

        return found;
    }

    private async Task AddMemberRows(int selectionId, List<int> ids)
    {
        foreach (var chunk in ids.Chunk(1000))
        {
            db.SelectionMembers.AddRange(chunk.Select(e => new SelectionMember { SelectionId = selectionId, EntityId = e }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static Visibility? ParseVisibility(Validation v, string? visibility)
    {
        switch (visibility?.ToLowerInvariant())
        {
            case null:
                return null;
            case "private":
                return Visibility.Private;
            case "everyone":
                return Visibility.Everyone;
            default:
                v.Add("visibility", L.T("visibility must be private or everyone.", "visibility moet private of everyone zijn."));
                return null;
        }
    }

    public static Criteria? CriteriaOf(Selection selection) =>
        selection.CriteriaJson is null ? null : JsonSerializer.Deserialize<Criteria>(selection.CriteriaJson, Json);

    private static SelectionDto ToDto(Selection s, int? count) => new(
        s.Id, s.Name, s.Description, s.Entity, s.Kind.Key(), CriteriaOf(s), s.OwnerId, s.Owner.DisplayName, s.Visibility.Key(),
        count, s.CreatedAt, s.UpdatedAt, s.Version);

    private static DomainException NotFound() => DomainException.NotFound(L.T("The selection was not found.", "De selectie is niet gevonden."));
}
