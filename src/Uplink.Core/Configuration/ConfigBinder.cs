using Uplink.Probes;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Binds a whole config document: its defaults, operations and monitors.</summary>
internal sealed class ConfigBinder(ConfigReader reader)
{
    public const string NoMonitors = "the config defines no monitors; list them under 'monitors'";

    private static readonly string[] Keys =
        ["defaults", "operations", "pin-sets", "monitors", "heartbeats", "egress", "network-profiles"];

    public UplinkConfig? Bind(YamlNode? root)
    {
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            reader.Error("monitors", root, NoMonitors);
            return null;
        }

        if (reader.Map(root, "", Keys) is not { } top)
        {
            return null;
        }

        var defaults = new DefaultsBinder(reader).Bind(top["defaults"], "defaults");
        var operations = new OperationsBinder(reader).Bind(top["operations"], "operations");
        var heartbeatKey = new HeartbeatsSectionBinder(reader).Bind(top["heartbeats"], "heartbeats");
        var pinSets = new PinSetsBinder(reader).Bind(top["pin-sets"], "pin-sets");
        var egress = new RequestSettingsBinder(reader).BindEgress(top["egress"], "egress") ?? EgressPolicy.Default;
        var profiles = new NetworkProfilesBinder(reader).Bind(top["network-profiles"], "network-profiles");
        var monitors = new MonitorBinder(reader, defaults, operations, heartbeatKey)
        {
            PinSets = pinSets,
            Egress = egress,
            Profiles = profiles,
        }
            .BindAll(top);

        return new UplinkConfig
        {
            DefaultInterval = defaults.Interval,
            DefaultTimeout = defaults.Timeout,
            Operations = operations.Valid,
            Monitors = monitors,
            HeartbeatKey = heartbeatKey,
            PinSets = [.. pinSets.Values],
        };
    }
}
