using System.Globalization;
using System.Text.RegularExpressions;
using Uplink.Probes;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds <c>network-profiles</c>: custom links beside the built-in <c>wifi</c>, <c>4g</c>, <c>3g</c>
/// and <c>edge</c>, each with <c>down</c>, <c>up</c>, <c>rtt</c> and an optional <c>loss</c>.
/// </summary>
internal sealed partial class NetworkProfilesBinder(ConfigReader reader)
{
    private const string BandwidthHint = "write a number and bps, kbps or mbps, e.g. 1.6mbps";
    private static readonly string[] Keys = ["down", "up", "rtt", "loss"];

    public IReadOnlyDictionary<string, NetworkProfile> Bind(YamlNode? node, string path)
    {
        var profiles = new Dictionary<string, NetworkProfile>(NetworkProfiles.BuiltIn, StringComparer.Ordinal);
        if (node is null || reader.Map(node, path) is not { } map)
        {
            return profiles;
        }

        foreach (var entry in map.Entries)
        {
            if (BindOne(entry) is { } profile)
            {
                profiles[entry.Key] = profile;
            }
        }

        return profiles;
    }

    private NetworkProfile? BindOne(MapEntry entry)
    {
        if (reader.Map(entry.Value, entry.Path, Keys) is not { } map)
        {
            return null;
        }

        var down = Bandwidth(map, "down");
        var up = Bandwidth(map, "up");
        var rtt = map["rtt"] is { } rttNode
            ? reader.Duration(rttNode, map.PathOf("rtt"))
            : Missing<TimeSpan>(map, "rtt");
        var loss = map["loss"] is { } lossNode ? Loss(lossNode, map.PathOf("loss")) : 0;
        return down is { } d && up is { } u && rtt is { } r && loss is { } l
            ? new NetworkProfile(entry.Key, d, u, r, l)
            : null;
    }

    private long? Bandwidth(MapFields map, string key)
    {
        if (map[key] is not { } node)
        {
            return Missing<long>(map, key);
        }

        var text = reader.Text(node, map.PathOf(key));
        var match = text is null ? null : BandwidthPattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            if (text is not null)
            {
                reader.Error(map.PathOf(key), node, $"'{text}' is not a bandwidth; {BandwidthHint}");
            }

            return null;
        }

        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var factor = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "kbps" => 1_000,
            "mbps" => 1_000_000,
            _ => 1,
        };
        var bits = (long)(number * factor);
        if (bits <= 0)
        {
            reader.Error(map.PathOf(key), node, $"'{text}' is zero; a link must carry some bits, {BandwidthHint}");
            return null;
        }

        return bits;
    }

    private double? Loss(YamlNode node, string path)
    {
        var text = reader.Text(node, path)?.Trim();
        if (text is null)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        if (!double.TryParse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture,
            out var value) || (percent ? value / 100 : value) is < 0 or >= 0.5)
        {
            reader.Error(path, node, $"'{text}' is not a loss; write a share below half, e.g. 1% or 0.01");
            return null;
        }

        return percent ? value / 100 : value;
    }

    private T? Missing<T>(MapFields map, string key)
        where T : struct
    {
        reader.Error(map.Path, map.Node, $"network profile is missing '{key}'; "
            + "a profile names down, up and rtt, e.g. down: 1.6mbps, up: 768kbps, rtt: 300ms");
        return null;
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>bps|kbps|mbps)$", RegexOptions.IgnoreCase)]
    private static partial Regex BandwidthPattern();
}
