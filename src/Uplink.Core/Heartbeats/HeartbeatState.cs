namespace Uplink.Heartbeats;

/// <summary>Where a heartbeat stands.</summary>
public enum HeartbeatState
{
    /// <summary>No ping yet: nothing is expected until the first one.</summary>
    New,

    /// <summary>The last ping came in time and reported success.</summary>
    Up,

    /// <summary>A run has begun and is within its allowed time.</summary>
    Started,

    /// <summary>The expected ping is overdue but within its grace.</summary>
    Late,

    /// <summary>The grace ran out, a run outlived its allowed time, or the job reported a failure.</summary>
    Down,

    /// <summary>Paused in the config: pings are kept, nothing goes late or down.</summary>
    Paused,
}
