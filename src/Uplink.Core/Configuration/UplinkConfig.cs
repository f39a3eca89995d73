using Uplink.Judging;
using Uplink.Tls;

namespace Uplink.Configuration;

/// <summary>A whole, validated configuration.</summary>
public sealed record UplinkConfig
{
    /// <value>30 seconds unless the config says otherwise.</value>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <value>10 seconds unless the config says otherwise.</value>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The built-in operations merged with the config's own.</summary>
    public IReadOnlyDictionary<string, Thresholds> Operations { get; init; } = Configuration.Operations.BuiltIn;

    public IReadOnlyList<MonitorDefinition> Monitors { get; init; } = [];

    /// <summary>The project's heartbeat key, under which heartbeats with a slug are pinged; null if unset.</summary>
    public string? HeartbeatKey { get; init; }

    /// <summary>The named pin sets of <c>pin-sets</c>, which monitors use by name.</summary>
    public IReadOnlyList<PinSet> PinSets { get; init; } = [];
}
