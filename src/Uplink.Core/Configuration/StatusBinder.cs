using System.Globalization;
using System.Text.RegularExpressions;
using Uplink.Judging.Conditions;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Binds an <c>expect.status</c>: a code, a range such as 200-299, or a list of either.</summary>
internal sealed partial class StatusBinder(ConfigReader reader)
{
    private const string Hint = "write a code (200), a range (200-299) or a list ([200, 204])";

    public IReadOnlyList<StatusRange>? Bind(YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            return ReadRange(node, path) is { } range ? [range] : null;
        }

        if (reader.List(node, path) is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Error(path, node, $"the list of accepted statuses is empty; {Hint}");
            return null;
        }

        var ranges = items.Select(item => ReadRange(item.Node, item.Path)).ToList();
        return ranges.All(r => r is not null) ? ranges.Select(r => r!.Value).ToList() : null;
    }

    private StatusRange? ReadRange(YamlNode node, string path)
    {
        if (reader.Text(node, path) is not { } text)
        {
            return null;
        }

        var match = Spec().Match(text);
        if (!match.Success)
        {
            reader.Error(path, node, $"'{text}' is not a status; {Hint}");
            return null;
        }

        var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
        return Check(from, to, text, path, node);
    }

    private StatusRange? Check(int from, int to, string text, string path, YamlNode node)
    {
        if (from is < 100 or > 599 || to is < 100 or > 599)
        {
            reader.Error(path, node, $"'{text}' is not a status code; a status code is from 100 to 599");
            return null;
        }

        if (from > to)
        {
            reader.Error(path, node, $"the range '{text}' runs backwards; write the lower code first: {to}-{from}");
            return null;
        }

        return new StatusRange(from, to);
    }

    [GeneratedRegex(@"^\s*(?<from>\d{1,4})\s*(-\s*(?<to>\d{1,4})\s*)?$")]
    private static partial Regex Spec();
}
