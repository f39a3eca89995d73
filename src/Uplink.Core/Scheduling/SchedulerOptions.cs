namespace Uplink.Scheduling;

/// <summary>How the scheduler runs checks.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The most checks running at once; further due checks wait for a free slot.</summary>
    /// <value>64.</value>
    public int MaxConcurrency { get; set; } = 64;
}
