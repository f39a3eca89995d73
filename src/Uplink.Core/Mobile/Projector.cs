using Uplink.Probes;

namespace Uplink.Mobile;

/// <summary>
/// Projects a check onto a slower link: each round trip it waited on (lookups, connects, TLS
/// handshakes, request/response turns) costs the profile's round-trip time, and its bytes move at
/// the profile's bandwidth, down and up, slowed by the share of packets that must be resent.
/// </summary>
/// <remarks>
/// The server's own thinking time is not added: on a slow link it is small beside the transfer, and
/// the measured duration already shows it. TCP slow start is not modelled either, so a short
/// response on a long link is projected a little fast.
/// </remarks>
public static class Projector
{
    public static TimeSpan Project(TransferFacts transfer, NetworkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(profile);
        var waits = profile.RoundTrip * transfer.RoundTrips;
        var down = transfer.WireBytes / profile.DownBytesPerSecond;
        var up = transfer.BytesSent / profile.UpBytesPerSecond;
        return waits + TimeSpan.FromSeconds(down + up);
    }
}
