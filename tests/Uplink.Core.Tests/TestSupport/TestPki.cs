using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.TestSupport;

/// <summary>
/// A private PKI for TLS tests: a root CA, an intermediate it signed, and leaves the intermediate
/// signs on demand (a given key for renewals that keep it, any validity, any host name).
/// </summary>
internal sealed class TestPki : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private TestPki(X509Certificate2 root, X509Certificate2 intermediate, DateTimeOffset now)
    {
        Root = root;
        Intermediate = intermediate;
        Now = now;
    }

    /// <summary>The moment the PKI was made; validities are counted from it.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The root CA, with its key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The intermediate CA, with its key.</summary>
    public X509Certificate2 Intermediate { get; }

    /// <summary>The root alone, public part: what a client trusts.</summary>
    public X509Certificate2Collection Roots => [X509CertificateLoader.LoadCertificate(Root.RawData)];

    /// <summary>The intermediate alone, public part: what a server sends after its own certificate.</summary>
    public X509Certificate2Collection Chain => [X509CertificateLoader.LoadCertificate(Intermediate.RawData)];

    public static TestPki Create()
    {
        var now = TimeProvider.System.GetUtcNow();
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var rootRequest = AuthorityRequest("CN=Uplink Test Root", rootKey, HashAlgorithmName.SHA384);
        var root = rootRequest.CreateSelfSigned(now.AddDays(-30), now.AddYears(10));

        using var intermediateKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=Uplink Test Intermediate", intermediateKey, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        // The root's key is ECDSA and the intermediate's RSA, so the signature is made explicitly.
        var rootSigner = X509SignatureGenerator.CreateForECDsa(root.GetECDsaPrivateKey()!);
        using var signed = request.Create(root.SubjectName, rootSigner, now.AddDays(-30), now.AddYears(5), Serial());
        var intermediate = signed.CopyWithPrivateKey(intermediateKey);
        return new TestPki(root, intermediate, now);
    }

    /// <summary>A new key for a leaf; pass the same key to two leaves for a renewal that keeps it.</summary>
    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>
    /// A leaf for <paramref name="dnsName"/> (and 127.0.0.1) signed by the intermediate, valid from
    /// <paramref name="fromDays"/> to <paramref name="toDays"/> days after <see cref="Now"/>, with its
    /// private key, loaded from PFX so that Kestrel can use it.
    /// </summary>
    public X509Certificate2 Leaf(ECDsa key, string dnsName = "localhost", double fromDays = -10, double toDays = 90)
    {
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));

        using var issuerKey = Intermediate.GetRSAPrivateKey()!;
        var signer = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        using var signed = request.Create(Intermediate.SubjectName, signer, Now.AddDays(fromDays), Now.AddDays(toDays),
            Serial());
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Writes the root as PEM into <paramref name="folder"/>: a CA bundle for a monitor.</summary>
    public string WriteRootPem(string folder)
    {
        var path = Path.Combine(folder, "ca.pem");
        File.WriteAllText(path, Root.ExportCertificatePem());
        return path;
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
    }

    private static CertificateRequest AuthorityRequest(string name, ECDsa key, HashAlgorithmName hash)
    {
        var request = new CertificateRequest(name, key, hash);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(16);
}
