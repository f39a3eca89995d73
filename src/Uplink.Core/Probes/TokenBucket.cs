namespace Uplink.Probes;

/// <summary>
/// A token bucket: tokens (bytes) accrue at a fixed rate from the clock, up to what
/// <see cref="Burst"/> of idle time earns, and taking more than have accrued returns how long to
/// wait until they will have. The small bucket also lets a transfer catch up with the time a timer
/// fired late, so that late timers do not slow the rate.
/// </summary>
internal sealed class TokenBucket(double bytesPerSecond, TimeProvider timeProvider)
{
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(100);

    private readonly long _burst = (long)(Burst.TotalSeconds * timeProvider.TimestampFrequency);
    private long? _freeAt;

    /// <summary>Takes <paramref name="bytes"/> tokens; returns the wait before they may move.</summary>
    public TimeSpan Take(int bytes)
    {
        if (bytes <= 0)
        {
            return TimeSpan.Zero;
        }

        var now = timeProvider.GetTimestamp();
        var start = _freeAt is { } free && free > now - _burst ? free : now - _burst;
        var cost = (long)(bytes / bytesPerSecond * timeProvider.TimestampFrequency);
        _freeAt = start + cost;
        return _freeAt.Value > now ? timeProvider.GetElapsedTime(now, _freeAt.Value) : TimeSpan.Zero;
    }
}
