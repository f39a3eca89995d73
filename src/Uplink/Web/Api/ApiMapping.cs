using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Web.Api;

/// <summary>Turns monitors and results into the API's response records.</summary>
internal static class ApiMapping
{
    public static MonitorResponse ToResponse(this MonitorDefinition monitor, CheckResult? latest) => new(
        monitor.Name,
        KindName(monitor.Kind),
        monitor.Group,
        monitor.Interval.TotalSeconds,
        [.. monitor.Steps.Select(ToResponse)],
        latest?.ToLatestResponse());

    public static ResultResponse ToResponse(this CheckResult result) => new(
        result.Region,
        result.PlannedAt,
        result.StartedAt,
        result.Health.Name(),
        Ms(result.Duration),
        result.BytesReceived,
        result.Error,
        [.. result.Steps.Select(ToResponse)]);

    public static string KindName(MonitorKind kind) => kind switch
    {
        MonitorKind.Http => "http",
        MonitorKind.Flow => "flow",
        MonitorKind.Heartbeat => "heartbeat",
        MonitorKind.Tls => "tls",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static StepDefinitionResponse ToResponse(StepDefinition step) => new(
        step.Name,
        step.Method,
        step.Url.ToString(),
        step.Operation,
        step.Thresholds.ToResponse());

    private static LatestResultResponse ToLatestResponse(this CheckResult result) => new(
        result.Health.Name(),
        result.StartedAt,
        Ms(result.Duration),
        result.BytesReceived,
        result.Error,
        [.. result.Steps.Select(s => new LatestStepResponse(
            s.Name, Ms(s.Duration), s.Band.Name(), s.StatusCode, s.BytesReceived, s.Failure))]);

    private static StepResultResponse ToResponse(StepResult step) => new(
        step.Name,
        step.Operation,
        step.Method,
        step.Url,
        step.StatusCode,
        step.Health.Name(),
        Ms(step.Duration),
        step.Band.Name(),
        step.Thresholds.ToResponse(),
        step.Timings.ToResponse(),
        step.BytesReceived,
        step.FailedPhase is null ? null : CheckRunner.PhaseName(step.FailedPhase),
        step.Error,
        [.. step.Conditions.Select(c => new ConditionResponse(c.Passed, c.Text))],
        step.HttpVersion,
        step.Redirects,
        step.CdnCache);

    private static ThresholdsResponse ToResponse(this Thresholds thresholds) =>
        new(Ms(thresholds.Target), Ms(thresholds.Warning), Ms(thresholds.Critical));

    private static PhaseTimingsResponse ToResponse(this PhaseTimings timings) => new(
        Ms(timings.Dns),
        Ms(timings.Connect),
        Ms(timings.Tls),
        Ms(timings.FirstByte),
        Ms(timings.Download));

    /// <summary>Milliseconds to a tenth: finer than any network measurement means.</summary>
    private static double Ms(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);

    private static double? Ms(TimeSpan? duration) => duration is { } d ? Ms(d) : null;
}
