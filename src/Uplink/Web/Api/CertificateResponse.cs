namespace Uplink.Web.Api;

/// <summary>One certificate of a chain.</summary>
/// <param name="Subject">The subject's distinguished name.</param>
/// <param name="Issuer">The issuer's distinguished name.</param>
/// <param name="NotBefore">The start of validity.</param>
/// <param name="NotAfter">The end of validity.</param>
/// <param name="KeyType">The key's algorithm, for example <c>RSA</c> or <c>ECDSA P-256</c>.</param>
/// <param name="KeySize">The key's size in bits.</param>
/// <param name="Pin">The SPKI SHA-256 as apps pin it, written <c>sha256/BASE64</c>.</param>
public sealed record CertificateResponse(
    string Subject,
    string Issuer,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyType,
    int KeySize,
    string Pin);
