using Leadwerk.Web.Common;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Dashboards;

/// <summary>
/// Checks a tile's shape, so a bad tile is one 422 that names every wrong part ("tiles[2].chart").
/// What the shape cannot tell (a selection that does not exist) the engine checks when it runs.
/// </summary>
public static class TileCheck
{
    public const string DaysInStatus = "history.daysInStatus";
    public const string DaysToFirstChange = "history.daysToFirstChange";

    public static IReadOnlyList<string> MeasureFields { get; } = [DaysInStatus, DaysToFirstChange];

    public static IReadOnlyList<string> Buckets { get; } = ["day", "week", "month"];

    public static void Check(Validation v, TileSpec? tile, string at)
    {
        if (tile is null)
        {
            v.Add(at.TrimEnd('.'), L.T("A tile is required.", "Een tegel is verplicht."));
            return;
        }

        v.MaxLength($"{at}title", tile.Title, DashboardRules.TitleMaxLength, L.T("Title", "Titel"))
            .MaxLength($"{at}titles.en", tile.Titles?.En, DashboardRules.TitleMaxLength, L.T("Title", "Titel"))
            .MaxLength($"{at}titles.nl", tile.Titles?.Nl, DashboardRules.TitleMaxLength, L.T("Title", "Titel"));
        if (!Charts.All.Contains(tile.Chart ?? ""))
        {
            v.Add($"{at}chart", L.T($"chart must be one of {string.Join(", ", Charts.All)}.", $"chart moet een van {string.Join(", ", Charts.All)} zijn."));
        }

        CheckDataset(v, tile.Dataset, at);
        CheckMeasure(v, tile, at);
        CheckGroups(v, tile.GroupBy, at);
        CheckPeriod(v, tile.Period, at);
        if (tile.Compare is not null and not "previousPeriod")
        {
            v.Add($"{at}compare", L.T("compare must be null or previousPeriod.", "compare moet null of previousPeriod zijn."));
        }

        if (tile.Funnel is { Mode: not (null or "inOrder" or "any") })
        {
            v.Add($"{at}funnel.mode", L.T("funnel.mode must be inOrder or any.", "funnel.mode moet inOrder of any zijn."));
        }

        if (tile.Funnel?.Steps is { Count: > 10 })
        {
            v.Add($"{at}funnel.steps", L.T("A funnel has at most 10 steps.", "Een trechter heeft hoogstens 10 stappen."));
        }

        if (tile.Limit is < 1 or > DashboardRules.MaxLimit)
        {
            v.Add($"{at}limit", L.T($"limit must be from 1 to {DashboardRules.MaxLimit}.", $"limit moet van 1 tot en met {DashboardRules.MaxLimit} zijn."));
        }

        if (tile.Width is < 3 or > 12)
        {
            v.Add($"{at}width", L.T("width must be from 3 to 12 columns.", "width moet van 3 tot en met 12 kolommen zijn."));
        }
    }

    private static void CheckDataset(Validation v, TileDataset? dataset, string at)
    {
        if (dataset is { Criteria: not null, SelectionId: not null })
        {
            v.Add($"{at}dataset", L.T("Give criteria or a selection, not both.", "Geef criteria of een selectie, niet allebei."));
        }

        if (dataset?.Criteria is { } criteria)
        {
            try
            {
                if (CriteriaCompiler.Validate(criteria) != Entities.Person)
                {
                    v.Add($"{at}dataset.criteria.entity", L.T("A dashboard counts persons: the criteria's entity must be person.",
                        "Een dashboard telt personen: de entity van de criteria moet person zijn."));
                }
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    Array.ForEach(messages, m => v.Add($"{at}dataset.criteria.{field}", m));
                }
            }
        }
    }

    private static void CheckMeasure(Validation v, TileSpec tile, string at)
    {
        var fn = tile.Measure?.Fn ?? "count";
        var field = tile.Measure?.Field;
        if (fn is not ("count" or "avg" or "median" or "p90" or "sum"))
        {
            v.Add($"{at}measure.fn", L.T("measure.fn must be count, avg, median, p90 or sum.", "measure.fn moet count, avg, median, p90 of sum zijn."));
        }
        else if (fn == "count" && field is not null)
        {
            v.Add($"{at}measure.field", L.T("count takes no field.", "count neemt geen veld."));
        }
        else if (fn != "count" && !MeasureFields.Contains(field ?? ""))
        {
            v.Add($"{at}measure.field", L.T($"{fn} needs a measure field: {string.Join(", ", MeasureFields)}.",
                $"{fn} heeft een meetveld nodig: {string.Join(", ", MeasureFields)}."));
        }
        else if (fn == "sum")
        {
            v.Add($"{at}measure.fn", L.T("Days can be averaged, not summed: use avg, median or p90.", "Dagen kunnen gemiddeld worden, niet opgeteld: gebruik avg, median of p90."));
        }
        else if (fn != "count" && tile.Chart is Charts.Funnel or Charts.List)
        {
            v.Add($"{at}measure.fn", L.T("A funnel or a list counts persons: use count.", "Een trechter of lijst telt personen: gebruik count."));
        }
    }

    private static void CheckGroups(Validation v, List<TileGroupBy>? groups, string at)
    {
        if (groups is { Count: > 2 })
        {
            v.Add($"{at}groupBy", L.T("Group by at most two fields.", "Groepeer op hoogstens twee velden."));
            return;
        }

        for (var i = 0; i < (groups?.Count ?? 0); i++)
        {
            var group = groups![i];
            var field = SearchFields.Find(group?.Field);
            var where = $"{at}groupBy[{i}]";
            if (field is null || !field.AppliesTo(Entities.Person) || !Groupable(field))
            {
                v.Add($"{where}.field", L.T($"Cannot group by “{group?.Field}”: pick a list or date field of a person.",
                    $"Kan niet groeperen op “{group?.Field}”: kies een lijst- of datumveld van een persoon."));
            }
            else if (field.Type == FieldType.Date && !Buckets.Contains(group!.Bucket ?? ""))
            {
                v.Add($"{where}.bucket", L.T("A date is grouped by day, week or month.", "Een datum wordt gegroepeerd per dag, week of maand."));
            }
            else if (field.Type != FieldType.Date && group!.Bucket is not null)
            {
                v.Add($"{where}.bucket", L.T("Only a date takes a bucket.", "Alleen een datum krijgt een bucket."));
            }
            else if (field.Type == FieldType.Text && groups.Count > 1)
            {
                v.Add($"{where}.field", L.T($"“{field.Label()}” groups alone: remove the second grouping.",
                    $"“{field.Label()}” groepeert alleen: verwijder de tweede groepering."));
            }
        }
    }

    /// <summary>List fields of one value per person, dates (each time a person became a lead counts), and text of a short vocabulary.</summary>
    public static bool Groupable(SearchField field) =>
        (field.Type == FieldType.List && !field.Many && field.Source != ListSource.Company) || field.Type == FieldType.Date || field.GroupsAsText;

    private static void CheckPeriod(Validation v, TilePeriod? period, string at)
    {
        if (period is null)
        {
            return;
        }

        if (SearchFields.Find(period.Field) is not { Type: FieldType.Date } field || !field.AppliesTo(Entities.Person))
        {
            v.Add($"{at}period.field", L.T("period.field must be a date field of a person, such as person.becameLead.",
                "period.field moet een datumveld van een persoon zijn, zoals person.becameLead."));
        }

        if (period.Preset is not null && !PeriodPresets.All.Contains(period.Preset))
        {
            v.Add($"{at}period.preset", L.T($"period.preset must be one of {string.Join(", ", PeriodPresets.All)}.",
                $"period.preset moet een van {string.Join(", ", PeriodPresets.All)} zijn."));
        }
        else if (period.Preset == PeriodPresets.Custom && TilePeriods.Resolve(period.Preset, period.From, period.To, DateTime.UtcNow) is null)
        {
            v.Add($"{at}period.from", L.T("A custom period needs from and to (yyyy-mm-dd), from not after to.",
                "Een eigen periode heeft from en to nodig (jjjj-mm-dd), from niet na to."));
        }
    }
}
