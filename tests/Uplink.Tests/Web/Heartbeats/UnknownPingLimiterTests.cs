using Microsoft.Extensions.Time.Testing;
using Uplink.Heartbeats;

namespace Uplink.Web.Heartbeats;

public class UnknownPingLimiterTests
{
    [Fact]
    public void TryAcquire_OverTheLimit_RefusedUntilTheMinuteIsOver()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        var limiter = new UnknownPingLimiter(time, new HeartbeatOptions { UnknownPingsPerMinute = 3 });

        var allowed = Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire("203.0.113.7")).ToList();
        var otherSource = limiter.TryAcquire("203.0.113.8");
        time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
        var lastRefused = limiter.TryAcquire("203.0.113.7");
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal([true, true, true, false], allowed);
        Assert.True(otherSource);
        Assert.False(lastRefused);
        Assert.True(limiter.TryAcquire("203.0.113.7"));
    }
}
