using Uplink.Probes;

namespace Uplink.Tls;

/// <summary>What one handshake found: its facts, or the phase it failed in and why.</summary>
public sealed record TlsExchange
{
    public required TimeSpan Duration { get; init; }

    /// <summary>DNS, connect and TLS timings; the later phases stay null.</summary>
    public required PhaseTimings Timings { get; init; }

    /// <summary>The certificates and what was negotiated; null when no certificate was received.</summary>
    public TlsFacts? Facts { get; init; }

    /// <summary>The phase the handshake failed in, or null when it finished.</summary>
    public ProbePhase? FailedPhase { get; init; }

    /// <summary>A readable reason for the failure.</summary>
    public string? Error { get; init; }
}
