using System.Security.Cryptography.X509Certificates;

namespace Uplink.Probes;

/// <summary>One HTTP request, fully rendered: no templates or variables are left in it.</summary>
public sealed record HttpRequestPlan(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    TimeSpan Timeout)
{
    /// <summary>
    /// The only roots the server's chain may end in (a monitor's CA bundle); null for the probe's own.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>The network profile to run the request on for real; null for the link as it is.</summary>
    public NetworkProfile? Emulate { get; init; }

    /// <summary>Names the connection a kept-alive probe reuses: the monitor's name; null for none.</summary>
    public string? ConnectionKey { get; init; }
}
