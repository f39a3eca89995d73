using Uplink.Judging;

namespace Uplink.Heartbeats;

/// <summary>The words for heartbeat states in the API, the dashboard and the store, and their health.</summary>
public static class HeartbeatStateNames
{
    public static string Name(this HeartbeatState state) => state switch
    {
        HeartbeatState.New => "new",
        HeartbeatState.Up => "up",
        HeartbeatState.Started => "started",
        HeartbeatState.Late => "late",
        HeartbeatState.Down => "down",
        HeartbeatState.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static HeartbeatState ParseState(string name) =>
        Enum.GetValues<HeartbeatState>().FirstOrDefault(s => s.Name() == name, HeartbeatState.New);

    public static string Name(this PingKind kind) => kind switch
    {
        PingKind.Success => "success",
        PingKind.Start => "start",
        PingKind.Fail => "fail",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PingKind ParseKind(string name) => name switch
    {
        "start" => PingKind.Start,
        "fail" => PingKind.Fail,
        _ => PingKind.Success,
    };

    /// <summary>
    /// The health a state feeds to the dashboard and to incidents like any monitor's: late is
    /// degraded, down is down. New and paused have none: nothing is expected of them.
    /// </summary>
    public static Health? Health(this HeartbeatState state) => state switch
    {
        HeartbeatState.Up or HeartbeatState.Started => Judging.Health.Up,
        HeartbeatState.Late => Judging.Health.Degraded,
        HeartbeatState.Down => Judging.Health.Down,
        _ => null,
    };
}
