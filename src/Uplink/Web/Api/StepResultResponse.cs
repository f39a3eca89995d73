namespace Uplink.Web.Api;

/// <summary>One step of a check, in full.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="Operation">The operation whose thresholds judged the duration.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL as sent, with variables filled in.</param>
/// <param name="Status">The response's status code, or null when no response was read.</param>
/// <param name="Health">up, degraded, critical or down.</param>
/// <param name="DurationMs">How long the request took.</param>
/// <param name="Band">on-target, above-target, warning or critical.</param>
/// <param name="Thresholds">The thresholds the duration was judged against.</param>
/// <param name="Timings">How long each phase of the request took.</param>
/// <param name="Bytes">Bytes received.</param>
/// <param name="FailedPhase">The phase the request failed in, or null when a response was read whole.</param>
/// <param name="Error">Why the request failed, or null.</param>
/// <param name="Conditions">Each condition with the actual value beside the expected one.</param>
/// <param name="HttpVersion">The HTTP version the server answered with ("1.1", "2"), or null.</param>
/// <param name="Redirects">How many redirects were followed.</param>
/// <param name="CdnCache">What a CDN said about its cache (X-Cache, CF-Cache-Status, Age, Via), or null.</param>
public sealed record StepResultResponse(
    string Name,
    string Operation,
    string Method,
    string Url,
    int? Status,
    string Health,
    double DurationMs,
    string Band,
    ThresholdsResponse Thresholds,
    PhaseTimingsResponse Timings,
    long Bytes,
    string? FailedPhase,
    string? Error,
    IReadOnlyList<ConditionResponse> Conditions,
    string? HttpVersion = null,
    int Redirects = 0,
    string? CdnCache = null);
