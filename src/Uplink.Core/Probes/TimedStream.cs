namespace Uplink.Probes;

/// <summary>
/// Wraps a connection's plaintext stream (after TLS, before HTTP parsing) to tell the timeline when
/// the client starts waiting for the response, when its first byte arrives and how many bytes came.
/// </summary>
internal sealed class TimedStream(Stream inner, ProbeTimeline timeline) : PassThroughStream(inner)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        timeline.Reading();
        var read = await Inner.ReadAsync(buffer, cancellationToken);
        timeline.Wire.Read(buffer.Span[..read]);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        timeline.Reading();
        var read = Inner.Read(buffer);
        timeline.Wire.Read(buffer[..read]);
        return Count(read);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        timeline.Wire.Wrote(buffer.Length);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        timeline.Wire.Wrote(buffer.Length);
        Inner.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    private int Count(int read)
    {
        if (read > 0)
        {
            timeline.Received(read);
        }

        return read;
    }
}
