namespace Uplink.Judging;

/// <summary>
/// What a check says about a monitor, from best to worst. The order matters: a result's health is
/// the worst of what its steps found.
/// </summary>
public enum Health
{
    /// <summary>Every request answered, every condition held, no step in the warning band.</summary>
    Up = 0,

    /// <summary>A step's duration fell in its operation's warning band.</summary>
    Degraded = 1,

    /// <summary>A step's duration fell in its operation's critical band.</summary>
    Critical = 2,

    /// <summary>A request failed or a condition was false.</summary>
    Down = 3,
}
