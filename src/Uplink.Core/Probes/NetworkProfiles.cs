namespace Uplink.Probes;

/// <summary>
/// The built-in network profiles. The figures follow the connectivity presets that web
/// performance tools have long used for these links (WebPageTest's "Cable", "LTE", "3G" and
/// "Edge"), with a small loss on the mobile ones.
/// </summary>
public static class NetworkProfiles
{
    /// <summary>Home Wi-Fi on a cable line: 5 Mbps down, 1 Mbps up, 28 ms, no loss.</summary>
    public static NetworkProfile Wifi { get; } = new("wifi", 5_000_000, 1_000_000, Ms(28), 0);

    /// <summary>LTE: 12 Mbps each way, 70 ms, 0.1% loss.</summary>
    public static NetworkProfile FourG { get; } = new("4g", 12_000_000, 12_000_000, Ms(70), 0.001);

    /// <summary>3G: 1.6 Mbps down, 768 kbps up, 300 ms, 0.5% loss.</summary>
    public static NetworkProfile ThreeG { get; } = new("3g", 1_600_000, 768_000, Ms(300), 0.005);

    /// <summary>EDGE (2.5G): 240 kbps down, 200 kbps up, 840 ms, 1% loss.</summary>
    public static NetworkProfile Edge { get; } = new("edge", 240_000, 200_000, Ms(840), 0.01);

    /// <summary>The built-in profiles by name.</summary>
    public static IReadOnlyDictionary<string, NetworkProfile> BuiltIn { get; } =
        new[] { Wifi, FourG, ThreeG, Edge }.ToDictionary(p => p.Name, StringComparer.Ordinal);

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
