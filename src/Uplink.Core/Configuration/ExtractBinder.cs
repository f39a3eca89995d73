using System.Text.RegularExpressions;
using Uplink.Judging.Conditions;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds a step's <c>extract</c> map: each variable takes a JSON path (plain, or <c>{ json: PATH }</c>)
/// or a header (<c>{ header: NAME }</c>). A variable may be extracted by only one step of a flow.
/// </summary>
internal sealed partial class ExtractBinder(ConfigReader reader)
{
    private static readonly string[] SourceKeys = ["json", "header"];

    public IReadOnlyList<Extraction> Bind(YamlNode node, string path, FlowVariables variables, string step)
    {
        if (reader.Map(node, path) is not { } map)
        {
            return [];
        }

        var extractions = new List<Extraction>();
        foreach (var entry in map.Entries)
        {
            CheckVariable(entry, variables, step);
            if (ReadSource(entry) is { } extraction)
            {
                extractions.Add(extraction);
            }
        }

        return extractions;
    }

    private void CheckVariable(MapEntry entry, FlowVariables variables, string step)
    {
        if (!VariableName().IsMatch(entry.Key))
        {
            reader.Error(entry.Path, entry.KeyNode, $"'{entry.Key}' cannot be a variable name; start with a letter "
                + "or '_' and use only letters, digits, '_' and '-'");
            return;
        }

        if (variables.Add(entry.Key, step) is { } earlier)
        {
            reader.Error(entry.Path, entry.KeyNode, $"variable '{entry.Key}' is already extracted by step "
                + $"'{earlier}'; give this one another name");
        }
    }

    private Extraction? ReadSource(MapEntry entry)
    {
        if (entry.Value is YamlScalarNode)
        {
            return JsonPath(entry, entry.Value, entry.Path);
        }

        if (reader.Map(entry.Value, entry.Path, SourceKeys) is not { } map)
        {
            return null;
        }

        if (map.Has("json") == map.Has("header"))
        {
            if (!map.HasUnknownKeys)
            {
                reader.Error(entry.Path, entry.Value,
                    "an extraction names exactly one of json or header, e.g. { header: X-Request-Id }");
            }

            return null;
        }

        return map["json"] is { } json ? JsonPath(entry, json, map.PathOf("json")) : Header(entry, map);
    }

    private Extraction? JsonPath(MapEntry entry, YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } jsonPath)
        {
            return null;
        }

        if (JsonValues.CheckPath(jsonPath) is { } problem)
        {
            reader.Error(path, node, $"'{jsonPath}' is not a valid JSON path: {problem}");
            return null;
        }

        return new Extraction(entry.Key, ExtractionSource.Json, jsonPath);
    }

    private Extraction? Header(MapEntry entry, MapFields map)
    {
        var name = reader.RequiredText(map, "header", "name the response header to extract, e.g. X-Request-Id");
        return name is null ? null : new Extraction(entry.Key, ExtractionSource.Header, name);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*$")]
    private static partial Regex VariableName();
}
