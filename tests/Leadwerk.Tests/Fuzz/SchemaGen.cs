using System.Text.Json.Nodes;
using CsCheck;

namespace Leadwerk.Tests.Fuzz;

/// <summary>
/// Request bodies for an endpoint, generated from the schema the app publishes in its OpenAPI
/// document: mostly the right shape with plausible and hostile values, sometimes the wrong type,
/// a name given twice, an unknown property or nesting too deep to read.
/// </summary>
public sealed class SchemaGen(JsonObject document)
{
    /// <summary>Words the app gives meaning to, so generated bodies get past the first check now and then.</summary>
    private static readonly string[] Words =
    [
        "person", "company", "person.lastName", "person.firstName", "person.email", "person.leadStatus", "person.owner",
        "person.category", "person.company", "company.name", "company.category", "company.owner", "company.saleStatus",
        "person.created", "contains", "startsWith", "equals", "oneOf", "notOneOf", "isEmpty", "between", "lastDays", "today",
        "set", "clear", "admin", "user", "en", "nl", "static", "dynamic", "open", "sold", "lost", "stalled", "potentialCustomer",
        "customer", "me", "leadStatus", "category", "owner", "2026-01-01", "2026-13-45", "anna@example.com", "not an e-mail",
        "EUR", "XXX", "apply", "queue", "skip", "leadStatusSet", "saleSold", "-person.lastName", "Bakker", "", " ",
    ];

    private static readonly string[] Hostile =
    [
        "\0", "a\0b", "\ud800", "a\udc00b", "\ufffe", "x\uffff", "\ufdd0", "\u202eevil", "😀", "e\u0301", "İ", "ß",
        "<script>alert(1)</script>", "'; drop table Persons; --", "%", "_", "\\", "\"", "\r\n", "=HYPERLINK(\"x\")", "{{7*7}}",
    ];

    private static readonly long[] Numbers = [0, 1, 2, 3, 5, 8, 13, -1, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue];

    private static readonly string[] RawNumbers = ["1.5", "-0", "1e308", "1e400", "0.0000001", "12345678901234567890123"];

    public Gen<string> Body(JsonNode schema) => Value(schema, 0).Select(v => v.Text());

    public static Gen<string> Text { get; } = Gen.Frequency(
        (6, Gen.OneOf(Words)),
        (2, Gen.OneOf(Hostile)),
        (2, Gen.String[0, 12]),
        (1, Gen.OneOf(Gen.Const(256), Gen.Const(1_001), Gen.Const(20_000)).Select(n => new string('x', n))),
        (1, Gen.Select(Gen.OneOf(Words), Gen.OneOf(Hostile), (w, h) => w + h)));

    public static Gen<long> Number { get; } = Gen.Frequency((4, Gen.Long[1, 40]), (2, Gen.OneOf(Numbers)));

    private Gen<FuzzJson> Value(JsonNode? schema, int depth)
    {
        var resolved = Resolve(schema);
        if ((resolved?["oneOf"] ?? resolved?["anyOf"]) is JsonArray alternatives && alternatives.Count > 0)
        {
            return Gen.OneOf<FuzzJson>([.. alternatives.Select(a => Value(a, depth))]);
        }

        var types = Types(resolved);
        var gens = new List<(int, IGen<FuzzJson>)> { (1, Wrong(depth)) };
        foreach (var type in types)
        {
            var weight = type == "null" ? 2 : 30;
            gens.Add((weight, type switch
            {
                "object" => Object(resolved, depth),
                "array" => Array(resolved, depth),
                "integer" => Number.Select(n => FuzzJson.Of(n)),
                "number" => Gen.Frequency((3, Number.Select(n => FuzzJson.Of(n))), (1, Gen.OneOf(RawNumbers).Select(r => (FuzzJson)new FuzzJson.Raw(r)))),
                "boolean" => Gen.Bool.Select(FuzzJson.Of),
                "null" => Gen.Const(FuzzJson.Null),
                _ => Text.Select(t => (FuzzJson)new FuzzJson.Str(t)),
            }));
        }

        return Gen.Frequency([.. gens]);
    }

    /// <summary>A value of another type than the schema asks, or JSON nested deeper than the reader allows.</summary>
    private static Gen<FuzzJson> Wrong(int depth)
    {
        var gens = new List<(int, IGen<FuzzJson>)>
        {
            (4, Gen.OneOf<FuzzJson>(FuzzJson.Null, FuzzJson.Of(true), new FuzzJson.Obj([]), new FuzzJson.Arr([]))),
            (3, Text.Select(t => (FuzzJson)new FuzzJson.Str(t))),
            (3, Number.Select(n => FuzzJson.Of(n))),
        };
        if (depth == 0)
        {
            gens.Add((1, Gen.Const((FuzzJson)new FuzzJson.Raw(new string('[', 200) + new string(']', 200)))));
        }

        return Gen.Frequency([.. gens]);
    }

    private Gen<FuzzJson> Object(JsonObject? schema, int depth)
    {
        var properties = (schema?["properties"] as JsonObject)?.ToList() ?? [];
        if (depth > 4 || properties.Count == 0)
        {
            return Gen.Const((FuzzJson)new FuzzJson.Obj([]));
        }

        Gen<List<(string, FuzzJson)>> Property(string name, JsonNode? property)
        {
            var value = Value(property, depth + 1);
            var gens = new List<(int, IGen<List<(string, FuzzJson)>>)>
            {
                (40, value.Select(v => new List<(string, FuzzJson)> { (name, v) })),
                (6, Gen.Const(new List<(string, FuzzJson)>())),
            };
            if (depth == 0)
            {
                // The same name twice, with two values.
                gens.Add((1, Gen.Select(value, value, (a, b) => new List<(string, FuzzJson)> { (name, a), (name, b) })));
            }

            return Gen.Frequency([.. gens]);
        }

        var all = Gen.Frequency(
            (10, Gen.Const(new List<(string, FuzzJson)>())),
            (1, Text.Select(t => new List<(string, FuzzJson)> { ("unknown", new FuzzJson.Str(t)) })));
        foreach (var (name, property) in properties)
        {
            all = Gen.Select(all, Property(name, property), (before, next) => new List<(string, FuzzJson)>([.. before, .. next]));
        }

        return all.Select(parts => (FuzzJson)new FuzzJson.Obj(parts));
    }

    private Gen<FuzzJson> Array(JsonObject? schema, int depth)
    {
        if (depth > 4)
        {
            return Gen.Const((FuzzJson)new FuzzJson.Arr([]));
        }

        var item = Value(schema?["items"], depth + 1);
        var few = item.List[0, 4].Select(items => (FuzzJson)new FuzzJson.Arr(items));
        if (depth > 2)
        {
            return few;
        }

        // Past the limits a script might try (criteria: 100 lines, 1,000 values), once per body at most.
        return Gen.Frequency((8, few), (1, Gen.OneOf(Gen.Const(101), Gen.Const(1_001), Gen.Const(2_001)).SelectMany(n =>
            item.Select(one => (FuzzJson)new FuzzJson.Arr(Enumerable.Repeat(one, n).ToList())))));
    }

    private JsonObject? Resolve(JsonNode? schema)
    {
        while (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
        }

        return schema as JsonObject;
    }

    private static List<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).Where(t => t != "string" || !many.Any(o => o!.GetValue<string>() is "integer" or "number")).ToList(),
        JsonValue one => [one.GetValue<string>()],
        // No type (JsonNode, an open value): anything.
        _ => ["object", "string", "integer", "boolean", "null"],
    };
}
