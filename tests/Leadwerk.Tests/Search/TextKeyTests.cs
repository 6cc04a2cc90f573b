using Leadwerk.Web.Common;

namespace Leadwerk.Tests.Search;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Émile Öztürk", "emile ozturk")]
    [InlineData("VAN DEN Berg", "van den berg")]
    [InlineData("Łukasz", "łukasz")]
    [InlineData("anna@Example.NL", "anna@example.nl")]
    public void KeysAreLowerCaseWithoutAccents(string text, string key) => Assert.Equal(key, TextKey.Of(text));

    [Fact]
    public void EveryTextWithThePrefixLiesBeforeThePrefixEnd()
    {
        var end = TextKey.PrefixEnd("van")!;
        Assert.Equal("vao", end);
        foreach (var text in new[] { "van", "van dijk", "vanzzzz", "van\uffff" })
        {
            Assert.True(string.CompareOrdinal(text, end) < 0, text);
        }

        Assert.Null(TextKey.PrefixEnd(""));
    }
}
