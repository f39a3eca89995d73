namespace Uplink.Probes;

/// <summary>
/// A mobile link: how fast it carries bytes each way, how long a round trip takes and what share of
/// packets it loses. Used to project a check's duration onto the link, or to emulate the link.
/// </summary>
/// <param name="Name">The profile's name, for example <c>3g</c>.</param>
/// <param name="DownBitsPerSecond">Bandwidth from server to phone.</param>
/// <param name="UpBitsPerSecond">Bandwidth from phone to server.</param>
/// <param name="RoundTrip">The round-trip time added to every exchange of turns.</param>
/// <param name="Loss">The share of packets lost, from 0 to below 1; the retransmissions slow transfers.</param>
public sealed record NetworkProfile(
    string Name,
    long DownBitsPerSecond,
    long UpBitsPerSecond,
    TimeSpan RoundTrip,
    double Loss)
{
    /// <summary>The bytes per second a transfer gets downwards once losses are resent.</summary>
    public double DownBytesPerSecond => DownBitsPerSecond / 8.0 * (1 - Loss);

    /// <summary>The bytes per second a transfer gets upwards once losses are resent.</summary>
    public double UpBytesPerSecond => UpBitsPerSecond / 8.0 * (1 - Loss);
}
