using System.Text;

namespace Uplink.Probes;

/// <summary>
/// Counts the plaintext bytes of a connection in both directions and, for HTTP/1.x, finds where
/// each response's headers end, so that header bytes and the <c>Content-Encoding</c> the server
/// chose are known before the HTTP stack decompresses the body and drops that header.
/// </summary>
internal sealed class WireCounter
{
    private const int MaxHeaderText = 64 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly Lock _lock = new();
    private readonly StringBuilder _headerText = new();
    private long _sent;
    private long _headerBytes;
    private bool _awaitingResponse;
    private bool _inHeaders;
    private int _matched;

    public long Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent;
            }
        }
    }

    public long HeaderBytes
    {
        get
        {
            lock (_lock)
            {
                return _headerBytes;
            }
        }
    }

    /// <summary>The content coding of the last response whose headers were read; null when none.</summary>
    public string? ContentEncoding { get; private set; }

    public void Wrote(int count)
    {
        lock (_lock)
        {
            _sent += count;
            _awaitingResponse = true;
        }
    }

    public void Read(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            if (_awaitingResponse && bytes.Length > 0)
            {
                _awaitingResponse = false;
                _inHeaders = bytes.StartsWith("HTTP/1"u8);
                _matched = 0;
                _headerText.Clear();
            }

            if (_inHeaders)
            {
                ScanHeaders(bytes);
            }
        }
    }

    private void ScanHeaders(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            _matched = bytes[i] == HeaderEnd[_matched] ? _matched + 1 : bytes[i] == '\r' ? 1 : 0;
            if (_matched == HeaderEnd.Length)
            {
                _headerBytes += i + 1;
                Append(bytes[..(i + 1)]);
                HeadersEnded();
                return;
            }
        }

        _headerBytes += bytes.Length;
        Append(bytes);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_headerText.Length < MaxHeaderText)
        {
            _headerText.Append(Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MaxHeaderText)]));
        }
    }

    private void HeadersEnded()
    {
        _inHeaders = false;
        ContentEncoding = null;
        foreach (var line in _headerText.ToString().Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line.AsSpan(0, colon).Trim() : [];
            if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                ContentEncoding = line[(colon + 1)..].Trim();
            }
        }

        // An interim response (100 Continue) is followed by the final one on the same turn.
        _awaitingResponse = _headerText.ToString().StartsWith("HTTP/1.1 1", StringComparison.Ordinal);
    }
}
