using System.Linq.Expressions;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;

namespace Leadwerk.Web.Search;

public enum FieldType
{
    Text,
    List,
    Date,

    /// <summary>A count: equals, greater than, less than.</summary>
    Number,
}

/// <summary>Where the values of a list field come from.</summary>
public enum ListSource
{
    LeadStatus,
    Category,
    CategoryGroup,
    User,
    Company,
    SaleStatus,
    YesNo,

    /// <summary>Whether a held lead status is in use (true) or a kept value (false, R6).</summary>
    InUse,

    /// <summary>A touch's channel (R22): the keys of <see cref="Attribution.Channels.All"/>.</summary>
    Channel,

    /// <summary>Web forms, by id.</summary>
    Form,
}

/// <summary>
/// One searchable field: its type and how to reach it from a person and/or a company. Only these
/// expressions ever reach SQL, so criteria can name fields but never columns (the allowlist).
/// </summary>
public sealed class SearchField
{
    public required string Key { get; init; }
    public required FieldType Type { get; init; }
    public ListSource? Source { get; init; }
    public required Func<string> Label { get; init; }
    public LambdaExpression? OnPerson { get; init; }
    public LambdaExpression? OnCompany { get; init; }

    /// <summary>Sorting a list field goes by its rank or name, not its id.</summary>
    public LambdaExpression? SortOnPerson { get; init; }
    public LambdaExpression? SortOnCompany { get; init; }

    /// <summary>
    /// The folded column (<see cref="Common.TextKey"/>) a text field is compared and sorted on
    /// when it has one: indexed, already lower case, one order on both providers.
    /// </summary>
    public LambdaExpression? KeyOnPerson { get; init; }
    public LambdaExpression? KeyOnCompany { get; init; }

    /// <summary>Entities on which the value can never be null, so sorting needs no null flag (and keeps its index).</summary>
    public IReadOnlySet<string> NeverNullOn { get; init; } = new HashSet<string>();

    /// <summary>
    /// The selector yields the values of several related rows (a company's sales): "is one of"
    /// holds when any of them is, "is not one of" when none is, as EXISTS subqueries.
    /// </summary>
    public bool Many { get; init; }

    /// <summary>Only for criteria: not a result column, not a sort or group key.</summary>
    public bool CriterionOnly { get; init; }

    /// <summary>The operators when not all of its type's make sense.</summary>
    public IReadOnlyList<string>? OnlyOperators { get; init; }

    public IReadOnlyList<string> Operators => OnlyOperators ?? Search.Operators.For(Type);

    /// <summary>
    /// A date that can lie ahead (a due date): "in the last N days" then stops at now, so it finds
    /// what is overdue rather than everything planned.
    /// </summary>
    public bool Ahead { get; init; }

    /// <summary>Hidden fields serve the app itself (e.g. a company's Contacts tab) and are not offered in Find.</summary>
    public bool Hidden { get; init; }

    /// <summary>The edition feature the field needs (<see cref="Licensing.Features"/>); null when every edition has it.</summary>
    public string? Feature { get; init; }

    /// <summary>A text field a dashboard may group by: its values are a short vocabulary (a touch's source, campaign).</summary>
    public bool GroupsAsText { get; init; }

    /// <summary>The value at a moment, from the history (a line's asOf): given the end of the day asked about.</summary>
    /// <remarks>Given the history's table when the caller has one (the fast form), else it reads row by row.</remarks>
    public Func<DateTime, IQueryable<Leads.LeadStatusChange>?, LambdaExpression>? AsOfOnPerson { get; init; }

    public LambdaExpression? On(string entity) => entity == Entities.Person ? OnPerson : OnCompany;

    public LambdaExpression? KeyOn(string entity) => entity == Entities.Person ? KeyOnPerson : KeyOnCompany;

    public LambdaExpression? SortOn(string entity) => (entity == Entities.Person ? SortOnPerson : SortOnCompany) ?? KeyOn(entity) ?? On(entity);

    public bool AppliesTo(string entity) => On(entity) is not null;
}

public static class SearchFields
{
    public static IReadOnlyList<SearchField> All { get; } =
    [
        Text("person.firstName", () => L.T("First name", "Voornaam"), p => p.FirstName, p => p.FirstNameKey, never: Entities.Person),
        Text("person.lastName", () => L.T("Last name", "Achternaam"), p => p.LastName, p => p.LastNameKey, never: Entities.Person),
        Text("person.email", () => L.T("E-mail", "E-mail"), p => p.Email, p => p.EmailKey),
        Text("person.phone", () => L.T("Phone", "Telefoon"), p => p.Phone),
        Text("person.title", () => L.T("Title", "Functie"), p => p.Title),
        Text("person.recordSource", () => L.T("Record source", "Herkomst van record"), p => p.RecordSource),
        new()
        {
            Key = "person.leadStatus", Type = FieldType.List, Source = ListSource.LeadStatus, Label = () => L.T("Lead status", "Leadstatus"),
            OnPerson = P(p => p.LeadStatusId), SortOnPerson = P(p => (int?)p.LeadStatus!.Rank), AsOfOnPerson = HistoryFields.StatusOn,
        },
        new()
        {
            Key = "person.leadActive", Type = FieldType.List, Source = ListSource.YesNo, Label = () => L.T("Active lead", "Actieve lead"),
            OnPerson = Leads.LeadRules.ActiveLead,
            AsOfOnPerson = HistoryFields.ActiveOn, CriterionOnly = true, OnlyOperators = [Operators.OneOf],
        },
        new()
        {
            // R6: a status held in a category whose statuses are not active is kept, "not in use"; persons without a status are neither.
            Key = "person.leadStatusActive", Type = FieldType.List, Source = ListSource.InUse,
            Label = () => L.T("Lead status in use", "Leadstatus in gebruik"),
            OnPerson = Leads.LeadRules.StatusInUse,
            CriterionOnly = true, OnlyOperators = [Operators.OneOf],
        },
        new()
        {
            Key = "person.becameLead", Type = FieldType.Date, Label = () => L.T("Became a lead", "Werd een lead"),
            OnPerson = P(p => p.StatusChanges.Where(h => h.BecameLead && !h.Reverted).Select(h => (DateTime?)h.At)), Many = true, CriterionOnly = true,
            OnlyOperators = [Operators.Before, Operators.After, Operators.Between, Operators.LastDays, Operators.Today, Operators.IsEmpty, Operators.IsNotEmpty],
        },
        new()
        {
            Key = "person.reachedStatuses", Type = FieldType.List, Source = ListSource.LeadStatus,
            Label = () => L.T("Lead status reached", "Leadstatus bereikt"),
            OnPerson = P(p => p.StatusChanges.Where(h => !h.Reverted).Select(h => h.ToId)), Many = true, CriterionOnly = true,
            OnlyOperators = [Operators.OneOf, Operators.InOrder],
        },
        new()
        {
            Key = "person.owner", Type = FieldType.List, Source = ListSource.User, Label = () => L.T("Our contact", "Onze contactpersoon"),
            OnPerson = P(p => p.OwnerId), SortOnPerson = P(p => p.Owner!.DisplayName),
        },
        Date("person.createdAt", () => L.T("Created", "Aangemaakt"), p => (DateTime?)p.CreatedAt, never: Entities.Person),
        Date("person.updatedAt", () => L.T("Updated", "Gewijzigd"), p => (DateTime?)p.UpdatedAt, never: Entities.Person),
        Date("person.leadStatusChangedAt", () => L.T("Lead status changed", "Leadstatus gewijzigd"), p => p.LeadStatusChangedAt),
        new()
        {
            Key = "person.nextFollowUp", Type = FieldType.Date, Label = () => L.T("Next follow-up", "Volgende vervolgactie"),
            OnPerson = P(p => p.NextFollowUpAt), Ahead = true,
        },
        Date("person.lastActivity", () => L.T("Last activity", "Laatste activiteit"), p => p.LastActivityAt),
        new()
        {
            Key = "person.openFollowUps", Type = FieldType.Number, Label = () => L.T("Open follow-ups", "Open vervolgacties"),
            OnPerson = P(p => p.OpenFollowUps), NeverNullOn = new HashSet<string> { Entities.Person },
        },
        new()
        {
            Key = "person.category", Type = FieldType.List, Source = ListSource.Category, Label = () => L.T("Category", "Categorie"),
            OnPerson = P(p => p.CategoryId), SortOnPerson = P(p => (int?)p.Category!.Rank),
        },
        new()
        {
            Key = "person.categoryGroup", Type = FieldType.List, Source = ListSource.CategoryGroup,
            Label = () => L.T("Category group", "Categoriegroep"), OnPerson = P(p => (int?)p.Category!.Group),
        },
        new()
        {
            Key = "person.company", Type = FieldType.List, Source = ListSource.Company, Label = () => L.T("Company", "Bedrijf"),
            OnPerson = P(p => p.CompanyId), SortOnPerson = P(p => p.Company!.Name), Hidden = true,
        },
        new()
        {
            Key = "person.hasOpenSale", Type = FieldType.List, Source = ListSource.YesNo, Label = () => L.T("Has an open sale", "Heeft een open verkoop"),
            OnPerson = P(p => (int?)(p.Sales.Any(s => s.Status == SaleStatus.Open) ? 1 : 0)),
            CriterionOnly = true, OnlyOperators = [Operators.OneOf],
        },
        new()
        {
            Key = "company.name", Type = FieldType.Text, Label = () => L.T("Company", "Bedrijf"),
            OnPerson = P(p => p.Company!.Name), OnCompany = C(c => c.Name),
            KeyOnPerson = P(p => p.Company!.NameKey), KeyOnCompany = C(c => c.NameKey), NeverNullOn = new HashSet<string> { Entities.Company },
        },
        new()
        {
            // R1 keeps a company's persons in its category (LeadRules.MoveCompany), so a person's company
            // category is its own: read from Persons (an index) instead of a join to every company.
            Key = "company.category", Type = FieldType.List, Source = ListSource.Category, Label = () => L.T("Company category", "Bedrijfscategorie"),
            OnPerson = P(p => p.CompanyId == null ? null : p.CategoryId), OnCompany = C(c => (int?)c.CategoryId),
            SortOnPerson = P(p => p.CompanyId == null ? null : (int?)p.Category!.Rank), SortOnCompany = C(c => (int?)c.Category.Rank),
        },
        new()
        {
            Key = "company.categoryGroup", Type = FieldType.List, Source = ListSource.CategoryGroup,
            Label = () => L.T("Company category group", "Categoriegroep bedrijf"),
            OnPerson = P(p => p.CompanyId == null ? null : (int?)p.Category!.Group), OnCompany = C(c => (int?)c.Category.Group),
        },
        new()
        {
            Key = "company.owner", Type = FieldType.List, Source = ListSource.User, Label = () => L.T("Company: our contact", "Bedrijf: onze contactpersoon"),
            OnPerson = P(p => p.Company!.OwnerId), OnCompany = C(c => c.OwnerId),
            SortOnPerson = P(p => p.Company!.Owner!.DisplayName), SortOnCompany = C(c => c.Owner!.DisplayName),
        },
        new()
        {
            Key = "company.country", Type = FieldType.Text, Label = () => L.T("Country", "Land"),
            OnPerson = P(p => p.Company!.Country), OnCompany = C(c => c.Country),
        },
        new()
        {
            Key = "company.email", Type = FieldType.Text, Label = () => L.T("Company e-mail", "E-mail bedrijf"),
            OnPerson = P(p => p.Company!.Email), OnCompany = C(c => c.Email),
        },
        new()
        {
            Key = "company.orgNumber", Type = FieldType.Text, Label = () => L.T("Org. number", "KvK-nummer"),
            OnPerson = P(p => p.Company!.OrgNumber), OnCompany = C(c => c.OrgNumber),
        },
        new()
        {
            Key = "company.createdAt", Type = FieldType.Date, Label = () => L.T("Company created", "Bedrijf aangemaakt"),
            OnPerson = P(p => (DateTime?)p.Company!.CreatedAt), OnCompany = C(c => (DateTime?)c.CreatedAt),
            NeverNullOn = new HashSet<string> { Entities.Company },
        },
        new()
        {
            Key = "company.saleStatus", Type = FieldType.List, Source = ListSource.SaleStatus, Label = () => L.T("Sale status", "Verkoopstatus"),
            OnCompany = C(c => c.Sales.Select(s => (int?)s.Status)), Many = true,
            CriterionOnly = true, OnlyOperators = [Operators.OneOf, Operators.NotOneOf],
        },
        .. TouchFields.All(),
    ];

    private static readonly Dictionary<string, SearchField> ByKey = All.ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);

    public static SearchField? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key);

    public static IEnumerable<SearchField> For(string entity) => All.Where(f => f.AppliesTo(entity));

    /// <summary>The columns a result shows when the request names none.</summary>
    public static IReadOnlyList<string> DefaultColumns(string entity) => entity == Entities.Person
        ? ["person.firstName", "person.lastName", "company.name", "person.email", "person.category", "person.leadStatus", "person.owner"]
        : ["company.name", "company.category", "company.categoryGroup", "company.owner", "company.country"];

    public static string DefaultSort(string entity) => entity == Entities.Person ? "person.lastName" : "company.name";

    private static Expression<Func<Person, T>> P<T>(Expression<Func<Person, T>> e) => e;

    private static Expression<Func<Company, T>> C<T>(Expression<Func<Company, T>> e) => e;

    private static SearchField Text(string key, Func<string> label, Expression<Func<Person, string?>> onPerson,
        Expression<Func<Person, string?>>? keyOnPerson = null, string? never = null) =>
        new()
        {
            Key = key, Type = FieldType.Text, Label = label, OnPerson = onPerson, KeyOnPerson = keyOnPerson,
            NeverNullOn = never is null ? new HashSet<string>() : new HashSet<string> { never },
        };

    private static SearchField Date(string key, Func<string> label, Expression<Func<Person, DateTime?>> onPerson, string? never = null) =>
        new()
        {
            Key = key, Type = FieldType.Date, Label = label, OnPerson = onPerson,
            NeverNullOn = never is null ? new HashSet<string>() : new HashSet<string> { never },
        };
}
