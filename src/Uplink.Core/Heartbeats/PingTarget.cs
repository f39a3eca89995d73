using Uplink.Configuration;

namespace Uplink.Heartbeats;

/// <summary>A heartbeat that can be pinged, with the path it is pinged at.</summary>
/// <param name="Monitor">The heartbeat monitor.</param>
/// <param name="Path">Its ping path, such as <c>/ping/TOKEN</c> or <c>/ping/KEY/SLUG</c>.</param>
public sealed record PingTarget(MonitorDefinition Monitor, string Path);
