using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>One key of a YAML map with its value and the path of that value.</summary>
internal sealed record MapEntry(string Key, YamlNode KeyNode, YamlNode Value, string Path);
