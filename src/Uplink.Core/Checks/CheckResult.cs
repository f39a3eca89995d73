using Uplink.Judging;
using Uplink.Mobile;

namespace Uplink.Checks;

/// <summary>What one check of a monitor found, from one region, at one moment.</summary>
public sealed record CheckResult
{
    public required string Monitor { get; init; }

    /// <summary>Where the check ran: <c>local</c> for the server's own probe.</summary>
    public required string Region { get; init; }

    /// <summary>The API and app versions of a variant monitor; null for a monitor with no variants.</summary>
    public MonitorVariant? Variant { get; init; }

    /// <summary>When the scheduler planned the check; start times drift, planned times do not.</summary>
    public required DateTimeOffset PlannedAt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required Health Health { get; init; }

    /// <summary>The steps that ran, in order; a flow stops at its first step that is down.</summary>
    public required IReadOnlyList<StepResult> Steps { get; init; }

    /// <summary>The first reason for bad health, naming the step for flows; null when up.</summary>
    public string? Error { get; init; }

    public long BytesReceived => Steps.Sum(s => s.BytesReceived);
}
