using System.Security.Cryptography.X509Certificates;
using Uplink.Probes;

namespace Uplink.Tls;

/// <summary>Where a <c>tls</c> monitor shakes hands, and whom it trusts.</summary>
public sealed record TlsTarget
{
    /// <summary>The host name or IP address to connect to.</summary>
    public required string Host { get; init; }

    /// <value>443 unless the config says otherwise.</value>
    public int Port { get; init; } = 443;

    /// <summary>The server name to send (SNI) and to check the certificate against; the host when null.</summary>
    public string? ServerName { get; init; }

    /// <summary>The only roots the chain may end in (a CA bundle); null for the system's roots.</summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>Which addresses the handshake may connect to.</summary>
    /// <value><see cref="EgressPolicy.Default"/> unless the config's top-level <c>egress</c> says otherwise.</value>
    public EgressPolicy Egress { get; init; } = EgressPolicy.Default;

    /// <summary>The name sent in the handshake: <see cref="ServerName"/>, else <see cref="Host"/>.</summary>
    public string SentName => ServerName ?? Host;
}
