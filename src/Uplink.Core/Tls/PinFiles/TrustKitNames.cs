namespace Uplink.Tls.PinFiles;

/// <summary>
/// TrustKit's configuration keys are written <c>TSKPublicKeyHashes</c> in a config and named
/// <c>kTSKPublicKeyHashes</c> by the constants apps use to build one in code; both spellings are
/// found in the field, so both are read as the same key.
/// </summary>
internal static class TrustKitNames
{
    public static bool Same(string written, string key) =>
        written == key || written == "k" + key || "k" + written == key;
}
