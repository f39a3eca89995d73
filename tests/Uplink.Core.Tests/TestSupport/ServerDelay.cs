namespace Uplink.TestSupport;

/// <summary>A server handler's own pause, measured on the high-resolution clock the probe uses.</summary>
internal static class ServerDelay
{
    /// <summary>Waits at least <paramref name="duration"/>, even when a timer fires a little early.</summary>
    public static async Task AtLeastAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        for (var left = duration; left > TimeSpan.Zero; left = duration - clock.GetElapsedTime(started))
        {
            await Task.Delay(left, clock, cancellationToken);
        }
    }

    /// <summary>Waits until the client goes away.</summary>
    public static Task ForeverAsync(CancellationToken requestAborted) =>
        Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, requestAborted);
}
