using Uplink.Probes;

namespace Uplink.TestSupport;

/// <summary>Request plans for probe tests.</summary>
internal static class Plans
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static HttpRequestPlan Get(Uri url, TimeSpan? timeout = null) =>
        new("GET", url, [], null, timeout ?? DefaultTimeout);
}
