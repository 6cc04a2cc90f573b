using System.Globalization;
using System.Text;

namespace Leadwerk.Tests.Fuzz;

/// <summary>
/// A JSON value the fuzzer sends. Written by hand rather than by System.Text.Json, which refuses to
/// write what a careless or hostile client can: half a surrogate pair, a name given twice.
/// </summary>
public abstract record FuzzJson
{
    public string Text()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    public abstract void Write(StringBuilder text);

    public static FuzzJson Null { get; } = new Raw("null");

    public static FuzzJson Of(bool value) => new Raw(value ? "true" : "false");

    public static FuzzJson Of(long value) => new Raw(value.ToString(CultureInfo.InvariantCulture));

    public sealed record Raw(string Json) : FuzzJson
    {
        public override void Write(StringBuilder text) => text.Append(Json);
    }

    public sealed record Str(string Value) : FuzzJson
    {
        public override void Write(StringBuilder text) => Quote(text, Value);
    }

    public sealed record Arr(IReadOnlyList<FuzzJson> Items) : FuzzJson
    {
        public override void Write(StringBuilder text)
        {
            text.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                text.Append(i == 0 ? "" : ",");
                Items[i].Write(text);
            }

            text.Append(']');
        }
    }

    /// <summary>Properties in order; a name may come twice.</summary>
    public sealed record Obj(IReadOnlyList<(string Name, FuzzJson Value)> Properties) : FuzzJson
    {
        public override void Write(StringBuilder text)
        {
            text.Append('{');
            for (var i = 0; i < Properties.Count; i++)
            {
                text.Append(i == 0 ? "" : ",");
                Quote(text, Properties[i].Name);
                text.Append(':');
                Properties[i].Value.Write(text);
            }

            text.Append('}');
        }
    }

    /// <summary>Every char outside printable ASCII as \uXXXX, one UTF-16 unit at a time, so lone surrogates survive.</summary>
    private static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        text.Append('"');
    }
}
