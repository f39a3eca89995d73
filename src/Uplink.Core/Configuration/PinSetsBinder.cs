using System.Globalization;
using Uplink.Tls;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds the top-level <c>pin-sets</c>: each app or app version's name, mapped to a list of
/// <c>sha256/BASE64</c> pins or to <c>{ pins: [...], expires: 2027-06-30 }</c>.
/// </summary>
internal sealed class PinSetsBinder(ConfigReader reader)
{
    public const string PinHint = "write sha256/ and the base64 SHA-256 of a public key, as 'uplink pins' prints it";

    private static readonly string[] Keys = ["pins", "expires"];

    public IReadOnlyDictionary<string, PinSet> Bind(YamlNode? node, string path)
    {
        var sets = new Dictionary<string, PinSet>(StringComparer.Ordinal);
        if (node is null || reader.Map(node, path) is not { } map)
        {
            return sets;
        }

        foreach (var entry in map.Entries)
        {
            if (BindOne(entry) is { } set)
            {
                sets[entry.Key] = set;
            }
        }

        return sets;
    }

    /// <summary>Reads a list of <c>sha256/BASE64</c> pins; null when any is wrong.</summary>
    public List<Pin>? ReadPins(YamlNode node, string path)
    {
        if (reader.List(node, path) is not { } items)
        {
            return null;
        }

        var pins = new List<Pin>(items.Count);
        foreach (var (item, itemPath) in items)
        {
            if (ReadPin(item, itemPath) is { } pin)
            {
                pins.Add(pin);
            }
        }

        return pins.Count == items.Count ? pins : null;
    }

    /// <summary>Reads one pin, which must carry the <c>sha256/</c> prefix.</summary>
    public Pin? ReadPin(YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } text)
        {
            return null;
        }

        if (!text.Trim().StartsWith(SpkiPin.Prefix, StringComparison.Ordinal))
        {
            reader.Error(path, node, $"'{text}' is not a pin; {PinHint}");
            return null;
        }

        if (!SpkiPin.TryParse(text, out var pin, out var problem))
        {
            reader.Error(path, node, problem);
            return null;
        }

        return new Pin(pin);
    }

    private PinSet? BindOne(MapEntry entry)
    {
        if (entry.Value is YamlSequenceNode)
        {
            var pins = ReadPins(entry.Value, entry.Path);
            return pins is null ? null : Set(entry, pins, null);
        }

        if (reader.Map(entry.Value, entry.Path, Keys) is not { } map)
        {
            return null;
        }

        if (map["pins"] is not { } pinsNode)
        {
            reader.Error(entry.Path, entry.Value, "missing required key 'pins'; list the set's pins under 'pins'");
            return null;
        }

        var list = ReadPins(pinsNode, map.PathOf("pins"));
        var expires = map["expires"] is { } node ? ReadDate(node, map.PathOf("expires")) : null;
        return list is null ? null : Set(entry, list, expires);
    }

    private PinSet? Set(MapEntry entry, List<Pin> pins, DateTimeOffset? expires)
    {
        if (pins.Count == 0)
        {
            reader.Error(entry.Path, entry.Value, "a pin set needs at least one pin, and should have a backup");
            return null;
        }

        return new PinSet { Name = entry.Key, Pins = pins, Expires = expires };
    }

    private DateTimeOffset? ReadDate(YamlNode node, string path)
    {
        var text = reader.Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date))
        {
            reader.Error(path, node, $"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-06-30");
            return null;
        }

        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
