namespace Uplink.Configuration;

/// <summary>
/// One problem in a config: where it is (a path such as <c>monitors[2].steps[1].extract.token</c>,
/// and the line and column when known) and what to do about it.
/// </summary>
public sealed record ConfigError(string Path, string Message, int? Line = null, int? Column = null)
{
    public override string ToString() =>
        Line is { } line ? $"{Path} (line {line}, column {Column}): {Message}" : $"{Path}: {Message}";
}
