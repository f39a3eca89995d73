using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>A YAML map whose keys were checked, read by key or in file order.</summary>
internal sealed class MapFields
{
    private readonly Dictionary<string, MapEntry> _byKey;

    public MapFields(string path, YamlMappingNode node, IReadOnlyList<MapEntry> entries, bool hasUnknownKeys)
    {
        Path = path;
        Node = node;
        Entries = entries;
        HasUnknownKeys = hasUnknownKeys;
        _byKey = entries.ToDictionary(e => e.Key, StringComparer.Ordinal);
    }

    public string Path { get; }

    public YamlMappingNode Node { get; }

    /// <summary>The entries with a plain key, in file order (unknown keys included).</summary>
    public IReadOnlyList<MapEntry> Entries { get; }

    public bool HasUnknownKeys { get; }

    public YamlNode? this[string key] => _byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    public bool Has(string key) => _byKey.ContainsKey(key);

    public MapEntry? Entry(string key) => _byKey.GetValueOrDefault(key);

    public string PathOf(string key) => ConfigPath.Key(Path, key);
}
