namespace Uplink.Web.Api;

/// <summary>The newest result of a monitor, in brief.</summary>
/// <param name="Health">up, degraded, critical or down.</param>
/// <param name="StartedAt">When the check started.</param>
/// <param name="DurationMs">How long the whole check took.</param>
/// <param name="Bytes">Bytes received by all steps.</param>
/// <param name="Error">The first reason for bad health, or null when up.</param>
/// <param name="Steps">The steps that ran, in order.</param>
public sealed record LatestResultResponse(
    string Health,
    DateTimeOffset StartedAt,
    double DurationMs,
    long Bytes,
    string? Error,
    IReadOnlyList<LatestStepResponse> Steps);
