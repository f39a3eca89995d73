using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Tls;

/// <summary>
/// Key pins as apps write them: the SHA-256 of a certificate's DER subject public key info, in
/// base64, written <c>sha256/BASE64</c> in Uplink's config.
/// </summary>
public static class SpkiPin
{
    /// <summary>The prefix of a pin in the config and in the output of <c>uplink pins</c>.</summary>
    public const string Prefix = "sha256/";

    /// <summary>The base64 SHA-256 of the certificate's subject public key info.</summary>
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var spki = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        return Convert.ToBase64String(SHA256.HashData(spki));
    }

    /// <summary>
    /// Reads a base64 SHA-256 digest, with or without the <c>sha256/</c> prefix. Returns false with a
    /// reason when the text is not base64 of 32 bytes.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out string? pin, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        value = value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? value[Prefix.Length..] : value;
        pin = null;
        var bytes = new byte[48];
        if (!Convert.TryFromBase64String(value, bytes, out var written))
        {
            problem = $"'{text}' is not base64; a pin is sha256/ and the base64 SHA-256 of a public key";
            return false;
        }

        if (written != 32)
        {
            problem = $"'{text}' holds {written} bytes; a SHA-256 pin holds 32 (44 base64 characters)";
            return false;
        }

        problem = "";
        pin = value;
        return true;
    }
}
