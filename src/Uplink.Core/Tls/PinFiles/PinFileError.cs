namespace Uplink.Tls.PinFiles;

/// <summary>A problem in an app's pin file, at an element path and, when known, a line.</summary>
/// <param name="Place">
/// The element or key path, for example <c>network-security-config/domain-config[0]/pin-set/pin[1]</c>.
/// </param>
/// <param name="Line">The 1-based line, or null when the format does not give one.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PinFileError(string Place, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Place} (line {line}): {Message}" : $"{Place}: {Message}";
}
