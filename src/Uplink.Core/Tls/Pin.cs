namespace Uplink.Tls;

/// <summary>One pinned key: the base64 SHA-256 of a subject public key info, and where it may match.</summary>
public sealed record Pin(string Sha256, PinScope Scope = PinScope.Any)
{
    public override string ToString() => Scope switch
    {
        PinScope.Leaf => $"{SpkiPin.Prefix}{Sha256} (leaf)",
        PinScope.Authority => $"{SpkiPin.Prefix}{Sha256} (CA)",
        _ => SpkiPin.Prefix + Sha256,
    };
}
