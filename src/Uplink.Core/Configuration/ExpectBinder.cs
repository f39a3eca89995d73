using Uplink.Judging;
using Uplink.Judging.Conditions;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds a request's <c>expect</c> map into conditions: status, JSON values, headers, body and size.
/// Without a <c>status</c>, any status from 200 to 399 is accepted.
/// </summary>
internal sealed class ExpectBinder(ConfigReader reader)
{
    private const string SizeHint = "write a number of bytes, or a number with B, KB, MB or GB, e.g. 100KB";
    private static readonly string[] Keys =
        ["status", "json", "headers", "body", "size", "sha256", "length", "content-type"];
    private static readonly string[] SizeKeys = ["min", "max"];

    /// <summary>The status condition used when <c>expect</c> does not name one.</summary>
    public static StatusCondition DefaultStatus() => new([new StatusRange(200, 399)]);

    public IReadOnlyList<Condition> Bind(YamlNode? node, string path)
    {
        if (node is null)
        {
            return [DefaultStatus()];
        }

        if (reader.Map(node, path, Keys) is not { } map)
        {
            return [];
        }

        var conditions = new List<Condition>();
        AddStatus(map, conditions);
        AddJson(map, conditions);
        AddHeaders(map, conditions);
        AddBody(map, conditions);
        AddSize(map, conditions);
        AddMedia(map, conditions);
        return conditions;
    }

    private void AddStatus(MapFields map, List<Condition> conditions)
    {
        if (map["status"] is not { } node)
        {
            conditions.Add(DefaultStatus());
            return;
        }

        if (new StatusBinder(reader).Bind(node, map.PathOf("status")) is { } ranges)
        {
            conditions.Add(new StatusCondition(ranges));
        }
    }

    private void AddJson(MapFields map, List<Condition> conditions)
    {
        foreach (var entry in Entries(map, "json"))
        {
            if (JsonValues.CheckPath(entry.Key) is { } problem)
            {
                reader.Error(entry.Path, entry.KeyNode, $"'{entry.Key}' is not a valid JSON path: {problem}");
            }

            if (new ValueTestBinder(reader).Bind(entry.Value, entry.Path) is { } test)
            {
                conditions.Add(new JsonCondition(entry.Key, test));
            }
        }
    }

    private void AddHeaders(MapFields map, List<Condition> conditions)
    {
        foreach (var entry in Entries(map, "headers"))
        {
            if (new ValueTestBinder(reader).Bind(entry.Value, entry.Path) is { } test)
            {
                conditions.Add(new HeaderCondition(entry.Key, test));
            }
        }
    }

    private void AddBody(MapFields map, List<Condition> conditions)
    {
        if (map["body"] is { } node && new ValueTestBinder(reader).Bind(node, map.PathOf("body")) is { } test)
        {
            conditions.Add(new BodyCondition(test));
        }
    }

    private void AddSize(MapFields map, List<Condition> conditions)
    {
        if (map["size"] is not { } node || reader.Map(node, map.PathOf("size"), SizeKeys) is not { } size)
        {
            return;
        }

        if (!size.Has("min") && !size.Has("max"))
        {
            if (!size.HasUnknownKeys)
            {
                reader.Error(size.Path, node, "'size' needs min, max or both, e.g. { max: 100KB }");
            }

            return;
        }

        var min = ReadSize(size, "min");
        var max = ReadSize(size, "max");
        if (min > max)
        {
            reader.Error(size.PathOf("min"), size["min"], $"min ({ByteSize.Format(min.Value)}) is above "
                + $"max ({ByteSize.Format(max!.Value)})");
        }

        conditions.Add(new SizeCondition(min, max));
    }

    private long? ReadSize(MapFields size, string key)
    {
        if (size[key] is not { } node || reader.Text(node, size.PathOf(key)) is not { } text)
        {
            return null;
        }

        if (!ByteSize.TryParse(text, out var bytes))
        {
            reader.Error(size.PathOf(key), node, $"'{text}' is not a size; {SizeHint}");
            return null;
        }

        return bytes;
    }

    /// <summary>Checks on a downloaded file: its digest, its exact length and its content type.</summary>
    private void AddMedia(MapFields map, List<Condition> conditions)
    {
        if (map["sha256"] is { } digestNode && reader.Text(digestNode, map.PathOf("sha256")) is { } digest)
        {
            if (digest.Length != 64 || !digest.All(char.IsAsciiHexDigit))
            {
                reader.Error(map.PathOf("sha256"), digestNode, $"'{digest}' is not a SHA-256 digest; "
                    + "write its 64 hex digits, e.g. the output of sha256sum");
            }
            else
            {
                conditions.Add(new Sha256Condition(digest));
            }
        }

        if (map["length"] is { } lengthNode && reader.Text(lengthNode, map.PathOf("length")) is { } text)
        {
            if (ByteSize.TryParse(text, out var length))
            {
                conditions.Add(new LengthCondition(length));
            }
            else
            {
                reader.Error(map.PathOf("length"), lengthNode, $"'{text}' is not a length; {SizeHint}");
            }
        }

        if (map["content-type"] is { } typeNode
            && new ValueTestBinder(reader).Bind(typeNode, map.PathOf("content-type")) is { } test)
        {
            conditions.Add(new HeaderCondition("Content-Type", test));
        }
    }

    private IReadOnlyList<MapEntry> Entries(MapFields map, string key) =>
        map[key] is { } node && reader.Map(node, map.PathOf(key)) is { } fields ? fields.Entries : [];
}
