using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Tls;

/// <summary>What one certificate of a chain says about itself, kept as plain values.</summary>
public sealed record CertificateFacts
{
    public required string Subject { get; init; }

    public required string Issuer { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>The key's algorithm, for example <c>RSA</c> or <c>ECDSA P-256</c>.</summary>
    public required string KeyType { get; init; }

    /// <summary>The key's size in bits.</summary>
    public required int KeySize { get; init; }

    /// <summary>The SHA-256 of the subject public key info, base64: the value apps pin.</summary>
    public required string Pin { get; init; }

    /// <summary>The DNS names of the subject alternative name extension.</summary>
    public IReadOnlyList<string> DnsNames { get; init; } = [];

    /// <summary>Reads the facts of <paramref name="certificate"/>.</summary>
    public static CertificateFacts From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var (keyType, keySize) = KeyOf(certificate);
        return new CertificateFacts
        {
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            KeyType = keyType,
            KeySize = keySize,
            Pin = SpkiPin.Of(certificate),
            DnsNames = [.. certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
                .SelectMany(e => e.EnumerateDnsNames())],
        };
    }

    private static (string Type, int Size) KeyOf(X509Certificate2 certificate)
    {
        using (var rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return ("RSA", rsa.KeySize);
            }
        }

        using (var ecdsa = certificate.GetECDsaPublicKey())
        {
            if (ecdsa is not null)
            {
                var curve = ecdsa.ExportParameters(false).Curve;
                return ($"ECDSA {CurveName(curve)}", ecdsa.KeySize);
            }
        }

        return (certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown", 0);
    }

    private static string CurveName(ECCurve curve) => curve.Oid.Value switch
    {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        _ => curve.Oid.FriendlyName ?? curve.Oid.Value ?? "curve",
    };
}
