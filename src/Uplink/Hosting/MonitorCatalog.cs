using Uplink.Configuration;

namespace Uplink.Hosting;

/// <summary>The monitors the server runs, from the config it started with.</summary>
public sealed class MonitorCatalog(UplinkConfig config)
{
    public UplinkConfig Config { get; } = config;

    public IReadOnlyList<MonitorDefinition> Monitors => Config.Monitors;

    public MonitorDefinition? Find(string name) =>
        Config.Monitors.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.Ordinal));
}
