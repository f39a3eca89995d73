using Uplink.Web.Api;

namespace Uplink.Web;

public sealed class ResultQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryParse_NothingGiven_IsTheLastHourUpToNowWithTheDefaultLimit()
    {
        Assert.True(ResultQuery.TryParse(null, null, null, Now, out var query, out _));

        Assert.Equal(new ResultQuery(Now.AddHours(-1), Now, 500), query);
    }

    [Fact]
    public void TryParse_OnlyTo_ReachesAnHourBeforeIt()
    {
        Assert.True(ResultQuery.TryParse(null, "2026-12-01T08:00:00Z", null, Now, out var query, out _));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), query.From);
    }

    [Theory]
    [InlineData("2026-12-03T12:30:00Z")]
    [InlineData("2026-12-03T14:30:00+02:00")]
    [InlineData("2026-12-03T12:30:00.000Z")]
    [InlineData("2026-12-03T12:30Z")]
    [InlineData("2026-12-03T12:30:00")]
    public void TryParse_IsoForms_AreReadAsTheSameInstant(string from)
    {
        Assert.True(ResultQuery.TryParse(from, null, null, Now, out var query, out var problem), problem);

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 30, 0, TimeSpan.Zero), query.From);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5000", 5000)]
    public void TryParse_LimitAtTheBounds_IsAccepted(string limit, int expected)
    {
        Assert.True(ResultQuery.TryParse(null, null, limit, Now, out var query, out _));

        Assert.Equal(expected, query.Limit);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void TryParse_LimitNotAWholeNumberInRange_NamesTheLimit(string limit)
    {
        Assert.False(ResultQuery.TryParse(null, null, limit, Now, out _, out var problem));

        Assert.Equal($"limit: '{limit}' is not a whole number from 1 to 5000", problem);
    }

    [Fact]
    public void TryParse_FromOneTickBeforeTo_IsAccepted()
    {
        var to = "2026-12-03T12:00:00Z";
        var from = "2026-12-03T11:59:59.9999999Z";

        Assert.True(ResultQuery.TryParse(from, to, null, Now, out var query, out _));

        Assert.Equal(TimeSpan.FromTicks(1), query.To - query.From);
    }

    [Fact]
    public void TryParse_DefaultFromAfterAnExplicitToThatIsLate_IsStillBeforeIt()
    {
        Assert.True(ResultQuery.TryParse(null, "2030-01-01T00:00:00Z", null, Now, out var query, out _));

        Assert.True(query.From < query.To);
    }
}
