namespace Uplink.Probes;

/// <summary>The phases of one HTTP request, in the order they happen.</summary>
public enum ProbePhase
{
    /// <summary>Resolving the host name.</summary>
    Dns,

    /// <summary>Opening the TCP connection.</summary>
    Connect,

    /// <summary>The TLS handshake.</summary>
    Tls,

    /// <summary>Sending the request line, headers and body.</summary>
    Send,

    /// <summary>Waiting for the first byte of the response.</summary>
    FirstByte,

    /// <summary>Reading the rest of the response.</summary>
    Download,
}
