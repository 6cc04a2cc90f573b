using Leadwerk.Tests.Safety;
using Xunit.Sdk;

namespace Leadwerk.Tests.Infrastructure;

public sealed class LongRunningFirstTests
{
    [Fact]
    public void ClassesMarkedAsRunningLongAreStartedBeforeTheOthersAndTheRestKeepTheirOrder()
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(LongRunningFirst).Assembly));
        var factory = new CollectionPerClassTestCollectionFactory(assembly, new NullMessageSink());
        var classes = new[] { typeof(LongRunningFirstTests), typeof(CrashRoundTestsOnSqlite), typeof(AShortClass), typeof(CrashRoundTestsOnPostgres) };
        var collections = classes.Select(c => factory.Get(Reflector.Wrap(c))).ToList();

        var ordered = new LongRunningFirst().OrderTestCollections(collections).ToList();

        Assert.Equal([collections[1], collections[3], collections[0], collections[2]], ordered);
    }

    private sealed class AShortClass;
}
