namespace Uplink.Judging;

/// <summary>The words used for health and bands in the API, the table and the store.</summary>
public static class HealthNames
{
    public static string Name(this Health health) => health switch
    {
        Health.Up => "up",
        Health.Degraded => "degraded",
        Health.Critical => "critical",
        Health.Down => "down",
        _ => throw new ArgumentOutOfRangeException(nameof(health)),
    };

    public static string Name(this LatencyBand band) => band switch
    {
        LatencyBand.OnTarget => "on-target",
        LatencyBand.AboveTarget => "above-target",
        LatencyBand.Warning => "warning",
        LatencyBand.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    public static Health ParseHealth(string name) => name switch
    {
        "up" => Health.Up,
        "degraded" => Health.Degraded,
        "critical" => Health.Critical,
        "down" => Health.Down,
        _ => throw new FormatException($"'{name}' is not a health; use up, degraded, critical or down."),
    };

    public static LatencyBand ParseBand(string name) => name switch
    {
        "on-target" => LatencyBand.OnTarget,
        "above-target" => LatencyBand.AboveTarget,
        "warning" => LatencyBand.Warning,
        "critical" => LatencyBand.Critical,
        _ => throw new FormatException($"'{name}' is not a latency band."),
    };
}
