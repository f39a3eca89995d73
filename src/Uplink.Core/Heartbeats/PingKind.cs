namespace Uplink.Heartbeats;

/// <summary>What a ping says about the job's run.</summary>
public enum PingKind
{
    /// <summary>The job finished well (<c>/ping/TOKEN</c> or exit code 0).</summary>
    Success,

    /// <summary>A run begins (<c>/ping/TOKEN/start</c>); its duration is measured to its end.</summary>
    Start,

    /// <summary>The job failed (<c>/ping/TOKEN/fail</c> or an exit code from 1 to 255).</summary>
    Fail,
}
