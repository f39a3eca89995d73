using Uplink.Judging;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Reads typed values out of YAML nodes. Every problem goes to the error collector with the node's
/// path and position, and the read returns null so that binding can carry on and find the rest.
/// </summary>
internal sealed class ConfigReader(ErrorCollector errors, Func<string, string?> environment)
{
    public const string DurationHint = "write a number and ms, s, m or h, e.g. 30s";

    public ErrorCollector Errors { get; } = errors;

    /// <summary>The folder that relative file paths in the config (CA bundles, pin files) start from.</summary>
    /// <value>The current folder unless set.</value>
    public string BaseFolder { get; init; } = "";

    /// <summary>A file path of the config made absolute from <see cref="BaseFolder"/>.</summary>
    public string FilePath(string path) => Path.GetFullPath(Path.Combine(BaseFolder, path));

    public void Error(string path, YamlNode? node, string message) => Errors.Add(path, node, message);

    /// <summary>Reads a map. With <paramref name="knownKeys"/>, any other key is an error.</summary>
    public MapFields? Map(YamlNode node, string path, IReadOnlyCollection<string>? knownKeys = null)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(ConfigPath.Show(path), node, $"expected a map of keys and values, found {Describe(node)}");
            return null;
        }

        var entries = new List<MapEntry>(mapping.Children.Count);
        var unknown = false;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                Error(ConfigPath.Show(path), keyNode, "a key must be a plain name, not a map or a list");
                continue;
            }

            entries.Add(new MapEntry(key, keyNode, value, ConfigPath.Key(path, key)));
            unknown |= knownKeys is not null && !IsKnown(key, keyNode, path, knownKeys);
        }

        return new MapFields(path, mapping, entries, unknown);
    }

    /// <summary>Reads a list, giving each item with its path.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? List(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            var hint = node is YamlScalarNode ? "; write each item on its own line after '- '" : "";
            Error(path, node, $"expected a list, found {Describe(node)}{hint}");
            return null;
        }

        return sequence.Children.Select((item, i) => (item, ConfigPath.Index(path, i))).ToList();
    }

    /// <summary>Reads a scalar value with <c>${NAME}</c> replaced from the environment.</summary>
    public string? Text(YamlNode node, string path)
    {
        if (node is not YamlScalarNode scalar)
        {
            Error(path, node, $"expected a single value, found {Describe(node)}");
            return null;
        }

        var problems = new List<string>();
        var text = EnvironmentSubstitution.Apply(scalar.Value ?? "", environment, problems);
        foreach (var problem in problems)
        {
            Error(path, node, problem);
        }

        return problems.Count == 0 ? text : null;
    }

    /// <summary>Reads a value that must be present and not empty.</summary>
    public string? RequiredText(MapFields map, string key, string why)
    {
        if (map.Entry(key) is not { } entry)
        {
            Error(ConfigPath.Show(map.Path), map.Node, $"missing required key '{key}'; {why}");
            return null;
        }

        var text = Text(entry.Value, entry.Path);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(entry.Path, entry.Value, $"'{key}' is empty; {why}");
            return null;
        }

        return text;
    }

    /// <summary>Reads a duration such as 500ms, 30s, 2m or 1h.</summary>
    public TimeSpan? Duration(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (text.TrimStart().StartsWith('-'))
        {
            Error(path, node, $"'{text}' is negative; a duration must be more than zero, e.g. 30s");
            return null;
        }

        if (!Durations.TryParse(text, out var duration))
        {
            Error(path, node, $"'{text}' is not a duration; {DurationHint}");
            return null;
        }

        return duration;
    }

    /// <summary>
    /// Reads a duration that must be more than zero and at most <paramref name="max"/>, such as an
    /// interval or a timeout.
    /// </summary>
    public TimeSpan? PositiveDuration(YamlNode node, string path, TimeSpan max)
    {
        var duration = Duration(node, path);
        if (duration is { } value && value <= TimeSpan.Zero)
        {
            Error(path, node, $"'{((YamlScalarNode)node).Value}' is zero; a duration here must be more than zero, "
                + "e.g. 30s");
            return null;
        }

        if (duration is { } tooLong && tooLong > max)
        {
            Error(path, node, $"'{((YamlScalarNode)node).Value}' is too long; this duration may be at most "
                + $"{Durations.Format(max)}");
            return null;
        }

        return duration;
    }

    /// <summary>How a node looks, for messages: "a map", "a list" or "the value 'x'".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a map",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        _ => "an alias",
    };

    private bool IsKnown(string key, YamlNode keyNode, string path, IReadOnlyCollection<string> knownKeys)
    {
        if (knownKeys.Contains(key))
        {
            return true;
        }

        var suggestion = KeySuggestion.Nearest(key, knownKeys);
        var hint = suggestion is not null
            ? $"did you mean '{suggestion}'?"
            : "expected one of " + string.Join(", ", knownKeys);
        Error(ConfigPath.Key(path, key), keyNode, $"unknown key '{key}'; {hint}");
        return false;
    }
}
