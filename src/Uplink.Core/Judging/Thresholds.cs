namespace Uplink.Judging;

/// <summary>
/// The target, warning and critical durations of an operation. A duration below the target is on
/// target; above the warning threshold it is in the warning band; above the critical threshold it
/// is critical. A duration exactly at a threshold stays in the better band.
/// </summary>
public sealed record Thresholds(TimeSpan Target, TimeSpan Warning, TimeSpan Critical)
{
    public LatencyBand BandOf(TimeSpan duration)
    {
        if (duration > Critical)
        {
            return LatencyBand.Critical;
        }

        if (duration > Warning)
        {
            return LatencyBand.Warning;
        }

        return duration < Target ? LatencyBand.OnTarget : LatencyBand.AboveTarget;
    }
}
