namespace Uplink.Web.Api;

/// <summary>One step of a monitor's newest result, in brief.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="DurationMs">How long the request took.</param>
/// <param name="Band">on-target, above-target, warning or critical.</param>
/// <param name="Status">The response's status code, or null when no response was read.</param>
/// <param name="Bytes">Bytes received.</param>
/// <param name="Failure">
/// Why the step is down (a request error or a false condition), or the certificate finding that sets
/// its health; null when neither applies.
/// </param>
public sealed record LatestStepResponse(
    string Name,
    double DurationMs,
    string Band,
    int? Status,
    long Bytes,
    string? Failure);
