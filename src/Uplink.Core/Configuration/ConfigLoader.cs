using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Reads Uplink's YAML config (see <c>docs/configuration.md</c>) into an <see cref="UplinkConfig"/>.
/// The loader is strict and reports every problem at once, each with its path, line and column.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>The path given to an error that concerns the file itself, such as a missing file.</summary>
    public const string FilePath = "(file)";

    /// <summary>The path given to a YAML syntax error.</summary>
    public const string SyntaxPath = "(yaml)";

    /// <summary>The largest config file read: 4 MB is thousands of monitors.</summary>
    public const long MaxFileBytes = 4L << 20;

    /// <summary>
    /// The deepest nesting of flow collections (<c>[</c>, <c>{</c>) accepted. The YAML parser
    /// recurses per level, so a hostile file must be stopped before it reaches the parser.
    /// </summary>
    public const int MaxFlowDepth = 200;

    /// <summary>Reads and binds the config file at <paramref name="path"/>.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="environment">Looks up environment variables for <c>${NAME}</c>; null when unset.</param>
    public static ConfigLoadResult Load(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return FileError(path, $"'{path}' is a folder; give the path of a YAML file");
        }

        string yaml;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                return FileError(path, $"'{path}' is larger than {MaxFileBytes >> 20} MB; a config is much smaller");
            }

            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or NotSupportedException)
        {
            return FileError(path, $"cannot read the config file '{path}': {ex.Message}");
        }

        return Parse(yaml, path, environment);
    }

    /// <summary>Binds a config given as YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">Names the text in messages, for example its file path.</param>
    /// <param name="environment">Looks up environment variables for <c>${NAME}</c>; null when unset.</param>
    public static ConfigLoadResult Parse(string yaml, string sourceName, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(environment);

        var errors = new ErrorCollector();
        if (FlowDepth(yaml) > MaxFlowDepth)
        {
            var error = new ConfigError(SyntaxPath, $"brackets nest deeper than {MaxFlowDepth} levels; "
                + "a config never needs that many");
            return new ConfigLoadResult(null, [error]) { Source = sourceName };
        }

        var root = ReadRoot(yaml, errors);

        var reader = new ConfigReader(errors, environment) { BaseFolder = FolderOf(sourceName) };
        var config = errors.HasErrors ? null : new ConfigBinder(reader).Bind(root);

        return errors.HasErrors
            ? new ConfigLoadResult(null, InFileOrder(errors.Errors)) { Source = sourceName }
            : new ConfigLoadResult(config, []) { Source = sourceName };
    }

    /// <summary>Loads the config at <paramref name="path"/> or throws with every error found.</summary>
    /// <exception cref="ConfigException">The file cannot be read or the config is not valid.</exception>
    public static UplinkConfig LoadOrThrow(string path, Func<string, string?> environment)
    {
        var result = Load(path, environment);
        return result.Config ?? throw new ConfigException(result.Source, result.Errors);
    }

    private static YamlNode? ReadRoot(string yaml, ErrorCollector errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            errors.Add(SyntaxPath, ex.Start, Describe(ex));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(SyntaxPath, stream.Documents[1].RootNode.Start,
                "the file holds more than one YAML document; remove the '---' separators");
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static ConfigLoadResult FileError(string path, string message) =>
        new(null, [new ConfigError(FilePath, message)]) { Source = path };

    /// <summary>How deep '[' and '{' nest outside quoted text and comments.</summary>
    private static int FlowDepth(string yaml)
    {
        int depth = 0, deepest = 0;
        char quote = '\0';
        var comment = false;
        foreach (var c in yaml)
        {
            if (comment)
            {
                comment = c != '\n';
            }
            else if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                comment = true;
            }
            else if (c is '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return deepest;
    }

    /// <summary>The folder of the config file, against which its relative paths are read.</summary>
    private static string FolderOf(string sourceName) =>
        File.Exists(sourceName) ? Path.GetDirectoryName(Path.GetFullPath(sourceName)) ?? "" : "";

    private static List<ConfigError> InFileOrder(IReadOnlyList<ConfigError> errors) =>
        errors.OrderBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0).ToList();

    private static string Describe(YamlException ex)
    {
        var message = MarkPrefix().Replace(ex.Message, "");
        var duplicate = DuplicateKey().Match(message);
        return duplicate.Success
            ? $"'{duplicate.Groups["key"].Value}' appears twice in the same map; keep one"
            : "the file is not valid YAML: " + message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();

    [GeneratedRegex(@"^Duplicate key (?<key>.+)$")]
    private static partial Regex DuplicateKey();
}
