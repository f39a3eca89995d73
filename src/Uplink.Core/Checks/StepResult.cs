using Uplink.Judging;
using Uplink.Mobile;
using Uplink.Probes;
using Uplink.Tls;

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

    /// <summary>The HTTP version the server answered with ("1.1", "2"); null when no response was read.</summary>
    public string? HttpVersion { get; init; }

    /// <summary>How many redirects the request followed; the timings are those of the last hop.</summary>
    public int Redirects { get; init; }

    /// <summary>
    /// What a CDN said about its cache (<c>X-Cache</c>, <c>CF-Cache-Status</c>, <c>Age</c>, <c>Via</c>), for
    /// example "CF-Cache-Status: HIT; Age: 30"; null when the response had none of those headers.
    /// </summary>
    public string? CdnCache { get; init; }

    /// <summary>The server's certificates judged by the monitor's TLS policy; null for plain http.</summary>
    public TlsReport? Tls { get; init; }

    /// <summary>
    /// Sizes, projections onto network profiles and API lifecycle headers; null when no request was made.
    /// </summary>
    public TransferReport? Transfer { get; init; }

    /// <summary>
    /// Down when the request failed or a condition is false, else the worse of the band and of what
    /// the certificates show.
    /// </summary>
    public Health Health => Error is not null || Conditions.Any(c => !c.Passed)
        ? Health.Down
        : (Health)Math.Max(Math.Max((int)HealthJudge.FromBand(Band), (int)TlsHealth), (int)TransferHealth);

    /// <summary>
    /// The reason this step is down, or the certificate finding that sets its health; null when
    /// neither applies.
    /// </summary>
    public string? Failure =>
        Error ?? Conditions.FirstOrDefault(c => !c.Passed)?.Text ?? TlsFailure ?? TransferFailure;

    private Health TlsHealth => Tls?.Health ?? Health.Up;

    private Health TransferHealth => Transfer?.Health ?? Health.Up;

    private string? TransferFailure => TransferHealth > Health.Up && TransferHealth >= HealthJudge.FromBand(Band)
        ? Transfer!.Findings.First(f => f.Health == TransferHealth).Text
        : null;

    private string? TlsFailure => TlsHealth > Health.Up && TlsHealth >= HealthJudge.FromBand(Band)
        ? Tls!.Findings[0].Text
        : null;
}
