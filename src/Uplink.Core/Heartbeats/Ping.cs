namespace Uplink.Heartbeats;

/// <summary>One ping from a job, as received and stored.</summary>
public sealed record Ping
{
    /// <summary>The heartbeat monitor the ping belongs to.</summary>
    public required string Monitor { get; init; }

    /// <summary>When Uplink received it, to the millisecond (the precision it is stored with).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public required PingKind Kind { get; init; }

    /// <summary>The exit code the job reported, when it pinged one.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The run id (<c>?rid=</c>) that pairs a start with its end when runs overlap.</summary>
    public string? RunId { get; init; }

    /// <summary>The address the ping came from.</summary>
    public string? Source { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The query string as sent, with its leading '?'.</summary>
    public string? Query { get; init; }

    /// <summary>The body, kept as the run's log: at most the configured limit.</summary>
    public string? Body { get; init; }

    /// <summary>True when the body was longer than the limit and only its start was kept.</summary>
    public bool BodyTruncated { get; init; }

    /// <summary>For the end of a run, the time since its start ping; null otherwise.</summary>
    public TimeSpan? Duration { get; init; }
}
