namespace Uplink.Heartbeats;

/// <summary>
/// How this server came to watch a heartbeat: since when it has been running, and whether the
/// heartbeat was already down when the server last stopped.
/// </summary>
/// <param name="Since">When this server started watching; deadlines that passed before it get a fresh grace.</param>
/// <param name="WasDown">The stored state was down; such a heartbeat gets no fresh grace and no second alert.</param>
public sealed record HeartbeatWatch(DateTimeOffset Since, bool WasDown = false);
