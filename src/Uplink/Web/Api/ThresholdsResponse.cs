namespace Uplink.Web.Api;

/// <summary>An operation's latency thresholds in milliseconds.</summary>
/// <param name="TargetMs">Below this a duration is on target.</param>
/// <param name="WarningMs">Above this a duration is in the warning band and the monitor is degraded.</param>
/// <param name="CriticalMs">Above this a duration is in the critical band.</param>
public sealed record ThresholdsResponse(double TargetMs, double WarningMs, double CriticalMs);
