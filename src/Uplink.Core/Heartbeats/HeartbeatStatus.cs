namespace Uplink.Heartbeats;

/// <summary>A heartbeat's state at one moment, why, since when, and when it may change next.</summary>
/// <param name="State">Where the heartbeat stands.</param>
/// <param name="Reason">Why, in words for people; null when up.</param>
/// <param name="Since">When the heartbeat entered this state.</param>
/// <param name="LateAt">The first moment it is late without a ping; null when nothing is expected.</param>
/// <param name="DownAt">The first moment it is down without a ping; null when nothing is expected.</param>
/// <param name="NextChangeAt">When the state changes by itself if no ping comes; null when it does not.</param>
public sealed record HeartbeatStatus(
    HeartbeatState State,
    string? Reason,
    DateTimeOffset Since,
    DateTimeOffset? LateAt,
    DateTimeOffset? DownAt,
    DateTimeOffset? NextChangeAt);
