using Uplink.Heartbeats;

using System.Security.Cryptography.X509Certificates;
using Uplink.Mobile;
using Uplink.Tls;

namespace Uplink.Configuration;

/// <summary>The kinds of monitor Uplink can run.</summary>
public enum MonitorKind
{
    /// <summary>One HTTP request.</summary>
    Http,

    /// <summary>An ordered chain of HTTP requests that pass values along.</summary>
    Flow,

    /// <summary>Waits for pings from a job; checked by the pings' timing, not by requests.</summary>
    Heartbeat,

    /// <summary>A TLS handshake with a host and port, judged on its certificates and pins.</summary>
    Tls,
}

/// <summary>
/// One configured thing to watch. An <c>http</c> monitor is run as a flow of one step named after
/// the monitor, so both kinds share a single path through the runner, the judge and the store.
/// </summary>
public sealed record MonitorDefinition
{
    public required string Name { get; init; }

    public required MonitorKind Kind { get; init; }

    /// <summary>The dashboard heading the monitor is listed under.</summary>
    /// <value>Defaults to <c>default</c>.</value>
    public string Group { get; init; } = "default";

    public required TimeSpan Interval { get; init; }

    /// <summary>How long one request may take before it fails in the phase it reached.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>For a flow, the most the whole chain may take before its health is degraded.</summary>
    public TimeSpan? Budget { get; init; }

    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>For a heartbeat, what it expects of its job's pings; null for other kinds.</summary>
    public HeartbeatDefinition? Heartbeat { get; init; }

    /// <summary>Expiry bands and pin sets that judge the certificates of every https request.</summary>
    /// <value><see cref="TlsPolicy.Default"/> unless the config sets <c>expiry</c> or pins.</value>
    public TlsPolicy TlsPolicy { get; init; } = TlsPolicy.Default;

    /// <summary>The only roots the monitor trusts (its <c>ca-bundle</c>); null for the system's roots.</summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>How the monitor's requests travel: redirects, body cap, HTTP version, proxy, egress policy.</summary>
    /// <value><see cref="RequestSettings.Default"/> unless the config says otherwise.</value>
    public RequestSettings Requests { get; init; } = RequestSettings.Default;

    /// <summary>For a <c>tls</c> monitor, where it shakes hands; its one step names the same place.</summary>
    public TlsTarget? TlsTarget { get; init; }

    /// <summary>Accept-Encoding, size budget, network profiles and app timeout.</summary>
    /// <value><see cref="MobileOptions.None"/> unless the config sets any of them.</value>
    public MobileOptions Mobile { get; init; } = MobileOptions.None;

    /// <summary>For a variant, its dimensions and the monitor it came from; null for other monitors.</summary>
    public MonitorVariant? Variant { get; init; }
}
