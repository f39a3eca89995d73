using System.Text.RegularExpressions;

namespace Uplink.Configuration;

/// <summary>
/// Reads the <c>name</c> of monitors or of a flow's steps: required, made of letters, digits,
/// '-', '_' and '.', and unique among its kind.
/// </summary>
internal sealed partial class UniqueNames(ConfigReader reader, string kind)
{
    private readonly Dictionary<string, string> _pathsByName = new(StringComparer.Ordinal);

    public string? Read(MapFields map)
    {
        var name = reader.RequiredText(map, "name", $"every {kind} needs a unique name, e.g. name: api-health");
        if (name is null)
        {
            return null;
        }

        var path = map.PathOf("name");
        var node = map["name"];
        if (!Pattern().IsMatch(name))
        {
            reader.Error(path, node, $"'{name}' is not a valid {kind} name; start with a letter or digit, "
                + "then use letters, digits, '-', '_' and '.' (ASCII)");
            return null;
        }

        if (!_pathsByName.TryAdd(name, map.Path))
        {
            reader.Error(path, node, $"{kind} name '{name}' is already used by {_pathsByName[name]}; "
                + $"each {kind} needs its own name");
        }

        return name;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]*$")]
    private static partial Regex Pattern();
}
