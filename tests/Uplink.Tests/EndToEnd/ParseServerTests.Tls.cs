using System.Security.Cryptography;
using Uplink.TestSupport;
using Uplink.Tls;

namespace Uplink.EndToEnd;

/// <summary>
/// The Parse Server example behind a TLS front, checked with the pinned config
/// <c>examples/parse-server/uplink-tls.yaml</c>: a renewal with a new key turns it critical.
/// </summary>
public sealed partial class ParseServerTests
{
    [Fact]
    public async Task CheckTls_RenewalWithANewKey_TurnsThePinnedMonitorsCritical()
    {
        using var pki = TestPki.Create();
        using var key = TestPki.NewKey();
        using var newKey = TestPki.NewKey();
        using var backup = TestPki.NewKey();
        using var certificate = pki.Leaf(key);
        using var renewal = pki.Leaf(newKey, fromDays: 0);
        var folder = Directory.CreateTempSubdirectory("uplink-parse-tls-");
        try
        {
            await using var front = await TlsFront.StartAsync(certificate, pki.Chain, new Uri(parse.ParseUrl));
            var environment = parse.EnvironmentWith(new Dictionary<string, string>
            {
                ["PARSE_TLS_URL"] = $"https://localhost:{front.Port}{new Uri(parse.ParseUrl).AbsolutePath}",
                ["PARSE_TLS_HOST"] = "127.0.0.1",
                ["PARSE_TLS_PORT"] = front.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PARSE_TLS_CA"] = pki.WriteRootPem(folder.FullName),
                ["PARSE_TLS_PIN"] = SpkiPin.Of(certificate),
                ["PARSE_TLS_BACKUP_PIN"] = Convert.ToBase64String(SHA256.HashData(backup.ExportSubjectPublicKeyInfo())),
            });

            var before = await CheckTlsAsync(environment);
            front.Serve(renewal, pki.Chain);
            var after = await CheckTlsAsync(environment);

            // A loaded machine may put a first handshake in any latency band; only the pins matter here.
            Assert.Matches(@"│ products-tls\s+│ (up|degraded|critical) ", before.Output);
            Assert.Matches(@"│ api-certificate\s+│ (up|degraded|critical) ", before.Output);
            Assert.DoesNotContain("no pin of", before.Output);
            Assert.True(after.ExitCode == 1, after.Output);
            Assert.Matches(@"│ products-tls\s+│ critical ", after.Output);
            Assert.Matches(@"│ api-certificate\s+│ critical ", after.Output);
            Assert.Contains("no pin of ios-2.x matches the served chain", after.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> CheckTlsAsync(IReadOnlyDictionary<string, string> environment) =>
        UplinkProcess.RunAsync(
            environment, CheckTimeout, ["check", "--config", TlsConfigPath, "--fail-on", "critical"]);

    private string TlsConfigPath => Path.Combine(parse.ExampleDirectory, "uplink-tls.yaml");
}
