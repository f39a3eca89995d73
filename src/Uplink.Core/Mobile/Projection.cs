using Uplink.Judging;

namespace Uplink.Mobile;

/// <summary>How long a check would take on one network profile, and whether the app would still wait.</summary>
/// <param name="Profile">The profile's name.</param>
/// <param name="Duration">The projected duration.</param>
/// <param name="AppTimeout">How long the app waits.</param>
/// <param name="Emulated">True for the profile the check itself ran on, beside its measured duration.</param>
public sealed record Projection(string Profile, TimeSpan Duration, TimeSpan AppTimeout, bool Emulated = false)
{
    public bool PassesAppTimeout => Duration > AppTimeout;

    /// <summary>The finding in words, for example "5.1 MB takes 58 s on 3g; the app gives up at 15 s".</summary>
    public string Describe(long bytes) =>
        $"{ByteSize.Format(bytes)} takes {Durations.Format(Duration)} on {Profile}; "
        + $"the app gives up at {Durations.Format(AppTimeout)}";
}
