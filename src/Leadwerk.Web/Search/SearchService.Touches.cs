using Leadwerk.Web.Attribution;
using Microsoft.EntityFrameworkCore;

namespace Leadwerk.Web.Search;

public sealed partial class SearchService
{
    /// <summary>
    /// Fills a page's attribution columns from the touches of its rows: one read per page for the
    /// persons and one for their companies, instead of a subquery per column and row.
    /// </summary>
    /// <param name="rows">Per item: the record's id and the id of the company whose source it shows.</param>
    private async Task FillTouches(List<Dictionary<string, object?>> items, List<(int Id, int? CompanyId)> rows, List<string> shown, string entity)
    {
        var columns = shown.Where(TouchFields.Is).ToList();
        if (columns.Count == 0 || items.Count == 0)
        {
            return;
        }

        var personTouches = new Dictionary<int, List<Touch>>();
        if (entity == Entities.Person && columns.Any(c => c.StartsWith("person.", StringComparison.Ordinal)))
        {
            var ids = rows.Select(r => r.Id).ToList();
            personTouches = (await db.Touches.AsNoTracking().Where(t => t.PersonId != null && ids.Contains(t.PersonId.Value)).ToListAsync())
                .GroupBy(t => t.PersonId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        }

        var companyTouches = new Dictionary<int, Touch>();
        if (columns.Any(c => c.StartsWith("company.source.", StringComparison.Ordinal)))
        {
            var ids = rows.Select(r => r.CompanyId).OfType<int>().Distinct().ToList();
            companyTouches = (await db.Touches.AsNoTracking().Where(t => t.Kind == TouchKind.CompanySource && t.CompanyId != null && ids.Contains(t.CompanyId.Value))
                .ToListAsync()).GroupBy(t => t.CompanyId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).First());
        }

        var all = personTouches.Values.SelectMany(t => t).Concat(companyTouches.Values).ToList();
        var formIds = all.Select(t => t.FormId).OfType<int>().Distinct().ToList();
        var forms = formIds.Count == 0 ? [] : await db.Forms.AsNoTracking().Where(f => formIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var touches = personTouches.GetValueOrDefault(rows[i].Id) ?? [];
            foreach (var column in columns)
            {
                var dot = column.LastIndexOf('.');
                var touch = column[..dot] switch
                {
                    "person.firstTouch" => touches.Where(t => t.Kind == TouchKind.FirstTouch).OrderBy(t => t.At).FirstOrDefault(),
                    "person.leadCreation" => touches.Where(t => t.Kind == TouchKind.LeadCreation).OrderBy(t => t.At).FirstOrDefault(),
                    "person.latestTouch" => touches.Where(t => t.Kind is TouchKind.LeadCreation or TouchKind.Conversion)
                        .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).FirstOrDefault(),
                    _ => rows[i].CompanyId is { } c ? companyTouches.GetValueOrDefault(c) : null,
                };
                items[i][column] = touch is null ? null : Part(touch, column[(dot + 1)..], forms);
            }
        }
    }

    private static object? Part(Touch t, string part, Dictionary<int, string> forms) => part switch
    {
        "source" => t.SourceKey,
        "medium" => t.MediumKey,
        "campaign" => t.Campaign,
        "term" => t.Term,
        "content" => t.Content,
        "channel" => t.Channel is null ? null : Channels.Name(t.Channel),
        "referrerDomain" => t.ReferrerDomain,
        "form" => t.FormId is { } id ? forms.GetValueOrDefault(id) : null,
        _ => t.At,
    };
}
