using System.Net;
using Uplink.Tls;

namespace Uplink.Probes;

/// <summary>
/// What one HTTP request found: the response, or the phase it failed in and why. A target's
/// failure is a value of this type, never an exception.
/// </summary>
public sealed record HttpExchange
{
    public required string Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The whole time from the first DNS query to the last byte read, or to the failure.</summary>
    public required TimeSpan Duration { get; init; }

    public required PhaseTimings Timings { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Response headers and content headers, names compared without regard to case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body as text, decoded from its declared charset (UTF-8 when none).</summary>
    public string Body { get; init; } = "";

    /// <summary>Bytes received after TLS: status line, headers and body as sent on the wire.</summary>
    public long BytesReceived { get; init; }

    /// <summary>The body's length in bytes as read.</summary>
    public long BodyBytes { get; init; }

    /// <summary>The phase the request failed in, or null when a response was read whole.</summary>
    public ProbePhase? FailedPhase { get; init; }

    /// <summary>A readable reason for the failure, for example "connection refused".</summary>
    public string? Error { get; init; }

    /// <summary>What the TLS handshake showed, for https; null for http or when no certificate arrived.</summary>
    public TlsFacts? Tls { get; init; }

    /// <summary>Bytes each way, header bytes, the server's content coding and the round trips waited on.</summary>
    public TransferFacts Transfer { get; init; } = new();

    public bool Succeeded => FailedPhase is null;

    /// <summary>How many redirects were followed; the timings are those of the last hop.</summary>
    public int Redirects { get; init; }

    /// <summary>The address the response came from: the request's own unless redirects were followed.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>The HTTP version the server answered with, for example "1.1" or "2".</summary>
    public string? HttpVersion { get; init; }

    /// <summary>The SHA-256 of the decoded body bytes as lowercase hex; null when no body was read.</summary>
    public string? BodySha256 { get; init; }
}
