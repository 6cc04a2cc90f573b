using System.Linq.Expressions;
using Leadwerk.Web.Attribution;
using Leadwerk.Web.Companies;
using Leadwerk.Web.Licensing;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;

namespace Leadwerk.Web.Search;

/// <summary>
/// The attribution fields (B5) of Find, columns and dashboards: a person's first touch, lead-creation
/// touch and latest touch, and its company's source, each with source, medium, campaign, term,
/// content, channel, referrer domain, form and date. Marketing Premium's (<see cref="Features.UtmAttribution"/>).
/// Every value is one touch's, read by a subquery on the touches' (person, kind, moment) index.
/// </summary>
internal static class TouchFields
{
    private sealed record Pick(string Prefix, Func<string> Label, Expression<Func<IEnumerable<Touch>, IEnumerable<Touch>>> Which);

    private static readonly Pick[] PersonPicks =
    [
        new("person.firstTouch", () => L.T("First touch", "Eerste aanraking"), ts => ts.Where(t => t.Kind == TouchKind.FirstTouch)),
        new("person.leadCreation", () => L.T("Lead creation", "Leadcreatie"), ts => ts.Where(t => t.Kind == TouchKind.LeadCreation)),
        // The latest visit that converted: the lead creation or a later conversion (a kept first touch is older by definition).
        new("person.latestTouch", () => L.T("Latest touch", "Laatste aanraking"),
            ts => ts.Where(t => t.Kind == TouchKind.LeadCreation || t.Kind == TouchKind.Conversion).OrderByDescending(t => t.At).ThenByDescending(t => t.Id)),
    ];

    private static readonly Pick CompanyPick =
        new("company.source", () => L.T("Company source", "Bron bedrijf"), ts => ts.Where(t => t.Kind == TouchKind.CompanySource));

    /// <summary>The parts of a touch a field can name; text parts that group in a dashboard say so.</summary>
    private static readonly (string Part, FieldType Type, Func<string> Label, LambdaExpression Value, bool Groups)[] Parts =
    [
        ("source", FieldType.Text, () => L.T("source", "bron"), V(t => t.SourceKey), true),
        ("medium", FieldType.Text, () => L.T("medium", "medium"), V(t => t.MediumKey), true),
        ("campaign", FieldType.Text, () => L.T("campaign", "campagne"), V(t => t.Campaign), true),
        ("term", FieldType.Text, () => L.T("term", "zoekterm"), V(t => t.Term), false),
        ("content", FieldType.Text, () => L.T("content", "inhoud"), V(t => t.Content), false),
        ("channel", FieldType.List, () => L.T("channel", "kanaal"), ChannelId(), false),
        ("referrerDomain", FieldType.Text, () => L.T("referrer domain", "verwijzend domein"), V(t => t.ReferrerDomain), true),
        ("form", FieldType.List, () => L.T("form", "formulier"), V(t => t.FormId), false),
        ("at", FieldType.Date, () => L.T("date", "datum"), V(t => (DateTime?)t.At), false),
    ];

    public static IEnumerable<SearchField> All()
    {
        foreach (var pick in PersonPicks)
        {
            foreach (var part in Parts)
            {
                yield return Field(pick, part, On<Person>(p => p.Touches, pick, part.Value), null);
            }
        }

        foreach (var part in Parts)
        {
            yield return Field(CompanyPick, part, On<Person>(p => p.Company!.Touches, CompanyPick, part.Value), On<Company>(c => c.Touches, CompanyPick, part.Value));
        }
    }

    public static bool Is(string key) => key.StartsWith("person.firstTouch.", StringComparison.Ordinal) || key.StartsWith("person.leadCreation.", StringComparison.Ordinal)
        || key.StartsWith("person.latestTouch.", StringComparison.Ordinal) || key.StartsWith("company.source.", StringComparison.Ordinal);

    /// <summary>The channel keys as list ids, in <see cref="Channels.All"/> order from 1.</summary>
    public static int? ChannelIdOf(string? key) => Channels.All.ToList().IndexOf(key ?? "") is >= 0 and var i ? i + 1 : null;

    public static string? ChannelKey(int id) => id >= 1 && id <= Channels.All.Count ? Channels.All[id - 1] : null;

    private static SearchField Field(Pick pick, (string Part, FieldType Type, Func<string> Label, LambdaExpression Value, bool Groups) part,
        LambdaExpression onPerson, LambdaExpression? onCompany) => new()
    {
        Key = $"{pick.Prefix}.{part.Part}", Type = part.Type, Label = () => $"{pick.Label()}: {part.Label()}",
        Source = part.Part switch { "channel" => ListSource.Channel, "form" => ListSource.Form, _ => null },
        OnPerson = onPerson, OnCompany = onCompany, Feature = Features.UtmAttribution, GroupsAsText = part.Groups,
    };

    /// <summary>x => which(touches of x).Select(value).FirstOrDefault(), one scalar subquery.</summary>
    private static LambdaExpression On<T>(Expression<Func<T, IEnumerable<Touch>>> touches, Pick pick, LambdaExpression value)
    {
        var x = touches.Parameters[0];
        var picked = CriteriaCompiler.Inline(pick.Which, touches.Body);
        var type = value.ReturnType;
        var selected = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(Touch), type], picked, value);
        var first = Expression.Call(typeof(Enumerable), nameof(Enumerable.FirstOrDefault), [type], selected);
        return Expression.Lambda(first, x);
    }

    private static LambdaExpression V<TValue>(Expression<Func<Touch, TValue>> value) => value;

    /// <summary>The channel as a list id (a CASE inside the subquery), so it filters, groups and sorts like any list.</summary>
    private static LambdaExpression ChannelId()
    {
        var t = Expression.Parameter(typeof(Touch), "t");
        var channel = Expression.Property(t, nameof(Touch.Channel));
        Expression body = Expression.Constant(null, typeof(int?));
        for (var i = Channels.All.Count - 1; i >= 0; i--)
        {
            body = Expression.Condition(Expression.Equal(channel, Expression.Constant(Channels.All[i])), Expression.Constant(i + 1, typeof(int?)), body);
        }

        return Expression.Lambda<Func<Touch, int?>>(body, t);
    }
}
