using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Checks;

/// <summary>What one step of a check found, judged against its operation's thresholds.</summary>
public sealed record StepResult
{
    public required string Name { get; init; }

    public required string Operation { get; init; }

    public required Thresholds Thresholds { get; init; }

    public required string Method { get; init; }

    public required string Url { get; init; }

    public int? StatusCode { get; init; }

    public required TimeSpan Duration { get; init; }

    public required LatencyBand Band { get; init; }

    public required PhaseTimings Timings { get; init; }

    public long BytesReceived { get; init; }

    public ProbePhase? FailedPhase { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<ConditionOutcome> Conditions { get; init; } = [];

    /// <summary>Down when the request failed or a condition is false, else from the band.</summary>
    public Health Health => Error is not null || Conditions.Any(c => !c.Passed)
        ? Health.Down
        : HealthJudge.FromBand(Band);

    /// <summary>The reason this step is down, or null when it is not.</summary>
    public string? Failure =>
        Error ?? Conditions.FirstOrDefault(c => !c.Passed)?.Text;
}
