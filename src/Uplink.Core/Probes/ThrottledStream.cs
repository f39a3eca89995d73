namespace Uplink.Probes;

/// <summary>
/// Emulates a network profile inside one connection: reads and writes go through token buckets
/// filled at the profile's bandwidth, and each change of turn (the first read after a write) waits
/// one round trip. Wraps the socket's stream, so a TLS handshake pays its round trips too.
/// </summary>
internal sealed class ThrottledStream(Stream inner, NetworkProfile profile, TimeProvider timeProvider)
    : PassThroughStream(inner)
{
    /// <summary>The most bytes one read or write moves at once, so the rate stays smooth.</summary>
    private const int Slice = 4 * 1024;

    private readonly TokenBucket _down = new(profile.DownBytesPerSecond, timeProvider);
    private readonly TokenBucket _up = new(profile.UpBytesPerSecond, timeProvider);
    private bool _wrote;

    /// <summary>Waits the round trips of opening the connection: the name lookup and the TCP handshake.</summary>
    public Task ConnectedAsync(bool lookedUp, CancellationToken cancellationToken) =>
        DelayAsync(profile.RoundTrip * (lookedUp ? 2 : 1), cancellationToken);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_wrote)
        {
            _wrote = false;
            await DelayAsync(profile.RoundTrip, cancellationToken);
        }

        var read = await Inner.ReadAsync(buffer[..Math.Min(buffer.Length, Slice)], cancellationToken);
        await DelayAsync(_down.Take(read), cancellationToken);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer,
        CancellationToken cancellationToken = default)
    {
        _wrote = true;
        for (var offset = 0; offset < buffer.Length; offset += Slice)
        {
            var slice = buffer.Slice(offset, Math.Min(Slice, buffer.Length - offset));
            await DelayAsync(_up.Take(slice.Length), cancellationToken);
            await Inner.WriteAsync(slice, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, timeProvider, cancellationToken) : Task.CompletedTask;
}
