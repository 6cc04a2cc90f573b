using System.Globalization;
using Leadwerk.Web.Search;
using Leadwerk.Web.Selections;

namespace Leadwerk.Bench.Matrix;

/// <summary>The records the list and browser cells look at: the two biggest owners' persons and the largest company.</summary>
public sealed record Landmarks(int[] Owners, int CompanyId, long CompanyPersons)
{
    public static async Task<Landmarks> Of(Floor floor)
    {
        // The two owners with the most persons (the `run` command's bulk update moves two owners' persons to a third).
        var owners = await floor.Ids("""SELECT "OwnerId" FROM "Persons" WHERE "OwnerId" IS NOT NULL GROUP BY "OwnerId" ORDER BY COUNT(*) DESC, "OwnerId" LIMIT 2""");
        var company = (await floor.Rows("""SELECT "CompanyId", COUNT(*) FROM "Persons" WHERE "CompanyId" IS NOT NULL GROUP BY "CompanyId" ORDER BY 2 DESC LIMIT 1"""))[0];
        return new([.. owners.Select(o => (int)o)], Convert.ToInt32(company[0], CultureInfo.InvariantCulture), Convert.ToInt64(company[1], CultureInfo.InvariantCulture));
    }

    /// <summary>About a tenth of the persons (100k at 1M).</summary>
    public static Criteria TwoOwners(int[] owners) => Criteria.For(Entities.Person, CriteriaLine.Of("person.owner", Operators.OneOf, owners[0], owners[1]));

    /// <summary>A new private dynamic selection of <paramref name="criteria"/>, through the API.</summary>
    public static async Task<int> Selection(HttpClient client, Criteria criteria)
    {
        var selection = await Http.Json(client, HttpMethod.Post, "api/selections",
            new SelectionRequest($"Matrix {Guid.NewGuid():N}", null, Entities.Person, "dynamic", criteria, null, "private"));
        return selection.GetProperty("id").GetInt32();
    }
}
