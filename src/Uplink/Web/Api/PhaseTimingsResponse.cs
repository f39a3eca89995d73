namespace Uplink.Web.Api;

/// <summary>How long each phase of a request took, in milliseconds; null for a phase that did not happen.</summary>
/// <param name="DnsMs">Resolving the host name; null for an IP address.</param>
/// <param name="ConnectMs">Opening the TCP connection.</param>
/// <param name="TlsMs">The TLS handshake; null for plain HTTP.</param>
/// <param name="FirstByteMs">From sending the request to the first byte of the response.</param>
/// <param name="DownloadMs">Reading the rest of the response.</param>
public sealed record PhaseTimingsResponse(
    double? DnsMs,
    double? ConnectMs,
    double? TlsMs,
    double? FirstByteMs,
    double? DownloadMs);
