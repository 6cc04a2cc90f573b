using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Leadwerk.Web.Data;
using Leadwerk.Web.Localization;
using Leadwerk.Web.Search;

namespace Leadwerk.Web.Selections;

/// <summary>
/// CSV of a selection's members, streamed page by page (keyset), so a large selection never sits
/// in memory. Dutch Excel expects `;`; cells that a spreadsheet would run as a formula are escaped.
/// </summary>
public sealed class SelectionExport(SelectionService selections)
{
    private const int PageSize = Common.Cursor.MaxLimit;

    public async Task Write(Stream output, int id, Actor user, IReadOnlyList<string>? columns, bool dutch, CancellationToken cancel)
    {
        // Labels, list names and numbers in the same language as the separator; async-local, so the request's culture is back afterwards.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(dutch ? "nl" : "en");
        var selection = await selections.Visible(id, user);
        var shown = columns is { Count: > 0 } ? columns : SearchFields.DefaultColumns(selection.Entity);
        var config = new CsvConfiguration(dutch ? new CultureInfo("nl-NL") : CultureInfo.InvariantCulture)
        {
            Delimiter = dutch ? ";" : ",",
            InjectionOptions = InjectionOptions.Escape,
        };
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, config);

        // The first page also checks the columns, before anything is written.
        var page = await selections.Members(id, user, shown, null, PageSize, null);
        csv.WriteField("id");
        foreach (var column in shown)
        {
            csv.WriteField(SearchFields.Find(column)!.Label());
        }

        await csv.NextRecordAsync();
        while (true)
        {
            foreach (var item in page.Items)
            {
                csv.WriteField(item["id"]);
                foreach (var column in shown)
                {
                    csv.WriteField(Cell(item.GetValueOrDefault(SearchFields.Find(column)!.Key)));
                }

                await csv.NextRecordAsync();
            }

            if (page.NextCursor is null || cancel.IsCancellationRequested)
            {
                break;
            }

            page = await selections.Members(id, user, shown, null, PageSize, page.NextCursor);
        }

        await csv.FlushAsync();
    }

    public static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-') is { Length: > 0 } safe
            ? safe + ".csv" : "selection.csv";

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, L.IsDutch ? new CultureInfo("nl-NL") : CultureInfo.InvariantCulture),
    };
}
