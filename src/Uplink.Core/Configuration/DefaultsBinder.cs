using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Binds the <c>defaults</c> section.</summary>
internal sealed class DefaultsBinder(ConfigReader reader)
{
    private static readonly string[] Keys = ["interval", "timeout"];

    public ConfigDefaults Bind(YamlNode? node, string path)
    {
        var standard = ConfigDefaults.Standard;
        if (node is null || reader.Map(node, path, Keys) is not { } map)
        {
            return standard;
        }

        return new ConfigDefaults(
            Read(map, "interval") ?? standard.Interval,
            Read(map, "timeout") ?? standard.Timeout);
    }

    private TimeSpan? Read(MapFields map, string key) =>
        map[key] is { } value ? reader.PositiveDuration(value, map.PathOf(key), DurationLimits.For(key)) : null;
}
