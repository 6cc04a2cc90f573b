using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Leadwerk.Tests.Infrastructure.LongRunningFirst", "Leadwerk.Tests")]

namespace Leadwerk.Tests.Infrastructure;

/// <summary>
/// Marks a test class that runs for minutes (app processes started and killed, the benchmark's smoke
/// run), so that <see cref="LongRunningFirst"/> starts it early.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;

/// <summary>
/// Starts the classes marked <see cref="RunsLongAttribute"/> before the others. The suite is
/// CPU-bound on two cores; a run that ends on one long class leaves a core idle for minutes, while
/// many short classes at the end fill both.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => RunsLong(c) ? 0 : 1);

    private static bool RunsLong(ITestCollection collection)
    {
        if (collection.CollectionDefinition is not null || !collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = collection.DisplayName[PerClassPrefix.Length..].Split(' ')[0];
        return typeof(LongRunningFirst).Assembly.GetType(name)?.IsDefined(typeof(RunsLongAttribute), inherit: false) == true;
    }
}
