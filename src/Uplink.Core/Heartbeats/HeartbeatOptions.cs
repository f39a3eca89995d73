namespace Uplink.Heartbeats;

/// <summary>How the server takes pings.</summary>
public sealed class HeartbeatOptions
{
    /// <summary>The most body bytes kept per ping; the rest is cut off and the ping marked truncated.</summary>
    /// <value>100 KB (102,400 bytes).</value>
    public int BodyLimit { get; set; } = 100 * 1024;

    /// <summary>The most pings waiting to be written; a ping that finds the queue full gets 503.</summary>
    /// <value>50,000.</value>
    public int QueueCapacity { get; set; } = 50_000;

    /// <summary>The most pings written in one transaction.</summary>
    /// <value>5,000.</value>
    public int MaxBatch { get; set; } = 5_000;

    /// <summary>How many of each heartbeat's newest pings are read back at start to restore its runs.</summary>
    /// <value>64.</value>
    public int ReplayedPings { get; set; } = 64;

    /// <summary>How many pings to unknown URLs one source may send per minute before it gets 429.</summary>
    /// <value>30.</value>
    public int UnknownPingsPerMinute { get; set; } = 30;
}
