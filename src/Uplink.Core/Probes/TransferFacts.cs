namespace Uplink.Probes;

/// <summary>
/// What one request moved and how many times it waited on the network: the inputs of the size
/// budget and of projections onto slower links.
/// </summary>
public sealed record TransferFacts
{
    /// <summary>Bytes sent after TLS: request lines, headers and body.</summary>
    public long BytesSent { get; init; }

    /// <summary>Bytes received after TLS and before decompression: what the link carried.</summary>
    public long WireBytes { get; init; }

    /// <summary>The bytes of status lines and response headers among <see cref="WireBytes"/>.</summary>
    public long HeaderBytes { get; init; }

    /// <summary>The body's length once decoded (decompressed), as read.</summary>
    public long DecodedBytes { get; init; }

    /// <summary>The <c>Content-Encoding</c> the server chose, for example <c>gzip</c>; null when none.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>Name lookups made: each costs a round trip.</summary>
    public int Lookups { get; init; }

    /// <summary>Connections opened: each costs a round trip for TCP.</summary>
    public int Connections { get; init; }

    /// <summary>TLS handshakes made, each costing <see cref="TlsRoundTrips"/> round trips.</summary>
    public int Handshakes { get; init; }

    /// <summary>Round trips per TLS handshake: 1 for TLS 1.3, 2 before it.</summary>
    public int TlsRoundTrips { get; init; } = 1;

    /// <summary>Requests answered: each is one request/response turn.</summary>
    public int Requests { get; init; }

    /// <summary>The body's bytes as carried, compressed or not: the wire bytes less the headers.</summary>
    public long BodyWireBytes => Math.Max(0, WireBytes - HeaderBytes);

    /// <summary>The round trips the request waited on: lookups, connects, handshakes and turns.</summary>
    public int RoundTrips => Lookups + Connections + (Handshakes * TlsRoundTrips) + Requests;
}
