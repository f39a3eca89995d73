using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Uplink.Configuration;
using Uplink.Tls;
using Uplink.TestSupport;

namespace Uplink.Web;

/// <summary>
/// An Uplink server whose tls monitors shake hands with a real Kestrel on loopback every two seconds:
/// one without pins, one whose pins miss the served key. A headless Chromium looks at it.
/// </summary>
public sealed class CertificatesFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uplink-certs-" + Guid.NewGuid().ToString("N"));
    private readonly TestPki _pki = TestPki.Create();
    private readonly ECDsa _key = TestPki.NewKey();
    private LoopbackServer? _site;

    public UplinkTestServer Server { get; private set; } = default!;

    public HeadlessChromium Chromium { get; private set; } = default!;

    /// <summary>The pin of the certificate the site serves.</summary>
    public string ServedPin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var leaf = _pki.Leaf(_key, toDays: 60);
        ServedPin = SpkiPin.Of(leaf);
        _site = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("ok"), leaf, _pki.Chain);
        var bundle = _pki.WriteRootPem(_folder);
        using var other = TestPki.NewKey();
        using var backup = TestPki.NewKey();
        var wrong = Convert.ToBase64String(SHA256.HashData(other.ExportSubjectPublicKeyInfo()));
        var wrongBackup = Convert.ToBase64String(SHA256.HashData(backup.ExportSubjectPublicKeyInfo()));
        var yaml = $"""
            pin-sets:
              ios-5.2: [sha256/{wrong}, sha256/{wrongBackup}]
            monitors:
              - name: plain
                kind: tls
                host: 127.0.0.1
                port: {_site.Port}
                sni: localhost
                interval: 2s
                ca-bundle: {bundle}
              - name: pinned
                kind: tls
                host: 127.0.0.1
                port: {_site.Port}
                sni: localhost
                interval: 2s
                ca-bundle: {bundle}
                pins: [ios-5.2]
              - name: gone
                kind: tls
                host: 127.0.0.1
                port: 9
                interval: 2s
            """;
        var config = ConfigLoader.Parse(yaml, "certificates.yaml", _ => null).Config
            ?? throw new InvalidOperationException("the certificates config does not load");
        Server = await UplinkTestServer.StartAsync(config, new ScriptedHttpProbe());
        Chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Server.DisposeAsync();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        _key.Dispose();
        _pki.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
