using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Data;
using Leadwerk.Web.Leads;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Search;

public sealed record DataUser(int Id, string DisplayName);

/// <summary>A list value; <c>Active</c>: a category whose lead statuses are in use (R2).</summary>
public sealed record DataList(int Id, int Rank, int Group, bool Active = false);

public sealed record DataCompany(int Id, string Name, int CategoryId, int? OwnerId, string? Country, string? Email, string? OrgNumber, DateTime CreatedAt);

public sealed record DataPerson(
    int Id, string FirstName, string LastName, string? Email, string? Phone, string? Title, int? OwnerId, int? CompanyId,
    int? CategoryId, int? LeadStatusId, DateTime? LeadStatusChangedAt, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? NextFollowUpAt = null, int OpenFollowUps = 0, DateTime? LastActivityAt = null, string? RecordSource = null);

/// <summary>
/// A modest random data set (persons over a few companies, with nulls, empty strings, non-ASCII
/// and LIKE wildcards) written straight into the database, and kept in memory as the model that
/// the reference filter runs on. The seed is in every failure message, so a run can be replayed.
/// </summary>
public sealed class SearchDataSet
{
    private static readonly string[] FirstNames =
        ["Anna", "anna", "ANNA", "Ann", "Émile", "émile", "Zoë", "Jan", "Jan-Willem", "Łukasz", "Øyvind", "Bob", "bob", "Ñandú", "Ma[r]y*?"];

    private static readonly string[] LastNames =
        ["Bakker", "bakker", "de Vries", "De Vries", "Ökten", "Çelik", "Zwart", "Jansen", "O'Brien", "van der Berg", "Åberg", "Ürgüp"];

    private static readonly string?[] Titles = [null, null, "", "CEO", "ceo", "Inkoper", "50% Manager", "Head_of_Sales", "Directeur Général", "a\\b"];

    private static readonly string?[] Phones = [null, null, "", "+31 6 1234", "06-1234", "+49 30 999"];

    private static readonly string?[] Countries = [null, "", "NL", "nl", "Deutschland", "België"];

    private static readonly string[] CompanyNames = ["Bakker & Zn", "bakker BV", "Ökten GmbH", "Ølstad AS", "50%_Deals", "Zwart", "Émile Holding"];

    private static readonly string[] UserNames = ["Anna Bakker", "anna de Vries", "Émile Ökten", "Zoë Zwart"];

    public required int Seed { get; init; }

    /// <summary>Midnight UTC, long before any date in the data: "last N days" and "today" stay far from every boundary.</summary>
    public required DateTime Origin { get; init; }
    public required List<DataUser> Users { get; init; }
    public required Dictionary<int, DataList> Statuses { get; init; }
    public required Dictionary<int, DataList> Categories { get; init; }
    public required Dictionary<int, DataCompany> Companies { get; init; }
    public required List<DataPerson> Persons { get; init; }

    /// <summary>Every non-empty text in the data, for criteria values that hit.</summary>
    public required List<string> Texts { get; init; }

    public string? UserName(int? id) => id is null ? null : Users.Single(u => u.Id == id).DisplayName;

    public static async Task<SearchDataSet> Create(LeadwerkApp app, int seed)
    {
        var random = new Random(seed);
        var origin = DateTime.UtcNow.Date.AddDays(-2000);
        DateTime At() => origin.AddDays(random.Next(0, 1300)).AddSeconds(random.Next(0, 86_400));
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>();
        db.Actor.Set(Actor.System(Channel.Api));

        // A deleted status and category whose ranks tie with live ones: sorting must break ties by id.
        db.LeadStatuses.Add(new LeadStatus { NameEn = "Old", NameNl = "Oud", Rank = 3, Deleted = true });
        db.Categories.Add(new Category { NameEn = "Archived", NameNl = "Gearchiveerd", Group = CategoryGroup.Other, Rank = 5, Deleted = true });
        foreach (var name in UserNames)
        {
            var userName = Unique.Name("search").Replace(" ", "-");
            db.Users.Add(new User { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = name, PasswordHash = "-" });
        }

        await db.SaveChangesAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => new DataUser(u.Id, u.DisplayName)).ToListAsync();
        var statusIds = await db.LeadStatuses.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var categoryIds = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        int? Owner() => random.Next(4) == 0 ? null : Pick(users).Id;

        var companies = CompanyNames.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).Select(name => new Company
        {
            Name = name, CategoryId = Pick(categoryIds), OwnerId = Owner(), Country = Pick(Countries),
            Email = random.Next(3) == 0 ? null : $"info@{name.Length}.example", OrgNumber = random.Next(2) == 0 ? null : random.Next(1000, 9999).ToString(),
        }).ToList();
        db.Companies.AddRange(companies);
        await db.SaveChangesAsync();

        var persons = Enumerable.Range(0, random.Next(40, 81)).Select(_ =>
        {
            var company = random.Next(4) == 0 ? null : Pick(companies);
            var first = Pick(FirstNames);
            var last = Pick(LastNames);
            return new Person
            {
                CompanyId = company?.Id, FirstName = first, LastName = last,
                Email = random.Next(5) switch { 0 => null, 1 => "", _ => $"{first}.{last.Replace(" ", "")}@Example.com" },
                Phone = Pick(Phones), Title = Pick(Titles), OwnerId = Owner(),
                CategoryId = company?.CategoryId ?? (random.Next(3) == 0 ? null : Pick(categoryIds)),
                LeadStatusId = random.Next(4) == 0 ? null : Pick(statusIds),
            };
        }).ToList();
        db.Persons.AddRange(persons);
        await db.SaveChangesAsync();

        // Stamps come from the clock on save; spread them over the past instead.
        var model = new List<DataPerson>();
        foreach (var p in persons)
        {
            var (created, updated, changed) = (At(), At(), p.LeadStatusId is null && random.Next(2) == 0 ? (DateTime?)null : At());
            // The follow-up columns as FollowUpPersons keeps them: a next due date exactly when some are open.
            var next = random.Next(3) == 0 ? (DateTime?)null : At();
            var (open, activity) = (next is null ? 0 : random.Next(1, 4), random.Next(3) == 0 ? (DateTime?)null : At());
            var source = new[] { null, "ui", "api", "import", "form:contact" }[random.Next(5)];
            await db.Persons.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.CreatedAt, created).SetProperty(x => x.UpdatedAt, updated).SetProperty(x => x.LeadStatusChangedAt, changed)
                .SetProperty(x => x.NextFollowUpAt, next).SetProperty(x => x.OpenFollowUps, open).SetProperty(x => x.LastActivityAt, activity)
                .SetProperty(x => x.RecordSource, source));
            model.Add(new DataPerson(p.Id, p.FirstName, p.LastName, p.Email, p.Phone, p.Title, p.OwnerId, p.CompanyId, p.CategoryId,
                p.LeadStatusId, changed, created, updated, next, open, activity, source));
        }

        var companyModel = new Dictionary<int, DataCompany>();
        foreach (var c in companies)
        {
            var created = At();
            await db.Companies.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, created));
            companyModel[c.Id] = new DataCompany(c.Id, c.Name, c.CategoryId, c.OwnerId, c.Country, c.Email, c.OrgNumber, created);
        }

        var texts = model.SelectMany(p => new[] { p.FirstName, p.LastName, p.Email, p.Phone, p.Title })
            .Concat(companyModel.Values.SelectMany(c => new[] { c.Name, c.Country, c.Email, c.OrgNumber }))
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct().ToList();
        return new SearchDataSet
        {
            Seed = seed, Origin = origin, Users = users, Persons = model, Companies = companyModel, Texts = texts,
            Statuses = await db.LeadStatuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new DataList(s.Id, s.Rank, 0)),
            Categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => new DataList(c.Id, c.Rank, (int)c.Group,
                c.Group == CategoryGroup.PotentialCustomer && c.LeadStatusEnabled)),
        };
    }
}

/// <summary>An app whose database holds only a <see cref="SearchDataSet"/> (and the seeded lists and admin).</summary>
public sealed class SearchDataSqliteApp : SqliteApp
{
    public SearchDataSet Data { get; private set; } = null!;

    /// <summary>A probe window of a few rows, so page walks cross its edge and take every path of the search.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Leadwerk:Search:ProbeRows", "7");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await SearchDataSet.Create(this, SearchDataSeed.Next());
    }
}

public sealed class SearchDataPostgresApp : PostgresApp
{
    public SearchDataSet Data { get; private set; } = null!;

    /// <summary>A probe window of a few rows, so page walks cross its edge and take every path of the search.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Leadwerk:Search:ProbeRows", "7");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await SearchDataSet.Create(this, SearchDataSeed.Next());
    }
}

public static class SearchDataSeed
{
    /// <summary>Random per run; LEADWERK_SEARCH_SEED replays the data set of a failure.</summary>
    public static int Next() =>
        int.TryParse(Environment.GetEnvironmentVariable("LEADWERK_SEARCH_SEED"), out var seed) ? seed : Random.Shared.Next();
}
