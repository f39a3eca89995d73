namespace Uplink.Configuration;

/// <summary>The <c>defaults</c> section: what a monitor gets when it does not say.</summary>
internal sealed record ConfigDefaults(TimeSpan Interval, TimeSpan Timeout)
{
    public static ConfigDefaults Standard { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}
