namespace Uplink.Configuration;

/// <summary>The keys only a heartbeat monitor may have.</summary>
internal static class HeartbeatKeys
{
    public static readonly string[] All = ["period", "grace", "schedule", "timezone", "max-runtime", "token", "slug",
        "paused"];
}
