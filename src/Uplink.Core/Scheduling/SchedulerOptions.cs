namespace Uplink.Scheduling;

/// <summary>How the scheduler runs checks.</summary>
public sealed class SchedulerOptions
{
    /// <summary>
    /// The most checks running at once; further due checks wait for a free slot. A hung target
    /// holds a slot until its timeout, so the limit must leave room for them: 10,000 monitors with
    /// a tenth hanging need about 170 slots (bench/scheduler-report.md).
    /// </summary>
    /// <value>512.</value>
    public int MaxConcurrency { get; set; } = 512;
}
