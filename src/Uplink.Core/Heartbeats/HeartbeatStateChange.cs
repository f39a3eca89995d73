namespace Uplink.Heartbeats;

/// <summary>A heartbeat moved to another state: stored with its reason, shown, and fed to incidents.</summary>
/// <param name="Monitor">The heartbeat monitor.</param>
/// <param name="Previous">The state before, or null for the first state this server saw.</param>
/// <param name="Status">The new state with its reason and since when it holds.</param>
/// <param name="RecordedAt">When Uplink noticed the change.</param>
public sealed record HeartbeatStateChange(
    string Monitor,
    HeartbeatState? Previous,
    HeartbeatStatus Status,
    DateTimeOffset RecordedAt);
