namespace Uplink.Probes;

/// <summary>
/// How long each phase of a request took. A phase that did not happen (no TLS on plain HTTP, no
/// DNS for an IP literal, nothing after a failure) is null.
/// </summary>
public sealed record PhaseTimings(
    TimeSpan? Dns,
    TimeSpan? Connect,
    TimeSpan? Tls,
    TimeSpan? FirstByte,
    TimeSpan? Download)
{
    public static PhaseTimings None { get; } = new(null, null, null, null, null);
}
