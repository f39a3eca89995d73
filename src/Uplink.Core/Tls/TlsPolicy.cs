namespace Uplink.Tls;

/// <summary>How a monitor judges what a handshake showed: its expiry bands and the pin sets to check.</summary>
public sealed record TlsPolicy
{
    /// <summary>The policy of a monitor that configures nothing: warning at 21 days, critical at 7, no pins.</summary>
    public static readonly TlsPolicy Default = new();

    /// <summary>A certificate expiring within this time makes the check degraded.</summary>
    /// <value>21 days by default.</value>
    public TimeSpan Warning { get; init; } = TimeSpan.FromDays(21);

    /// <summary>A certificate expiring within this time makes the check critical.</summary>
    /// <value>7 days by default.</value>
    public TimeSpan Critical { get; init; } = TimeSpan.FromDays(7);

    public IReadOnlyList<PinSet> PinSets { get; init; } = [];
}
