using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using Leadwerk.Web.Common;
using Leadwerk.Web.Lists;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Persons;
using Leadwerk.Web.Sales;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

/// <summary>
/// Turns a criteria document into one LINQ predicate that EF Core translates to SQL. Fields come
/// only from <see cref="SearchFields"/>; values reach SQL only as parameters.
/// </summary>
public sealed class CriteriaCompiler(TimeProvider time, Licensing.LicenceState licence)
{
    /// <summary>A century; more would run the date arithmetic off the calendar (a 500 instead of a 422).</summary>
    private const int MaxDays = 36_500;

    /// <param name="sources">
    /// Tables of the caller's context for the fast forms: as-of lines look up only the persons changed
    /// since, "became a lead" and "active lead" are uncorrelated INs the indexes serve.
    /// </param>
    public Expression<Func<T, bool>> Compile<T>(Criteria criteria, int? userId, CriteriaSources? sources = null)
    {
        var entity = Validate(criteria);
        var x = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        // No sets at all is no condition: every record, as an empty criteria builder means.
        var sets = criteria.Sets ?? [];
        for (var s = 0; s < sets.Count; s++)
        {
            Expression? all = null;
            var lines = sets[s].Lines!;
            for (var l = 0; l < lines.Count; l++)
            {
                var line = Line(entity, lines[l], userId, x, sources);
                all = all is null ? line : Expression.AndAlso(all, line);
            }

            any = any is null ? all : Expression.OrElse(any, all!);
        }

        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(true), x);
    }

    /// <summary>Checks the shape, so a bad document is one 422 that names every wrong set and line.</summary>
    public static string Validate(Criteria? criteria)
    {
        var v = new Validation();
        if (criteria is null)
        {
            v.Add("criteria", L.T("Criteria are required.", "Criteria zijn verplicht.")).ThrowIfInvalid(ErrorCodes.InvalidCriteria);
        }

        if (!Entities.IsKnown(criteria!.Entity))
        {
            v.Add("entity", L.T("entity must be person or company.", "entity moet person of company zijn."));
        }

        var sets = criteria.Sets ?? [];
        if (!CriteriaLimits.Check(v, criteria))
        {
            v.ThrowIfInvalid(ErrorCodes.InvalidCriteria);
        }

        for (var s = 0; s < sets.Count; s++)
        {
            var lines = sets[s]?.Lines ?? [];
            if (lines.Count == 0)
            {
                v.Add($"sets[{s}]", L.T($"Set {s + 1} has no lines.", $"Groep {s + 1} heeft geen regels."));
            }

            for (var l = 0; l < lines.Count; l++)
            {
                CheckLine(v, criteria.Entity, lines[l], s, l);
            }
        }

        v.ThrowIfInvalid(ErrorCodes.InvalidCriteria);
        return criteria.Entity!;
    }

    private static void CheckLine(Validation v, string? entity, CriteriaLine? line, int s, int l)
    {
        var at = $"sets[{s}].lines[{l}]";
        var where = Where(s, l);
        var field = SearchFields.Find(line?.Field);
        if (field is null || (Entities.IsKnown(entity) && !field.AppliesTo(entity!)))
        {
            v.Add($"{at}.field", L.T($"{where}: unknown field “{line?.Field}”.", $"{where}: onbekend veld “{line?.Field}”."));
            return;
        }

        if (!field.Operators.Contains(line!.Operator ?? ""))
        {
            var choices = string.Join(", ", field.Operators.Select(o => $"“{CriteriaModel.OperatorName(o)}”"));
            v.Add($"{at}.operator", L.T(
                $"{where}: {field.Label()} has no operator “{line.Operator}”; choose {choices}.",
                $"{where}: {field.Label()} heeft geen operator “{line.Operator}”; kies {choices}."));
            return;
        }

        var error = ValueError(field, line.Operator!, line.Values ?? []);
        if (error is not null)
        {
            v.Add($"{at}.values", $"{where}, “{field.Label()} {CriteriaModel.OperatorName(line.Operator)}”: {error}");
        }

        if (line.AsOf is not null && (field.AsOfOnPerson is null || entity != Entities.Person || AsOfEnd(line.AsOf) is null))
        {
            v.Add($"{at}.asOf", field.AsOfOnPerson is null
                ? L.T($"{where}: {field.Label()} has no history to ask about a past day.", $"{where}: {field.Label()} heeft geen historie om naar een eerdere dag te vragen.")
                : L.T($"{where}: asOf must be a date (yyyy-mm-dd).", $"{where}: asOf moet een datum zijn (jjjj-mm-dd)."));
        }
    }

    /// <summary>Where a line is, as the builder labels it.</summary>
    public static string Where(int s, int l) => L.T($"Set {s + 1}, line {l + 1}", $"Groep {s + 1}, regel {l + 1}");

    /// <summary>The end of the day an asOf names: the moment its values are read at.</summary>
    public static DateTime? AsOfEnd(string? asOf) =>
        asOf is null ? null : DateValue(System.Text.Json.JsonSerializer.SerializeToElement(asOf)) is (var day, true) ? day.AddDays(1) : null;

    private static string? ValueError(SearchField field, string op, List<JsonElement> values)
    {
        var count = Expected(op);
        if (count == -1 ? values.Count == 0 : values.Count != count)
        {
            return count switch
            {
                0 => L.T("this takes no value.", "dit neemt geen waarde."),
                -1 => L.T("pick at least one value.", "kies minstens één waarde."),
                2 => L.T("give both dates, from and to.", "geef beide datums, van en tot en met."),
                _ => field.Type == FieldType.Date && op is not (Operators.LastDays or Operators.MoreThanDaysAgo)
                    ? L.T("give a date.", "geef een datum.")
                    : L.T("give a value.", "geef een waarde."),
            };
        }

        foreach (var value in values)
        {
            var ok = field.Type switch
            {
                FieldType.List => ListValue(field, value, 0) is not null,
                FieldType.Text => value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0,
                FieldType.Number => Days(value) is >= 0,
                _ => op is Operators.LastDays or Operators.MoreThanDaysAgo ? Days(value) is > 0 and <= MaxDays : DateValue(value) is not null,
            };
            if (!ok)
            {
                return field.Type switch
                {
                    FieldType.List when field.Source == ListSource.CategoryGroup => L.T(
                        "values must be category group ids such as potentialCustomer.", "waarden moeten categoriegroep-id's zijn, zoals potentialCustomer."),
                    FieldType.List when field.Source == ListSource.SaleStatus => L.T(
                        "values must be open, sold, lost or stalled.", "waarden moeten open, sold, lost of stalled zijn."),
                    FieldType.List when field.Source == ListSource.Channel => L.T(
                        $"values must be channels: {string.Join(", ", Attribution.Channels.All)}.", $"waarden moeten kanalen zijn: {string.Join(", ", Attribution.Channels.All)}."),
                    FieldType.List when field.Source is ListSource.YesNo or ListSource.InUse => L.T("values must be true or false.", "waarden moeten true of false zijn."),
                    FieldType.List when field.Source == ListSource.User => L.T(
                        "values must be user ids or \"me\".", "waarden moeten gebruikers-id's of \"me\" zijn."),
                    FieldType.List => L.T("values must be ids (whole numbers).", "waarden moeten id's (gehele getallen) zijn."),
                    FieldType.Text => L.T("the value must be non-empty text.", "de waarde moet niet-lege tekst zijn."),
                    FieldType.Number => L.T("the value must be a whole number, 0 or more.", "de waarde moet een geheel getal zijn, 0 of meer."),
                    _ when op is Operators.LastDays or Operators.MoreThanDaysAgo => L.T($"the value must be a number of days from 1 to {MaxDays}.",
                        $"de waarde moet een aantal dagen van 1 tot en met {MaxDays} zijn."),
                    _ => L.T("values must be dates (yyyy-mm-dd).", "waarden moeten datums zijn (jjjj-mm-dd)."),
                };
            }
        }

        return null;
    }

    private static int Expected(string op) => op switch
    {
        Operators.IsEmpty or Operators.IsNotEmpty or Operators.Today => 0,
        Operators.OneOf or Operators.NotOneOf or Operators.InOrder => -1,
        Operators.Between => 2,
        _ => 1,
    };

    private Expression Line(string entity, CriteriaLine line, int? userId, ParameterExpression x, CriteriaSources? sources)
    {
        var history = sources?.History;
        var field = SearchFields.Find(line.Field)!;
        if (field.Feature is { } feature)
        {
            licence.Require(feature);
        }

        var selector = Inline(AsOfEnd(line.AsOf) is { } end ? field.AsOfOnPerson!(end, history) : field.On(entity)!, x);
        var values = line.Values ?? [];
        string? Text() => values.Select(v => v.GetString()!.Trim()).FirstOrDefault();
        return field.Type switch
        {
            FieldType.List when line.Operator == Operators.InOrder => InOrderLine(x, values.Select(v => ListValue(field, v, userId)).ToList()),
            FieldType.Date when field.Many && history is not null && field.Key == "person.becameLead" => BecameLeadIn(history, line.Operator!, values, x),
            FieldType.List when sources is not null && line.AsOf is null && field.Key == "person.leadActive" =>
                ActiveIn(sources.Categories, values.Select(v => ListValue(field, v, userId)).ToList(), x),
            FieldType.List when sources is not null && line.AsOf is null && field.Key == "person.leadStatusActive" =>
                InUse(sources.Categories, values.Select(v => ListValue(field, v, userId)).ToList(), x),
            FieldType.Date when field.Many => AnyDateLine(selector, line.Operator!, values),
            FieldType.List when field.Many => AnyLine(selector, line.Operator!, values.Select(v => ListValue(field, v, userId)).ToList()),
            FieldType.List => ListLine(selector, line.Operator!, values.Select(v => ListValue(field, v, userId)).ToList()),
            FieldType.Text when field.KeyOn(entity) is { } key => KeyLine(Inline(key, x), line.Operator!, Text() is { } text ? TextKey.Of(text) : null),
            FieldType.Text => TextLine(selector, line.Operator!, Text()?.ToLowerInvariant()),
            FieldType.Number => NumberLine(selector, line.Operator!, Days(values[0])!.Value),
            _ => DateLine(selector, line.Operator!, values, field.Ahead),
        };
    }

    /// <summary>
    /// Lines about a person's lead state (its status, whether it is active) read from one side of a
    /// history row instead of from the person: the state the row entered (<paramref name="to"/>) or
    /// left. Rows chain, so summing "fits after" minus "fitted before" over the rows since a day gives
    /// how many fit now but not then (the dashboard's as-of counts). Null when a line is of another kind.
    /// </summary>
    public static Expression<Func<Leads.LeadStatusChange, bool>>? StateLines(IReadOnlyList<CriteriaLine> lines, bool to)
    {
        var h = Expression.Parameter(typeof(Leads.LeadStatusChange), "h");
        Expression status = Expression.Property(h, to ? nameof(Leads.LeadStatusChange.ToId) : nameof(Leads.LeadStatusChange.FromId));
        Expression active = Expression.Condition(Expression.Property(h, to ? nameof(Leads.LeadStatusChange.Active) : nameof(Leads.LeadStatusChange.WasActive)),
            Expression.Constant(1, typeof(int?)), Expression.Constant(0, typeof(int?)));
        Expression all = Expression.Constant(true);
        foreach (var line in lines)
        {
            var field = SearchFields.Find(line.Field);
            if (field?.Key is not ("person.leadStatus" or "person.leadActive")
                || line.Operator is not (Operators.OneOf or Operators.NotOneOf or Operators.IsEmpty or Operators.IsNotEmpty))
            {
                return null;
            }

            var values = (line.Values ?? []).Select(v => ListValue(field, v, null)).ToList();
            all = Expression.AndAlso(all, ListLine(field.Key == "person.leadStatus" ? status : active, line.Operator, values));
        }

        return Expression.Lambda<Func<Leads.LeadStatusChange, bool>>(all, h);
    }

    private static Expression ListLine(Expression selector, string op, List<int?> values)
    {
        var isNull = Expression.Equal(selector, Expression.Constant(null, typeof(int?)));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int?)], Parameter(values), selector);
        return op switch
        {
            Operators.OneOf => Expression.AndAlso(Expression.Not(isNull), contains),
            Operators.NotOneOf => Expression.OrElse(isNull, Expression.Not(contains)),
            Operators.IsEmpty => isNull,
            _ => Expression.Not(isNull),
        };
    }

    /// <summary>A field of several related rows: EXISTS one whose value is one of them, or NOT EXISTS.</summary>
    private static Expression AnyLine(Expression many, string op, List<int?> values)
    {
        var v = Expression.Parameter(typeof(int?), "v");
        var contains = Expression.Lambda<Func<int?, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int?)], Parameter(values), v), v);
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(int?)], many, contains);
        return op == Operators.OneOf ? any : Expression.Not(any);
    }

    /// <summary>
    /// The statuses were reached in this order (the funnel, F8): a history row for each, every one
    /// after the one before, as nested EXISTS.
    /// </summary>
    private static Expression InOrderLine(ParameterExpression person, List<int?> steps)
    {
        var changes = Expression.Property(person, nameof(Persons.Person.StatusChanges));
        Expression Step(int k, ParameterExpression? previous)
        {
            var h = Expression.Parameter(typeof(Leads.LeadStatusChange), $"h{k}");
            Expression condition = Expression.AndAlso(Expression.Equal(Expression.Property(h, nameof(Leads.LeadStatusChange.ToId)), Parameter(steps[k])),
                Expression.Not(Expression.Property(h, nameof(Leads.LeadStatusChange.Reverted))));
            if (previous is not null)
            {
                var at = Expression.Property(h, nameof(Leads.LeadStatusChange.At));
                var before = Expression.Property(previous, nameof(Leads.LeadStatusChange.At));
                var later = Expression.OrElse(Expression.GreaterThan(at, before), Expression.AndAlso(Expression.Equal(at, before),
                    Expression.GreaterThan(Expression.Property(h, nameof(Leads.LeadStatusChange.Id)), Expression.Property(previous, nameof(Leads.LeadStatusChange.Id)))));
                condition = Expression.AndAlso(condition, later);
            }

            if (k + 1 < steps.Count)
            {
                condition = Expression.AndAlso(condition, Step(k + 1, h));
            }

            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(Leads.LeadStatusChange)], changes,
                Expression.Lambda<Func<Leads.LeadStatusChange, bool>>(condition, h));
        }

        return Step(0, null);
    }

    /// <summary>
    /// Became a lead in a period, as one uncorrelated IN over the history's (BecameLead, At) index:
    /// the few persons it finds drive the query, instead of a probe for each of all persons.
    /// </summary>
    private Expression BecameLeadIn(IQueryable<Leads.LeadStatusChange> history, string op, List<JsonElement> values, ParameterExpression person)
    {
        var h = Expression.Parameter(typeof(Leads.LeadStatusChange), "h");
        Expression condition = Expression.Property(h, nameof(Leads.LeadStatusChange.BecameLead));
        if (op is not (Operators.IsEmpty or Operators.IsNotEmpty))
        {
            var at = Expression.Convert(Expression.Property(h, nameof(Leads.LeadStatusChange.At)), typeof(DateTime?));
            condition = Expression.AndAlso(condition, DateLine(at, op, values, ahead: false));
        }

        // Read through a closure, so EF inlines the set as this query's own table (a constant would not be).
        Expression<Func<IQueryable<Leads.LeadStatusChange>>> source = () => history;
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Leads.LeadStatusChange)], source.Body,
            Expression.Quote(Expression.Lambda<Func<Leads.LeadStatusChange, bool>>(condition, h)));
        Expression<Func<Leads.LeadStatusChange, int>> personId = r => r.PersonId;
        var ids = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Leads.LeadStatusChange), typeof(int)], where, Expression.Quote(personId));
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], ids, Expression.Property(person, "Id"));
        return op == Operators.IsEmpty ? Expression.Not(contains) : contains;
    }

    /// <summary>
    /// An active lead (R2) as a status and a category among the active ones: an IN over the few
    /// categories, so the (CategoryId, LeadStatusId) index serves it instead of a join per person.
    /// </summary>
    /// <summary>Held statuses in use, kept (R6), or both; persons without a status are neither.</summary>
    private static Expression InUse(IQueryable<Category> categories, List<int?> values, ParameterExpression person)
    {
        Expression<Func<Person, bool>> held = p => p.LeadStatusId != null;
        Expression<Func<Person, bool>> active = p => categories.Where(Leads.LeadRules.ActiveCategory).Select(c => (int?)c.Id).Contains(p.CategoryId);
        var (inUse, kept) = (values.Contains(1), values.Contains(0));
        var body = Inline(held, person);
        return inUse == kept ? body : Expression.AndAlso(body, inUse ? Inline(active, person) : Expression.Not(Inline(active, person)));
    }

    private static Expression ActiveIn(IQueryable<Category> categories, List<int?> values, ParameterExpression person)
    {
        Expression<Func<Person, bool>> active = p => p.LeadStatusId != null
            && categories.Where(Leads.LeadRules.ActiveCategory).Select(c => (int?)c.Id).Contains(p.CategoryId);
        var body = Inline(active, person);
        return (values.Contains(1), values.Contains(0)) switch
        {
            (true, true) => Expression.Constant(true),
            (true, false) => body,
            _ => Expression.Not(body),
        };
    }

    /// <summary>A date of several rows (each time the person became a lead): EXISTS one that fits, or none at all for "is empty".</summary>
    private Expression AnyDateLine(Expression many, string op, List<JsonElement> values)
    {
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(DateTime?)], many);
        if (op is Operators.IsEmpty or Operators.IsNotEmpty)
        {
            return op == Operators.IsEmpty ? Expression.Not(any) : any;
        }

        var v = Expression.Parameter(typeof(DateTime?), "v");
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(DateTime?)], many,
            Expression.Lambda<Func<DateTime?, bool>>(DateLine(v, op, values, ahead: false), v));
    }

    private static Expression TextLine(Expression selector, string op, string? value)
    {
        var isNull = Expression.Equal(selector, Expression.Constant(null, typeof(string)));
        var notNull = Expression.Not(isNull);
        var lower = Expression.Call(selector, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        Expression Call(string method) =>
            Expression.Call(lower, typeof(string).GetMethod(method, [typeof(string)])!, Parameter(value));
        return op switch
        {
            Operators.Contains => Expression.AndAlso(notNull, Call(nameof(string.Contains))),
            Operators.StartsWith => Expression.AndAlso(notNull, Call(nameof(string.StartsWith))),
            Operators.EndsWith => Expression.AndAlso(notNull, Call(nameof(string.EndsWith))),
            Operators.EqualTo => Expression.AndAlso(notNull, Expression.Equal(lower, Parameter(value))),
            Operators.NotEquals => Expression.OrElse(isNull, Expression.NotEqual(lower, Parameter(value))),
            Operators.NotContains => Expression.OrElse(isNull, Expression.Not(Call(nameof(string.Contains)))),
            Operators.IsEmpty => Expression.OrElse(isNull, Expression.Equal(selector, Expression.Constant(""))),
            _ => Expression.AndAlso(notNull, Expression.NotEqual(selector, Expression.Constant(""))),
        };
    }

    /// <summary>
    /// Text with a folded key column: compared as it is stored (no lower() per row), "starts with"
    /// as an index range, and "contains"/"ends with" as LIKE so PostgreSQL can use a trigram index.
    /// </summary>
    private static Expression KeyLine(Expression key, string op, string? value)
    {
        var isNull = Expression.Equal(key, Expression.Constant(null, typeof(string)));
        var notNull = Expression.Not(isNull);
        Expression Like(string pattern) => Expression.Call(typeof(DbFunctionsExtensions), nameof(DbFunctionsExtensions.Like), Type.EmptyTypes,
            Expression.Constant(EF.Functions), key, Parameter(pattern), Expression.Constant(LikeEscape));
        var escaped = value is null ? "" : EscapeLike(value);
        switch (op)
        {
            case Operators.Contains:
                return Expression.AndAlso(notNull, Like($"%{escaped}%"));
            case Operators.NotContains:
                return Expression.OrElse(isNull, Expression.Not(Like($"%{escaped}%")));
            case Operators.EndsWith:
                return Expression.AndAlso(notNull, Like($"%{escaped}"));
            case Operators.StartsWith:
                var starts = Expression.AndAlso(notNull, Like($"{escaped}%"));
                if (TextKey.PrefixEnd(value!) is not { } end)
                {
                    return starts;
                }

                Expression Compare(ExpressionType type, string bound) => Expression.MakeBinary(type,
                    Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, Parameter(bound)),
                    Expression.Constant(0));
                return Expression.AndAlso(Expression.AndAlso(Compare(ExpressionType.GreaterThanOrEqual, value!), Compare(ExpressionType.LessThan, end)), starts);
            case Operators.EqualTo:
                return Expression.AndAlso(notNull, Expression.Equal(key, Parameter(value)));
            case Operators.NotEquals:
                return Expression.OrElse(isNull, Expression.NotEqual(key, Parameter(value)));
            case Operators.IsEmpty:
                return Expression.OrElse(isNull, Expression.Equal(key, Expression.Constant("")));
            default:
                return Expression.AndAlso(notNull, Expression.NotEqual(key, Expression.Constant("")));
        }
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string value) =>
        value.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal).Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static Expression NumberLine(Expression selector, string op, int value)
    {
        var bound = Parameter(value);
        return op switch
        {
            Operators.GreaterThan => Expression.GreaterThan(selector, bound),
            Operators.LessThan => Expression.LessThan(selector, bound),
            _ => Expression.Equal(selector, bound),
        };
    }

    /// <summary>Dates are whole UTC days unless a value carries a time: "before 2026-03-01" means before that day starts.</summary>
    private Expression DateLine(Expression selector, string op, List<JsonElement> values, bool ahead)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Expression Compare(Func<Expression, Expression, BinaryExpression> compare, DateTime at) => compare(selector, Parameter<DateTime?>(at));
        (DateTime At, bool DayOnly) Value(int i) => DateValue(values[i])!.Value;

        switch (op)
        {
            case Operators.Before:
                return Compare(Expression.LessThan, Value(0).At);
            case Operators.After:
                var after = Value(0);
                return after.DayOnly ? Compare(Expression.GreaterThanOrEqual, after.At.AddDays(1)) : Compare(Expression.GreaterThan, after.At);
            case Operators.Between:
                var until = Value(1);
                return Expression.AndAlso(Compare(Expression.GreaterThanOrEqual, Value(0).At),
                    until.DayOnly ? Compare(Expression.LessThan, until.At.AddDays(1)) : Compare(Expression.LessThanOrEqual, until.At));
            case Operators.LastDays:
                var since = Compare(Expression.GreaterThanOrEqual, now.AddDays(-Days(values[0])!.Value));
                return ahead ? Expression.AndAlso(since, Compare(Expression.LessThan, now)) : since;
            case Operators.MoreThanDaysAgo:
                return Compare(Expression.LessThan, now.AddDays(-Days(values[0])!.Value));
            case Operators.Today:
                return Expression.AndAlso(Compare(Expression.GreaterThanOrEqual, now.Date), Compare(Expression.LessThan, now.Date.AddDays(1)));
            case Operators.IsNotEmpty:
                return Expression.NotEqual(selector, Expression.Constant(null, typeof(DateTime?)));
            default:
                return Expression.Equal(selector, Expression.Constant(null, typeof(DateTime?)));
        }
    }

    internal static int? ListValue(SearchField field, JsonElement value, int? userId)
    {
        if (field.Source == ListSource.CategoryGroup)
        {
            return value.ValueKind == JsonValueKind.String && CategoryGroups.FromKey(value.GetString()) is { } group ? (int)group : null;
        }

        if (field.Source == ListSource.SaleStatus)
        {
            return value.ValueKind == JsonValueKind.String && SaleRules.FromKey(value.GetString()) is { } status ? (int)status : null;
        }

        if (field.Source == ListSource.Channel)
        {
            return value.ValueKind == JsonValueKind.String ? TouchFields.ChannelIdOf(value.GetString()) : null;
        }

        if (field.Source is ListSource.YesNo or ListSource.InUse)
        {
            // The UI sends list choices as text, scripts send JSON booleans; both mean the same.
            return value.ValueKind switch
            {
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var yes) => yes ? 1 : 0,
                _ => null,
            };
        }

        if (field.Source == ListSource.User && value.ValueKind == JsonValueKind.String && value.GetString() == "me")
        {
            return userId ?? 0;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id) ? id : null;
    }

    internal static (DateTime At, bool DayOnly)? DateValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!.Trim();
        // The last year is left out: "after" and "between" add a day to a day-only value.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year < 9999)
        {
            return (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), true);
        }

        // Only ISO 8601 with a time: a loose parse would read "10-03-2024" as 3 October.
        var iso = text.Length > 10 && text[10] is 'T' or ' ' && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _);
        return iso && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year < 9999
            ? (at.UtcDateTime, false) : null;
    }

    internal static int? Days(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), out var n) => n,
        _ => null,
    };

    internal static Expression Inline(LambdaExpression selector, Expression x) =>
        new Replace(selector.Parameters[0], x).Visit(selector.Body);

    /// <summary>Reads a value through a closure object, so EF sends it as a SQL parameter, never as literal SQL.</summary>
    internal static Expression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Holder<TValue>(value)), nameof(Holder<TValue>.Value));

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>The tables of the caller's context that the fast forms of history and activeness criteria read.</summary>
public sealed record CriteriaSources(IQueryable<Leads.LeadStatusChange> History, IQueryable<Category> Categories);
