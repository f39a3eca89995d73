namespace Uplink.Tls.PinFiles;

/// <summary>The kinds of file apps keep their pins in.</summary>
public enum PinFileFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>Android's <c>network_security_config.xml</c>.</summary>
    Android,

    /// <summary>
    /// An iOS <c>Info.plist</c>: <c>NSAppTransportSecurity</c> / <c>NSPinnedDomains</c>, or TrustKit's keys in it.
    /// </summary>
    Plist,

    /// <summary>A TrustKit configuration written as JSON.</summary>
    TrustKitJson,
}
