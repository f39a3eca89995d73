using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>Gathers config errors with their positions so that all of them can be reported at once.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Add(string path, YamlNode? node, string message)
    {
        if (node is null)
        {
            _errors.Add(new ConfigError(path, message));
            return;
        }

        Add(path, node.Start, message);
    }

    public void Add(string path, Mark mark, string message) =>
        _errors.Add(new ConfigError(path, message, (int)mark.Line, (int)mark.Column));
}
