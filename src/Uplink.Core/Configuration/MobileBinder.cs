using Uplink.Judging;
using Uplink.Mobile;
using Uplink.Probes;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds a monitor's mobile keys: <c>accept-encoding</c>, <c>size-budget</c>, <c>over-budget</c>,
/// <c>profiles</c>, <c>app-timeout</c>, <c>over-app-timeout</c> and <c>emulate</c>.
/// </summary>
internal sealed class MobileBinder(ConfigReader reader, IReadOnlyDictionary<string, NetworkProfile> profiles)
{
    /// <summary>The keys this binder reads.</summary>
    public static readonly string[] Keys =
        ["accept-encoding", "size-budget", "over-budget", "profiles", "app-timeout", "over-app-timeout", "emulate"];

    public MobileOptions Bind(MapFields map)
    {
        if (!Keys.Any(map.Has))
        {
            return MobileOptions.None;
        }

        var defaults = MobileOptions.None;
        return new MobileOptions
        {
            AcceptEncoding = map["accept-encoding"] is { } ae ? reader.Text(ae, map.PathOf("accept-encoding")) : null,
            SizeBudget = map["size-budget"] is { } sb ? Size(sb, map.PathOf("size-budget")) : null,
            OverBudget = map["over-budget"] is { } ob ? OutcomeOf(ob, map.PathOf("over-budget")) : defaults.OverBudget,
            Profiles = map["profiles"] is { } ps ? ProfileList(ps, map.PathOf("profiles")) : [],
            AppTimeout = map["app-timeout"] is { } at
                ? reader.PositiveDuration(at, map.PathOf("app-timeout"), DurationLimits.Timeout) ?? defaults.AppTimeout
                : defaults.AppTimeout,
            OverAppTimeout = map["over-app-timeout"] is { } oa
                ? OutcomeOf(oa, map.PathOf("over-app-timeout"))
                : defaults.OverAppTimeout,
            Emulate = map["emulate"] is { } em ? Profile(em, map.PathOf("emulate")) : null,
        };
    }

    /// <summary>Reads a byte count such as 512KB or 1.5 MB.</summary>
    public long? Size(YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } text)
        {
            return null;
        }

        if (!ByteSize.TryParse(text, out var bytes) || bytes <= 0)
        {
            reader.Error(path, node, $"'{text}' is not a size; write a number and B, KB, MB or GB, e.g. 500KB");
            return null;
        }

        return bytes;
    }

    private Health OutcomeOf(YamlNode node, string path)
    {
        var text = reader.Text(node, path);
        switch (text)
        {
            case "degraded":
                return Health.Degraded;
            case "critical":
                return Health.Critical;
            case "down":
                return Health.Down;
            case null:
                return Health.Degraded;
            default:
                reader.Error(path, node, $"'{text}' is not an outcome; use degraded, critical or down");
                return Health.Degraded;
        }
    }

    private List<NetworkProfile> ProfileList(YamlNode node, string path) =>
        (reader.List(node, path) ?? []).Select(item => Profile(item.Node, item.Path)).OfType<NetworkProfile>().ToList();

    private NetworkProfile? Profile(YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } name)
        {
            return null;
        }

        if (profiles.TryGetValue(name, out var profile))
        {
            return profile;
        }

        reader.Error(path, node, $"unknown network profile '{name}'; known profiles: "
            + $"{string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal))}; "
            + "add new ones under 'network-profiles'");
        return null;
    }
}
