using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Probes;

/// <summary>
/// The clock readings of one request, written by the handler's callbacks as the request moves from
/// phase to phase. A new connection (after a redirect to another host) starts its phases afresh;
/// the bytes count every connection.
/// </summary>
internal sealed class ProbeTimeline(TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();
    private long? _dnsStarted;
    private long? _dnsEnded;
    private long? _connectStarted;
    private long? _connectEnded;
    private long? _tlsEnded;
    private long? _firstByte;
    private long? _lastReceived;
    private long? _headersRead;
    private long? _bodyRead;
    private long _bytesReceived;
    private int _lookups;
    private int _connections;
    private int _handshakes;
    private int _requests;

    /// <summary>The phase in progress: the one a failure is charged to.</summary>
    public ProbePhase Phase { get; private set; } = ProbePhase.Dns;

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>The bytes sent and the response headers seen on the wire.</summary>
    public WireCounter Wire { get; } = new();

    public TimeSpan Elapsed => timeProvider.GetElapsedTime(_started);

    /// <summary>What validation found wrong with the server's certificate; none until one was checked.</summary>
    public SslPolicyErrors CertificateErrors { get; private set; }

    /// <summary>The problems found while building the server certificate's chain.</summary>
    public X509ChainStatusFlags ChainStatus { get; private set; }

    public void ConnectionStarting(bool resolving)
    {
        var now = timeProvider.GetTimestamp();
        _lookups += resolving ? 1 : 0;
        _connections++;
        _dnsStarted = resolving ? now : null;
        _dnsEnded = null;
        _connectStarted = resolving ? null : now;
        _connectEnded = _tlsEnded = _firstByte = null;
        Phase = resolving ? ProbePhase.Dns : ProbePhase.Connect;
    }

    public void Resolved()
    {
        _dnsEnded = _connectStarted = timeProvider.GetTimestamp();
        Phase = ProbePhase.Connect;
    }

    public void Connected(bool secure)
    {
        _connectEnded = timeProvider.GetTimestamp();
        Phase = secure ? ProbePhase.Tls : ProbePhase.Send;
    }

    /// <summary>Called when the connection can carry HTTP: once connected, or after the TLS handshake.</summary>
    public void PlaintextReady()
    {
        if (Phase == ProbePhase.Tls)
        {
            _handshakes++;
            _tlsEnded = timeProvider.GetTimestamp();
        }

        Phase = ProbePhase.Send;
    }

    public void CertificateChecked(SslPolicyErrors errors, X509ChainStatusFlags chainStatus)
    {
        CertificateErrors = errors;
        ChainStatus = chainStatus;
    }

    /// <summary>Called before each read: the request has been sent once the client starts reading.</summary>
    public void Reading()
    {
        if (Phase == ProbePhase.Send)
        {
            Phase = ProbePhase.FirstByte;
        }
    }

    public void Received(int bytes)
    {
        _lastReceived = timeProvider.GetTimestamp();
        _firstByte ??= _lastReceived;
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    /// <summary>
    /// Called once the response headers are parsed. They ended in the last bytes read, so the download
    /// is timed from when those arrived rather than from when the client got round to parsing them.
    /// </summary>
    public void HeadersRead()
    {
        _headersRead = _lastReceived ?? timeProvider.GetTimestamp();
        _requests++;
        Phase = ProbePhase.Download;
    }

    /// <summary>Called once the body is read whole: its last bytes arrived in the last read.</summary>
    public void BodyRead() => _bodyRead = _lastReceived ?? timeProvider.GetTimestamp();

    /// <summary>What the request moved and waited on; the decoded length is the caller's to add.</summary>
    public TransferFacts Transfer(bool tls13) => new()
    {
        BytesSent = Wire.Sent,
        WireBytes = BytesReceived,
        HeaderBytes = Wire.HeaderBytes,
        ContentEncoding = Wire.ContentEncoding,
        Lookups = _lookups,
        Connections = _connections,
        Handshakes = _handshakes,
        TlsRoundTrips = tls13 ? 1 : 2,
        Requests = Math.Max(1, _requests),
    };

    public PhaseTimings Timings() => new(
        Between(_dnsStarted, _dnsEnded),
        Between(_connectStarted, _connectEnded),
        Between(_connectEnded, _tlsEnded),
        Between(_tlsEnded ?? _connectEnded, _firstByte),
        Between(_headersRead, _bodyRead));

    private TimeSpan? Between(long? from, long? to) =>
        from is { } start && to is { } end ? timeProvider.GetElapsedTime(start, end) : null;
}
