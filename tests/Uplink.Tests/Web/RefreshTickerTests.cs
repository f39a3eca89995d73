using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Uplink.Checks;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.Web.Dashboard;

namespace Uplink.Web;

public sealed class RefreshTickerTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero));
    private readonly LatestResults _latest = new();
    private int _refreshes;

    [Fact]
    public void Changed_FirstResult_RefreshesAtOnce()
    {
        using var ticker = Start();

        _latest.Offer(Result("a"));

        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public void Changed_WithinASecondOfARefresh_WaitsUntilTheSecondIsOver()
    {
        using var ticker = Start();
        _latest.Offer(Result("a"));

        _clock.Advance(TimeSpan.FromMilliseconds(300));
        _latest.Offer(Result("a"));
        _latest.Offer(Result("b"));
        _clock.Advance(TimeSpan.FromMilliseconds(699));
        Assert.Equal(1, _refreshes);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void Changed_ASecondAfterARefresh_RefreshesAtOnce()
    {
        using var ticker = Start();
        _latest.Offer(Result("a"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        _latest.Offer(Result("a"));

        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void Changed_UnwantedMonitor_DoesNotRefresh()
    {
        using var ticker = Start(r => r.Monitor == "a");

        _latest.Offer(Result("b"));

        Assert.Equal(0, _refreshes);
    }

    [Fact]
    public void Period_WithoutResults_RefreshesEveryPeriod()
    {
        using var ticker = Start();

        _clock.Advance(Period - TimeSpan.FromTicks(1));
        Assert.Equal(0, _refreshes);

        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, _refreshes);

        _clock.Advance(Period);
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void Dispose_PendingRefresh_NeverRuns()
    {
        var ticker = Start();
        _latest.Offer(Result("a"));
        _latest.Offer(Result("a"));

        ticker.Dispose();
        _latest.Offer(Result("a"));
        _clock.Advance(Period * 2);

        Assert.Equal(1, _refreshes);
    }

    private RefreshTicker Start(Func<CheckResult, bool>? wanted = null) => new(
        _latest,
        _clock,
        Period,
        wanted ?? (_ => true),
        () =>
        {
            Interlocked.Increment(ref _refreshes);
            return Task.CompletedTask;
        },
        NullLogger.Instance);

    private CheckResult Result(string monitor) => new()
    {
        Monitor = monitor,
        Region = "local",
        PlannedAt = _clock.GetUtcNow(),
        StartedAt = _clock.GetUtcNow(),
        Duration = TimeSpan.FromMilliseconds(100),
        Health = Health.Up,
        Steps =
        [
            new StepResult
            {
                Name = monitor,
                Operation = "data-fetch",
                Thresholds = new Thresholds(
                    TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(3)),
                Method = "GET",
                Url = "https://api.example.test/",
                Duration = TimeSpan.FromMilliseconds(100),
                Band = LatencyBand.OnTarget,
                Timings = PhaseTimings.None,
            },
        ],
    };
}
