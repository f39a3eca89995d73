using System.Globalization;
using Uplink.Judging;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds a value test: a plain value means equals; a map names exactly one of equals, exists,
/// contains, matches, min or max.
/// </summary>
internal sealed class ValueTestBinder(ConfigReader reader)
{
    private static readonly string[] Operators = ["equals", "exists", "contains", "matches", "min", "max"];
    private static readonly string OperatorList = string.Join(", ", Operators);

    public ValueTest? Bind(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return reader.Text(node, path) is { } text ? new EqualsTest(text) : null;
        }

        if (reader.Map(node, path, Operators) is not { } map)
        {
            return null;
        }

        var used = map.Entries.Where(e => Operators.Contains(e.Key)).ToList();
        if (used.Count == 1)
        {
            return BindOperator(used[0]);
        }

        if (used.Count > 1)
        {
            var names = string.Join(" and ", used.Select(e => e.Key));
            reader.Error(path, node, $"a value test takes exactly one operator, found {names}; keep one of them");
        }
        else if (!map.HasUnknownKeys)
        {
            reader.Error(path, node, $"a value test needs exactly one of {OperatorList}");
        }

        return null;
    }

    private ValueTest? BindOperator(MapEntry entry)
    {
        if (reader.Text(entry.Value, entry.Path) is not { } text)
        {
            return null;
        }

        return entry.Key switch
        {
            "equals" => new EqualsTest(text),
            "contains" => new ContainsTest(text),
            "exists" => Exists(text, entry),
            "matches" => Matches(text, entry),
            _ => Bound(text, entry),
        };
    }

    private ExistsTest? Exists(string text, MapEntry entry)
    {
        if (bool.TryParse(text, out var shouldExist))
        {
            return new ExistsTest(shouldExist);
        }

        reader.Error(entry.Path, entry.Value, $"'{text}' is not true or false; write exists: true or exists: false");
        return null;
    }

    private MatchesTest? Matches(string pattern, MapEntry entry)
    {
        try
        {
            return new MatchesTest(pattern);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            reader.Error(entry.Path, entry.Value, $"'{pattern}' is not a usable regular expression: {ex.Message}");
            return null;
        }
    }

    private BoundTest? Bound(string text, MapEntry entry)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound)
            && double.IsFinite(bound))
        {
            return new BoundTest(bound, IsMinimum: entry.Key == "min");
        }

        reader.Error(entry.Path, entry.Value, $"'{text}' is not a number; '{entry.Key}' compares numbers, e.g. "
            + $"{entry.Key}: 10");
        return null;
    }
}
