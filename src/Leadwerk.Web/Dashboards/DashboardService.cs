using Leadwerk.Web.Common;
using Leadwerk.Web.Data;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Selections;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// Dashboards (F8): the seeded "Leads" one for everyone, and users' own, private or shared. Anyone
/// may read what they can see; the owner edits their own, admins the seeded one and any shared one.
/// </summary>
public sealed class DashboardService(LeadwerkDbContext db, TileEngine engine)
{
    public async Task<List<DashboardSummary>> List(Actor actor)
    {
        var rows = await Visible(actor).Include(d => d.Owner).OrderBy(d => d.Key == null).ThenBy(d => d.NameEn).ToListAsync();
        return [.. rows.Select(d => new DashboardSummary(d.Id, d.Key, L.Pick(d.NameEn, d.NameNl), d.OwnerId, d.Owner?.DisplayName,
            VisibilityKey(d.Visibility), MayEdit(d, actor)))];
    }

    public async Task<DashboardDto> Get(int id, Actor actor) => ToDto(await Find(id, actor), actor);

    public async Task<int> SeededId() => await db.Dashboards.Where(d => d.Key == SeededDashboard.Key).Select(d => d.Id).FirstAsync();

    public async Task<DashboardDto> Create(DashboardRequest request, Actor actor)
    {
        var dashboard = new Dashboard { OwnerId = actor.UserId };
        Apply(dashboard, request);
        db.Dashboards.Add(dashboard);
        await db.SaveChangesAsync();
        return await Get(dashboard.Id, actor);
    }

    public async Task<DashboardDto> Update(int id, DashboardRequest request, int? expectedVersion, Actor actor)
    {
        var dashboard = await Editable(id, actor);
        Concurrency.Check(dashboard.Version, expectedVersion);
        Apply(dashboard, request);
        await Save();
        return await Get(id, actor);
    }

    public async Task Delete(int id, int? expectedVersion, Actor actor)
    {
        var dashboard = await Editable(id, actor);
        if (dashboard.Key is not null)
        {
            throw DomainException.Conflict(ErrorCodes.DashboardSeeded, L.T("The seeded Leads dashboard cannot be deleted; duplicate it to make your own.",
                "Het standaarddashboard Leads kan niet worden verwijderd; dupliceer het om een eigen te maken."));
        }

        Concurrency.Check(dashboard.Version, expectedVersion);
        db.Dashboards.Remove(dashboard);
        await Save();
    }

    public async Task<DashboardDto> Duplicate(int id, Actor actor)
    {
        var source = await Find(id, actor);
        var copy = new Dashboard
        {
            OwnerId = actor.UserId, NameEn = Copy(source.NameEn, "Copy of"), NameNl = Copy(source.NameNl, "Kopie van"),
            Visibility = Visibility.Private, Period = source.Period, TilesJson = source.TilesJson,
        };
        db.Dashboards.Add(copy);
        await db.SaveChangesAsync();
        return await Get(copy.Id, actor);
    }

    public async Task<TileData> Data(int dashboardId, string tileId, DashboardFilters filters, Actor actor)
    {
        var dashboard = await Find(dashboardId, actor);
        var tile = DashboardJson.Read(dashboard.TilesJson).FirstOrDefault(t => t.Id == tileId)
            ?? throw DomainException.NotFound(L.T("The tile was not found on this dashboard.", "De tegel staat niet op dit dashboard."));
        return await engine.Run(tile, filters, dashboard.Period, actor);
    }

    public Task<TileData> Evaluate(TileSpec? tile, DashboardFilters? filters, Actor actor) =>
        engine.Run(tile ?? throw DomainException.Invalid("tile", L.T("A tile is required.", "Een tegel is verplicht.")),
            filters ?? DashboardFilters.None, PeriodPresets.Last30Days, actor);

    /// <summary>The tiles a new one starts from: the seeded dashboard's.</summary>
    public static IReadOnlyList<TileSpec> Library() => [.. SeededDashboard.Tiles, .. SeededDashboard.AttributionTiles];

    /// <summary>Writes the seeded dashboard into a database that has none (new, or made before dashboards).</summary>
    public static async Task<bool> EnsureSeeded(LeadwerkDbContext db)
    {
        if (await db.Dashboards.AnyAsync(d => d.Key == SeededDashboard.Key))
        {
            return false;
        }

        db.Dashboards.Add(SeededDashboard.New());
        await db.SaveChangesAsync();
        return true;
    }

    private static void Apply(Dashboard dashboard, DashboardRequest request)
    {
        var (en, nl) = (Validation.Clean(request.Names?.En) ?? Validation.Clean(request.Name), Validation.Clean(request.Names?.Nl) ?? Validation.Clean(request.Name));
        (en, nl) = (en ?? nl, nl ?? en);
        var v = new Validation().Required("name", en, L.T("Name", "Naam"))
            .MaxLength("names.en", en, DashboardRules.NameMaxLength, L.T("Name", "Naam"))
            .MaxLength("names.nl", nl, DashboardRules.NameMaxLength, L.T("Name", "Naam"));
        var visibility = request.Visibility switch
        {
            null or "private" => Visibility.Private,
            "everyone" => Visibility.Everyone,
            _ => (Visibility?)null,
        };
        if (visibility is null)
        {
            v.Add("visibility", L.T("visibility must be private or everyone.", "visibility moet private of everyone zijn."));
        }

        if (request.Period is not null && (!PeriodPresets.All.Contains(request.Period) || request.Period == PeriodPresets.Custom))
        {
            v.Add("period", L.T("period must be a preset such as last30d.", "period moet een voorinstelling zijn, zoals last30d."));
        }

        var tiles = request.Tiles ?? [];
        if (tiles.Count > DashboardRules.MaxTiles)
        {
            v.Add("tiles", L.T($"A dashboard has at most {DashboardRules.MaxTiles} tiles.", $"Een dashboard heeft hoogstens {DashboardRules.MaxTiles} tegels."));
        }

        for (var i = 0; i < Math.Min(tiles.Count, DashboardRules.MaxTiles); i++)
        {
            TileCheck.Check(v, tiles[i], $"tiles[{i}].");
        }

        var ids = tiles.Select(t => t?.Id).OfType<string>().ToList();
        if (ids.Count != ids.Distinct().Count() || ids.Any(id => id.Length is 0 or > 40))
        {
            v.Add("tiles", L.T("Tile ids must be unique, 1 to 40 characters.", "Tegel-id's moeten uniek zijn, 1 tot 40 tekens."));
        }

        v.ThrowIfInvalid();
        (dashboard.NameEn, dashboard.NameNl, dashboard.Visibility) = (en!, nl!, visibility!.Value);
        dashboard.Period = request.Period ?? dashboard.Period;
        dashboard.TilesJson = DashboardJson.Write(tiles.Select(t => t with { Id = t.Id ?? NewTileId() }));
    }

    private static string NewTileId() => Guid.NewGuid().ToString("N")[..12];

    private static string Copy(string name, string prefix)
    {
        var copy = $"{prefix} {name}";
        return copy.Length > DashboardRules.NameMaxLength ? copy[..DashboardRules.NameMaxLength] : copy;
    }

    private IQueryable<Dashboard> Visible(Actor actor) =>
        db.Dashboards.AsNoTracking().Where(d => d.Key != null || d.OwnerId == actor.UserId || d.Visibility == Visibility.Everyone);

    /// <summary>A dashboard the user may see; another user's private one does not exist for them (404).</summary>
    private async Task<Dashboard> Find(int id, Actor actor) =>
        await Visible(actor).Include(d => d.Owner).FirstOrDefaultAsync(d => d.Id == id) ?? throw NotFound();

    private async Task<Dashboard> Editable(int id, Actor actor)
    {
        var dashboard = await db.Dashboards.FirstOrDefaultAsync(d => d.Id == id) ?? throw NotFound();
        if (!MayEdit(dashboard, actor))
        {
            if (dashboard.OwnerId != actor.UserId && dashboard.Visibility == Visibility.Private && dashboard.Key is null)
            {
                throw NotFound();
            }

            throw new DomainException(403, ErrorCodes.Forbidden, L.T("Only its owner (or an admin, for a shared one) can change this dashboard.",
                "Alleen de eigenaar (of een beheerder, bij een gedeeld dashboard) kan dit dashboard wijzigen."));
        }

        return dashboard;
    }

    private static bool MayEdit(Dashboard d, Actor actor) =>
        d.OwnerId == actor.UserId && d.Key is null || (actor.IsAdmin && (d.Key is not null || d.Visibility == Visibility.Everyone));

    private async Task Save()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(ErrorCodes.ConcurrencyConflict, L.T("Someone else changed this dashboard at the same time. Reload and try again.",
                "Iemand anders wijzigde dit dashboard tegelijkertijd. Laad opnieuw en probeer het nog eens."));
        }
    }

    private static string VisibilityKey(Visibility v) => v == Visibility.Everyone ? "everyone" : "private";

    private static DashboardDto ToDto(Dashboard d, Actor actor) => new(d.Id, d.Key, L.Pick(d.NameEn, d.NameNl), new LocalizedText(d.NameEn, d.NameNl),
        d.OwnerId, d.Owner?.DisplayName, VisibilityKey(d.Visibility), d.Period, DashboardJson.Read(d.TilesJson), MayEdit(d, actor), d.Version);

    private static DomainException NotFound() => DomainException.NotFound(L.T("The dashboard was not found.", "Het dashboard is niet gevonden."));
}
