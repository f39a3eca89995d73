namespace Uplink.Mobile;

/// <summary>
/// The dimensions of one variant of a monitor: the API version and the app version it asks as.
/// A monitor named <c>profile</c> with both becomes <c>profile[v2, 5.1]</c>.
/// </summary>
/// <param name="Base">The name of the monitor the variant was expanded from.</param>
/// <param name="ApiVersion">The value of <c>{version}</c>; null when the monitor has no <c>versions</c>.</param>
/// <param name="ClientVersion">The app version; null when the monitor has no <c>client-versions</c>.</param>
public sealed record MonitorVariant(string Base, string? ApiVersion, string? ClientVersion)
{
    /// <summary>The variant's monitor name: the base name and its dimensions in brackets.</summary>
    public string Name => $"{Base}[{string.Join(", ", new[] { ApiVersion, ClientVersion }.OfType<string>())}]";
}
