using Cronos;

namespace Uplink.Heartbeats;

/// <summary>
/// What a heartbeat monitor expects of its job: a ping every <see cref="Period"/>, or at each time of a
/// cron <see cref="Schedule"/> in <see cref="TimeZone"/>, each allowed <see cref="Grace"/> to arrive.
/// </summary>
public sealed record HeartbeatDefinition
{
    /// <summary>The most time between two pings; null when the heartbeat follows a cron schedule.</summary>
    public TimeSpan? Period { get; init; }

    /// <summary>The cron schedule the job runs on; null when the heartbeat has a period.</summary>
    public CronExpression? Schedule { get; init; }

    /// <summary>The schedule as the config wrote it, for display.</summary>
    public string? ScheduleText { get; init; }

    /// <summary>The zone the schedule's times are in.</summary>
    /// <value>UTC unless the config names an IANA zone.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>How long after the expected time a ping may still arrive: late, not yet down.</summary>
    public required TimeSpan Grace { get; init; }

    /// <summary>How long a started run may take before the heartbeat is down.</summary>
    /// <value>The grace unless the config says otherwise.</value>
    public required TimeSpan MaxRuntime { get; init; }

    /// <summary>The fixed ping token from the config; null when Uplink generates and stores one.</summary>
    public string? Token { get; init; }

    /// <summary>The readable name pinged under the project's heartbeat key, instead of a token.</summary>
    public string? Slug { get; init; }

    /// <summary>A paused heartbeat keeps its pings but never goes late or down.</summary>
    public bool Paused { get; init; }

    /// <summary>The first moment a ping is overdue when the last one came at <paramref name="lastPing"/>.</summary>
    public DateTimeOffset? ExpectedAfter(DateTimeOffset lastPing) => Period is { } period
        ? lastPing + period
        : Schedule?.GetNextOccurrence(lastPing, TimeZone, inclusive: false);
}
