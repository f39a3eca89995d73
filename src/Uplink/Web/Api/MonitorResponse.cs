namespace Uplink.Web.Api;

/// <summary>One configured monitor with its newest result, as listed by <c>GET /api/monitors</c>.</summary>
/// <param name="Name">The monitor's unique name.</param>
/// <param name="Kind">The kind of monitor: <c>http</c> or <c>flow</c>.</param>
/// <param name="Group">The dashboard heading the monitor is listed under.</param>
/// <param name="IntervalSeconds">How often the monitor is checked, in seconds.</param>
/// <param name="Steps">The requests the monitor makes, in order; an http monitor has one.</param>
/// <param name="Latest">The newest result, or null when the monitor has not been checked yet.</param>
public sealed record MonitorResponse(
    string Name,
    string Kind,
    string Group,
    double IntervalSeconds,
    IReadOnlyList<StepDefinitionResponse> Steps,
    LatestResultResponse? Latest);
