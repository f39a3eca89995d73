namespace Uplink.Configuration;

/// <summary>
/// The longest values the config accepts for the durations a monitor runs by. Past them a
/// timer could not be armed, and no app waits that long anyway.
/// </summary>
internal static class DurationLimits
{
    /// <summary>30 days: well within the longest wait one timer can be armed for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(30);

    /// <summary>One request may take at most 10 minutes.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>A whole flow may be given at most an hour.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromHours(1);

    public static TimeSpan For(string key) => key switch
    {
        "interval" => Interval,
        "timeout" => Timeout,
        "budget" => Budget,
        _ => Interval,
    };
}
