namespace Uplink.Configuration;

/// <summary>
/// What loading a config produced: the config when it is valid, otherwise every error found.
/// </summary>
/// <param name="Config">The bound config; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem found, in the order they appear in the file.</param>
public sealed record ConfigLoadResult(UplinkConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Where the config came from: its file path, or the source name it was parsed with.</summary>
    public string Source { get; init; } = "config";

    /// <summary>True when the config bound without errors.</summary>
    public bool IsValid => Config is not null && Errors.Count == 0;
}
