namespace Uplink.Web.Api;

/// <summary>A heartbeat's newest pings, newest first.</summary>
/// <param name="Heartbeat">The heartbeat's name.</param>
/// <param name="Limit">The most pings asked for.</param>
/// <param name="Pings">The pings.</param>
public sealed record PingsResponse(string Heartbeat, int Limit, IReadOnlyList<PingResponse> Pings);
