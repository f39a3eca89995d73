using System.Text.Json.Serialization;

namespace Uplink.Tls;

/// <summary>What a TLS handshake showed: the chains, the checks the client made, and what was negotiated.</summary>
public sealed record TlsFacts
{
    /// <summary>The host the client connected to.</summary>
    public required string Host { get; init; }

    /// <summary>The server name sent in the handshake (SNI), which the certificate must cover.</summary>
    public required string ServerName { get; init; }

    /// <summary>The certificates the server sent, its own first.</summary>
    public IReadOnlyList<CertificateFacts> Served { get; init; } = [];

    /// <summary>
    /// The chain the client built, from the server's certificate to a root; empty when none was built.
    /// </summary>
    public IReadOnlyList<CertificateFacts> Validated { get; init; } = [];

    /// <summary>Whether the server's certificate covers <see cref="ServerName"/>.</summary>
    public bool HostNameMatches { get; init; }

    /// <summary>Whether the chain reaches a trusted root and every certificate in it is valid.</summary>
    public bool Trusted { get; init; }

    /// <summary>What chain building found wrong, for example <c>PartialChain</c>; empty when trusted.</summary>
    public IReadOnlyList<string> ChainProblems { get; init; } = [];

    /// <summary>The protocol version, for example <c>TLS 1.3</c>; null when the handshake did not finish.</summary>
    public string? Protocol { get; init; }

    /// <summary>The cipher suite negotiated, for example <c>TLS_AES_256_GCM_SHA384</c>.</summary>
    public string? Cipher { get; init; }

    /// <summary>The first moment a certificate of the validated chain (else of the served chain) expires.</summary>
    public DateTimeOffset? EarliestExpiry => Judged.Count == 0 ? null : Judged.Min(c => c.NotAfter);

    /// <summary>The chain whose dates count: the validated one when it was built, else the served one.</summary>
    [JsonIgnore]
    public IReadOnlyList<CertificateFacts> Judged => Validated.Count > 0 ? Validated : Served;
}
