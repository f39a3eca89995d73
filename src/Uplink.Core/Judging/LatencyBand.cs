namespace Uplink.Judging;

/// <summary>Where a duration falls against its operation's thresholds.</summary>
public enum LatencyBand
{
    /// <summary>Below the target.</summary>
    OnTarget = 0,

    /// <summary>At or above the target, at or below the warning threshold.</summary>
    AboveTarget = 1,

    /// <summary>Above the warning threshold, at or below the critical one.</summary>
    Warning = 2,

    /// <summary>Above the critical threshold.</summary>
    Critical = 3,
}
