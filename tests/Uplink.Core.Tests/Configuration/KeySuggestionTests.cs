namespace Uplink.Configuration;

public class KeySuggestionTests
{
    [Theory]
    [InlineData("intervall", "interval")]
    [InlineData("URL", "url")]
    [InlineData("opration", "operation")]
    [InlineData("hedaers", "headers")]
    [InlineData("warn", "warning")]
    public void Nearest_CloseMisspelling_SuggestsKnownKey(string word, string expected)
    {
        string[] known = ["name", "interval", "url", "operation", "headers", "timeout", "warning"];

        Assert.Equal(expected, KeySuggestion.Nearest(word, known));
    }

    [Fact]
    public void Nearest_UnrelatedWord_SuggestsNothing()
    {
        Assert.Null(KeySuggestion.Nearest("colour", ["name", "interval", "url"]));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "abd", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_Words_CountsEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, KeySuggestion.Distance(a, b));
    }
}
