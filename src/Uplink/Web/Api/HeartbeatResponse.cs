namespace Uplink.Web.Api;

/// <summary>One heartbeat with its state, as listed by <c>GET /api/heartbeats</c>.</summary>
/// <param name="Name">The monitor's unique name.</param>
/// <param name="Group">The dashboard heading it is listed under.</param>
/// <param name="State">new, up, started, late, down or paused.</param>
/// <param name="Reason">Why it is in that state; null when up.</param>
/// <param name="Since">When it entered the state.</param>
/// <param name="LastPingAt">When the newest ping came; null before the first.</param>
/// <param name="LastPingKind">success, start or fail.</param>
/// <param name="LateAt">The first moment it is late without a ping (its next deadline).</param>
/// <param name="DownAt">The first moment it is down without a ping.</param>
/// <param name="PeriodSeconds">The period, for a heartbeat with one.</param>
/// <param name="Schedule">The cron schedule, for a heartbeat with one.</param>
/// <param name="TimeZone">The IANA zone of the schedule.</param>
/// <param name="GraceSeconds">How late a ping may be before the heartbeat is down.</param>
/// <param name="MaxRuntimeSeconds">How long a started run may take.</param>
/// <param name="PingPath">The path to ping, such as <c>/ping/TOKEN</c>.</param>
public sealed record HeartbeatResponse(
    string Name,
    string Group,
    string State,
    string? Reason,
    DateTimeOffset Since,
    DateTimeOffset? LastPingAt,
    string? LastPingKind,
    DateTimeOffset? LateAt,
    DateTimeOffset? DownAt,
    double? PeriodSeconds,
    string? Schedule,
    string? TimeZone,
    double GraceSeconds,
    double MaxRuntimeSeconds,
    string? PingPath);
