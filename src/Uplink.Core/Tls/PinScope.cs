namespace Uplink.Tls;

/// <summary>Which certificates of the served chain a pin may match.</summary>
public enum PinScope
{
    /// <summary>Any certificate of the chain, as Android and TrustKit match.</summary>
    Any,

    /// <summary>Only the server's own certificate (iOS <c>NSPinnedLeafIdentities</c>).</summary>
    Leaf,

    /// <summary>Only an issuing certificate (iOS <c>NSPinnedCAIdentities</c>).</summary>
    Authority,
}
