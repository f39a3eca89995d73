using Uplink.Configuration;

namespace Uplink.Judging;

public class ThresholdsTests
{
    public static TheoryData<string, double, LatencyBand> Boundaries => new()
    {
        // auth-refresh: target 200 ms, warning 500 ms, critical 2 s
        { Operations.AuthRefresh, 0, LatencyBand.OnTarget },
        { Operations.AuthRefresh, 199.9999, LatencyBand.OnTarget },
        { Operations.AuthRefresh, 200, LatencyBand.AboveTarget },
        { Operations.AuthRefresh, 500, LatencyBand.AboveTarget },
        { Operations.AuthRefresh, 500.0001, LatencyBand.Warning },
        { Operations.AuthRefresh, 2000, LatencyBand.Warning },
        { Operations.AuthRefresh, 2000.0001, LatencyBand.Critical },
        // data-fetch: 300 ms / 800 ms / 3 s
        { Operations.DataFetch, 299.9999, LatencyBand.OnTarget },
        { Operations.DataFetch, 300, LatencyBand.AboveTarget },
        { Operations.DataFetch, 800, LatencyBand.AboveTarget },
        { Operations.DataFetch, 800.0001, LatencyBand.Warning },
        { Operations.DataFetch, 3000, LatencyBand.Warning },
        { Operations.DataFetch, 3000.0001, LatencyBand.Critical },
        // search: 500 ms / 1 s / 3 s
        { Operations.Search, 499.9999, LatencyBand.OnTarget },
        { Operations.Search, 500, LatencyBand.AboveTarget },
        { Operations.Search, 1000, LatencyBand.AboveTarget },
        { Operations.Search, 1000.0001, LatencyBand.Warning },
        { Operations.Search, 3000, LatencyBand.Warning },
        { Operations.Search, 3000.0001, LatencyBand.Critical },
        // file-upload: 2 s / 5 s / 10 s
        { Operations.FileUpload, 1999.9999, LatencyBand.OnTarget },
        { Operations.FileUpload, 2000, LatencyBand.AboveTarget },
        { Operations.FileUpload, 5000, LatencyBand.AboveTarget },
        { Operations.FileUpload, 5000.0001, LatencyBand.Warning },
        { Operations.FileUpload, 10000, LatencyBand.Warning },
        { Operations.FileUpload, 10000.0001, LatencyBand.Critical },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void BandOf_AtAndAcrossEachBoundary_GivesTheBand(string operation, double milliseconds, LatencyBand expected)
    {
        var thresholds = Operations.BuiltIn[operation];

        var band = thresholds.BandOf(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, band);
    }

    [Fact]
    public void BandOf_OneTickPastWarning_IsWarning()
    {
        var thresholds = new Thresholds(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));

        Assert.Equal(LatencyBand.AboveTarget, thresholds.BandOf(TimeSpan.FromSeconds(2)));
        Assert.Equal(LatencyBand.Warning, thresholds.BandOf(TimeSpan.FromSeconds(2) + TimeSpan.FromTicks(1)));
        Assert.Equal(LatencyBand.OnTarget, thresholds.BandOf(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData(LatencyBand.OnTarget, Health.Up)]
    [InlineData(LatencyBand.AboveTarget, Health.Up)]
    [InlineData(LatencyBand.Warning, Health.Degraded)]
    [InlineData(LatencyBand.Critical, Health.Critical)]
    public void FromBand_MapsEachBandToItsHealth(LatencyBand band, Health expected) =>
        Assert.Equal(expected, HealthJudge.FromBand(band));
}
