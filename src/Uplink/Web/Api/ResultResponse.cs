namespace Uplink.Web.Api;

/// <summary>One check of a monitor, in full.</summary>
/// <param name="Region">Where the check ran: <c>local</c> for the server's own probe.</param>
/// <param name="PlannedAt">When the scheduler planned the check.</param>
/// <param name="StartedAt">When the check started.</param>
/// <param name="Health">up, degraded, critical or down.</param>
/// <param name="DurationMs">How long the whole check took.</param>
/// <param name="Bytes">Bytes received by all steps.</param>
/// <param name="Error">The first reason for bad health, or null when up.</param>
/// <param name="Steps">The steps that ran, in order.</param>
public sealed record ResultResponse(
    string Region,
    DateTimeOffset PlannedAt,
    DateTimeOffset StartedAt,
    string Health,
    double DurationMs,
    long Bytes,
    string? Error,
    IReadOnlyList<StepResultResponse> Steps);
