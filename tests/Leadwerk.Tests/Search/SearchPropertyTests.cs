using CsCheck;
using Leadwerk.Tests.Infrastructure;
using Leadwerk.Web.Data;
using Leadwerk.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwerk.Tests.Search;

/// <summary>
/// The engine against a plain in-memory filter: for random criteria over random data, walking
/// every page (small limit, any sort, either direction) yields exactly the reference's matches,
/// each once, in the promised order.
/// </summary>
public abstract class SearchPropertyTests(LeadwerkApp app, SearchDataSet data)
{
    /// <summary>Per provider; both together stay above the 500 cases CI asks for.</summary>
    private const int Cases = 260;

    private int _someButNotAll;
    private int _multiPage;

    [Fact]
    public async Task EveryCriteriaFindsWhatAPlainFilterFindsAndEveryPageWalkReturnsEachMatchOnceInOrder()
    {
        await CriteriaGen.Cases(data).SampleAsync(Check, iter: Cases, threads: 1);

        // A generator whose criteria always match nothing (or everything) would prove little.
        Assert.True(_someButNotAll > Cases / 4, $"only {_someButNotAll} of {Cases} cases matched some but not all persons");
        Assert.True(_multiPage > Cases / 5, $"only {_multiPage} of {Cases} cases walked more than one page");
    }

    [Fact]
    public void TheReferenceFilterKnowsEveryPersonField()
    {
        // The generated data has no touches: the attribution fields are held to hand-computed values in TouchCriteriaApiTests.
        var known = SearchFields.For("person").Where(f => !ReferenceSearch.HistoryFields.Contains(f.Key) && f.Feature != "utmAttribution").ToList();

        Assert.Equal(known.Select(f => f.Key).Order(), ReferenceSearch.PersonFields.Keys.Order());
        Assert.All(known, f => Assert.Equal(f.Type.ToString(), ReferenceSearch.PersonFields[f.Key].ToString()));
    }

    private async Task Check(SearchCase c)
    {
        var now = DateTime.UtcNow;
        var expected = ReferenceSearch.Expected(data, c.Criteria, c.MeId, c.Sort, now);
        _someButNotAll += expected.Count > 0 && expected.Count < data.Persons.Count ? 1 : 0;
        _multiPage += expected.Count > c.Limit ? 1 : 0;
        var walked = new List<int>();
        string? cursor = null;
        var first = true;

        // One connection per case: SQLite test files are opened without pooling, and opening one per query is slow.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LeadwerkDbContext>().Database.OpenConnectionAsync();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        do
        {
            var page = await search.Search(new SearchRequest(c.Criteria, ["person.lastName"], c.Sort, c.Limit, cursor, Count: first), c.MeId);
            if (first)
            {
                Assert.True(expected.Count == page.Count, $"seed {data.Seed}: count {page.Count}, expected {expected.Count}");
            }

            Assert.True(page.NextCursor is null ? page.Items.Count <= c.Limit : page.Items.Count == c.Limit,
                $"seed {data.Seed}: a page of {page.Items.Count} with limit {c.Limit}, next cursor {page.NextCursor ?? "none"}");
            walked.AddRange(page.Items.Select(i => (int)i["id"]!));
            cursor = page.NextCursor;
            first = false;
            Assert.True(walked.Count <= expected.Count + c.Limit, $"seed {data.Seed}: the walk does not end: {string.Join(",", walked)}");
        }
        while (cursor is not null);

        Assert.True(expected.SequenceEqual(walked),
            $"seed {data.Seed}: expected [{string.Join(",", expected)}] but the pages gave [{string.Join(",", walked)}]");
    }
}

public sealed class SearchPropertyTestsOnSqlite(SearchDataSqliteApp app) : SearchPropertyTests(app, app.Data), IClassFixture<SearchDataSqliteApp>;

public sealed class SearchPropertyTestsOnPostgres(SearchDataPostgresApp app) : SearchPropertyTests(app, app.Data), IClassFixture<SearchDataPostgresApp>;
