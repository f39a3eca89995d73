using Uplink.Heartbeats;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Binds the top-level <c>heartbeats</c> section: the project key that slugs are pinged under.</summary>
internal sealed class HeartbeatsSectionBinder(ConfigReader reader)
{
    private static readonly string[] Keys = ["key"];

    public string? Bind(YamlNode? node, string path)
    {
        if (node is null || reader.Map(node, path, Keys) is not { } map || (map.HasUnknownKeys && !map.Has("key")))
        {
            return null;
        }

        if (reader.RequiredText(map, "key", "heartbeats with a slug are pinged at /ping/KEY/SLUG") is not { } key)
        {
            return null;
        }

        if (PingTokens.Problem(key) is { } problem)
        {
            reader.Error(map.PathOf("key"), map["key"], $"the key is not safe: {problem}");
            return null;
        }

        return key;
    }
}
