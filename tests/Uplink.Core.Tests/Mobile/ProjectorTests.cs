using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Mobile;

public sealed class ProjectorTests
{
    [Fact]
    public void Project_AddsRoundTripsAndBothDirectionsAtTheProfilesRates()
    {
        var profile = new NetworkProfile("test", 8_000_000, 800_000, TimeSpan.FromMilliseconds(100), 0);
        var facts = new TransferFacts
        {
            WireBytes = 2_000_000,
            BytesSent = 100_000,
            Lookups = 1,
            Connections = 1,
            Handshakes = 1,
            TlsRoundTrips = 2,
            Requests = 1,
        };

        var duration = Projector.Project(facts, profile);

        Assert.Equal(TimeSpan.FromSeconds(0.5 + 2 + 1), duration);
    }

    [Fact]
    public void Project_LossSlowsTheTransfer()
    {
        var lossless = new NetworkProfile("a", 8_000_000, 8_000_000, TimeSpan.Zero, 0);
        var lossy = lossless with { Loss = 0.2 };
        var facts = new TransferFacts { WireBytes = 1_000_000 };

        Assert.Equal(1.25, Projector.Project(facts, lossy) / Projector.Project(facts, lossless), 6);
    }

    [Fact]
    public void Judge_ProjectionPastTheAppTimeout_DegradesWithTheFigures()
    {
        var facts = new TransferFacts { WireBytes = (long)(5.1 * 1024 * 1024), Connections = 1, Requests = 1 };
        var exchange = Exchange(facts);
        var options = new MobileOptions { Profiles = [NetworkProfiles.ThreeG, NetworkProfiles.FourG] };

        var report = TransferJudge.Judge(exchange, null, options);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(Health.Degraded, finding.Health);
        Assert.Equal("5.1 MB takes 27.47 s on 3g; the app gives up at 15 s", finding.Text);
        Assert.Equal(2, report.Projections.Count);
    }

    [Fact]
    public void Judge_OverTheSizeBudget_TakesTheConfiguredOutcome()
    {
        var exchange = Exchange(new TransferFacts { WireBytes = 600 * 1024 });
        var options = new MobileOptions { SizeBudget = 500 * 1024, OverBudget = Health.Critical };

        var report = TransferJudge.Judge(exchange, operationBudget: 10 * 1024 * 1024, options);

        Assert.Equal(Health.Critical, report.Health);
        Assert.Equal("600 KB on the wire is over the size budget of 500 KB", report.Findings[0].Text);
    }

    [Fact]
    public void Judge_OperationBudget_AppliesWhenTheMonitorSetsNone()
    {
        var report = TransferJudge.Judge(Exchange(new TransferFacts { WireBytes = 2048 }), 1024, MobileOptions.None);

        Assert.Equal(Health.Degraded, report.Health);
        Assert.Equal(1024, report.SizeBudget);
    }

    [Fact]
    public void LifecycleOf_ReadsDeprecationAndSunsetDates()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Deprecation"] = "@1767225600",
            ["Sunset"] = "Wed, 30 Jun 2027 23:59:59 GMT",
        };

        var lifecycle = TransferJudge.LifecycleOf(headers);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), lifecycle!.DeprecatedAt);
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 23, 59, 59, TimeSpan.Zero), lifecycle.SunsetAt);
    }

    private static HttpExchange Exchange(TransferFacts facts) => new()
    {
        Method = "GET",
        Url = new Uri("https://api.example.com/"),
        Duration = TimeSpan.FromMilliseconds(100),
        Timings = PhaseTimings.None,
        Transfer = facts,
    };
}
