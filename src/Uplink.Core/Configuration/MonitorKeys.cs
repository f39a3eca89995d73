namespace Uplink.Configuration;

/// <summary>The keys a monitor and a step may have, and which kind of monitor each belongs to.</summary>
internal static class MonitorKeys
{
    /// <summary>The keys of one HTTP request: on an http monitor itself, or on a flow's step.</summary>
    public static readonly string[] Request = ["method", "url", "headers", "body", "operation", "expect"];

    /// <summary>The keys a step of a flow may have.</summary>
    public static readonly string[] Step = ["name", .. Request, "extract"];

    /// <summary>The keys only a flow may have.</summary>
    public static readonly string[] FlowOnly = ["steps", "budget"];

    /// <summary>The keys only a tls monitor may have: where it shakes hands.</summary>
    public static readonly string[] TlsOnly = ["host", "port", "sni"];

    /// <summary>The keys that judge certificates, on any kind of monitor.</summary>
    public static readonly string[] Certificates = ["ca-bundle", "expiry", "pins", "pins-file"];

    /// <summary>The keys that weigh responses as a phone would, and expand a monitor into variants.</summary>
    public static readonly string[] Mobile = [.. MobileBinder.Keys, .. VariantBinder.Keys];

    /// <summary>Every key any monitor may have; which of them fit depends on the kind.</summary>
    public static readonly string[] All = ["name", "kind", "group", "interval", "timeout", .. FlowOnly, .. Request,
        "extract", .. HeartbeatKeys.All, .. TlsOnly, .. Certificates, .. Mobile];
}
