namespace Leadwerk.Web.Common;

/// <summary>A value that may be absent, for partial updates where "not given" differs from null.</summary>
public readonly record struct Opt<T>(bool IsSet, T Value)
{
    public static implicit operator Opt<T>(T value) => new(true, value);

    public T Or(T current) => IsSet ? Value : current;
}
