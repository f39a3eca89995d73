using Uplink.Probes;

namespace Uplink.Configuration;

/// <summary>
/// How a monitor's requests travel: redirects, body cap, HTTP version, proxy and egress policy.
/// The same for every step of a flow.
/// </summary>
public sealed record RequestSettings
{
    /// <summary>Ten redirects, a 10 MB body cap, HTTP/1.1, no proxy, the default egress policy.</summary>
    public static RequestSettings Default { get; } = new();

    /// <summary>How many redirects to follow; 0 when <c>follow-redirects: false</c>.</summary>
    /// <value>10 by default.</value>
    public int MaxRedirects { get; init; } = HttpRequestPlan.DefaultMaxRedirects;

    /// <summary>The most decoded body bytes a check reads.</summary>
    /// <value>Null by default: the probe's own cap, 10 MB.</value>
    public long? MaxBodyBytes { get; init; }

    /// <summary>The HTTP version to speak (<c>http-version: 1.1 | 2</c>).</summary>
    /// <value>Null by default: HTTP/1.1.</value>
    public Version? HttpVersion { get; init; }

    /// <summary>The proxy the monitor's requests go through; proxy environment variables are never used.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Which addresses the monitor may connect to.</summary>
    /// <value>The top-level <c>egress</c> policy, else <see cref="EgressPolicy.Default"/>.</value>
    public EgressPolicy Egress { get; init; } = EgressPolicy.Default;

    /// <summary>Applies these settings to one request plan.</summary>
    public HttpRequestPlan Apply(HttpRequestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan with
        {
            MaxRedirects = MaxRedirects,
            MaxBodyBytes = MaxBodyBytes,
            HttpVersion = HttpVersion,
            Proxy = Proxy,
            Egress = Egress,
        };
    }
}
