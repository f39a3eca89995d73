using Uplink.Heartbeats;

namespace Uplink.Storage;

/// <summary>A heartbeat's state as stored when it changed.</summary>
/// <param name="Monitor">The heartbeat monitor.</param>
/// <param name="State">The state it moved to.</param>
/// <param name="Reason">Why, in words for people.</param>
/// <param name="Since">When it entered the state.</param>
public sealed record StoredHeartbeatState(string Monitor, HeartbeatState State, string? Reason, DateTimeOffset Since);
