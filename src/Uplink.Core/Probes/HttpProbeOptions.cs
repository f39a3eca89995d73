using System.Security.Cryptography.X509Certificates;

namespace Uplink.Probes;

/// <summary>How the HTTP probe trusts servers and how much of a body it reads.</summary>
public sealed class HttpProbeOptions
{
    /// <summary>The default limit on a body's decoded length: 10 MB.</summary>
    public const long DefaultMaxBodyBytes = 10L * 1024 * 1024;

    /// <summary>
    /// The only roots a server certificate may chain to, for example a private CA. The host name is
    /// still checked.
    /// </summary>
    /// <value>Null by default: the system's trusted roots.</value>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>
    /// How many decoded body bytes a check reads. Past it the read stops and the check fails in the
    /// download phase, keeping the status, headers and the body read so far.
    /// </summary>
    /// <value>10 MB by default.</value>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Whether each monitor keeps one connection open from check to check instead of connecting
    /// afresh. Checks then time only the whole request and count only decoded body bytes.
    /// </summary>
    /// <value>False by default: every check connects afresh, as a phone opening the app would.</value>
    public bool ReuseConnections { get; init; }
}
