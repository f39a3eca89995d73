using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Tls;

/// <summary>
/// A tls monitor, bound from YAML, against certificates served by Kestrel on loopback: each kind of
/// server certificate gets its verdict.
/// </summary>
public sealed class TlsMonitorTests : IDisposable
{
    private static readonly RequestDelegate Answer = context => context.Response.WriteAsync("ok");

    private readonly TestPki _pki = TestPki.Create();
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Run_ValidChainWithIntermediate_IsUpWithBothChains()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key);

        var result = await RunAsync(leaf, _pki.Chain);

        Assert.Equal(Health.Up, Report(result).Health);
        var report = Report(result);
        Assert.Equal(["CN=localhost", "CN=Uplink Test Intermediate"], report.Facts.Served.Select(c => c.Subject));
        Assert.Equal(
            ["CN=localhost", "CN=Uplink Test Intermediate", "CN=Uplink Test Root"],
            report.Facts.Validated.Select(c => c.Subject));
        Assert.True(report.Facts.Trusted);
        Assert.True(report.Facts.HostNameMatches);
        Assert.Equal("localhost", report.Facts.ServerName);
        Assert.StartsWith("TLS 1.", report.Facts.Protocol);
        Assert.False(string.IsNullOrEmpty(report.Facts.Cipher));
        Assert.Equal("ECDSA P-256", report.Facts.Served[0].KeyType);
        Assert.Equal("RSA", report.Facts.Served[1].KeyType);
        Assert.Equal(2048, report.Facts.Served[1].KeySize);
        Assert.Equal(SpkiPin.Of(leaf), report.Facts.Served[0].Pin);
        Assert.Equal(leaf.NotAfter.ToUniversalTime(), report.Facts.EarliestExpiry?.UtcDateTime);
        Assert.NotNull(result.Steps[0].Timings.Tls);
    }

    [Fact]
    public async Task Run_ExpiringInTwoDays_IsCritical()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, toDays: 2);

        var result = await RunAsync(leaf, _pki.Chain);

        Assert.Equal(Health.Critical, Report(result).Health);
        Assert.StartsWith("certificate CN=localhost expires in 1 days", result.Error);
    }

    [Fact]
    public async Task Run_ExpiringInTwentyDays_IsDegraded()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, toDays: 20);

        var result = await RunAsync(leaf, _pki.Chain);

        Assert.Equal(Health.Degraded, Report(result).Health);
    }

    [Fact]
    public async Task Run_Expired_IsDownNamingTheDate()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, fromDays: -60, toDays: -1);

        var result = await RunAsync(leaf, _pki.Chain);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal($"certificate CN=localhost expired on {TlsJudge.Day(leaf.NotAfter.ToUniversalTime())}",
            result.Error);
    }

    [Fact]
    public async Task Run_WrongHostName_IsDownNamingWhatTheCertificateCovers()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, dnsName: "elsewhere.test");

        var result = await RunAsync(leaf, _pki.Chain);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal("certificate does not cover localhost (it names elsewhere.test)", result.Error);
    }

    [Fact]
    public async Task Run_ChainMissingItsIntermediate_IsDownAsIncomplete()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key);

        var result = await RunAsync(leaf, chain: null);

        Assert.Equal(Health.Down, result.Health);
        Assert.Single(Report(result).Facts.Served);
        Assert.StartsWith("chain not trusted: the server sends no intermediate certificate", result.Error);
    }

    [Fact]
    public async Task Run_RenewalKeepingThePinnedKey_StaysUp()
    {
        using var key = TestPki.NewKey();
        using var first = _pki.Leaf(key);
        using var renewal = _pki.Leaf(key, fromDays: 0, toDays: 120);
        using var backup = TestPki.NewKey();
        var pins = $"[{Pin(first)}, sha256/{BackupPin()}]";

        var result = await RunAsync(renewal, _pki.Chain, pins);

        Assert.Equal(Health.Up, Report(result).Health);
        Assert.Equal(["CN=localhost"], Report(result).PinSets.Single().Matched);
    }

    [Fact]
    public async Task Run_RenewalWithANewKey_IsCriticalNamingTheAppVersion()
    {
        using var oldKey = TestPki.NewKey();
        using var newKey = TestPki.NewKey();
        using var first = _pki.Leaf(oldKey);
        using var renewal = _pki.Leaf(newKey);
        var pinSets = $$"""
            pin-sets:
              ios-5.2: [{{Pin(first)}}, sha256/{{BackupPin()}}]
            """;

        var result = await RunAsync(renewal, _pki.Chain, "[ios-5.2]", pinSets);

        Assert.Equal(Health.Critical, Report(result).Health);
        Assert.Equal("no pin of ios-5.2 matches the served chain; that app version will refuse the server",
            result.Error);
    }

    [Fact]
    public async Task Run_PinOnTheIntermediate_MatchesAnyCertificateOfTheServedChain()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key);
        var pins = $"[sha256/{SpkiPin.Of(_pki.Intermediate)}, sha256/{BackupPin()}]";

        var result = await RunAsync(leaf, _pki.Chain, pins);

        Assert.Equal(Health.Up, Report(result).Health);
        Assert.Equal(["CN=Uplink Test Intermediate"], Report(result).PinSets.Single().Matched);
    }

    [Fact]
    public async Task Run_SinglePinSet_IsDegradedForLackOfABackup()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key);

        var result = await RunAsync(leaf, _pki.Chain, $"[{Pin(leaf)}]");

        Assert.Equal(Health.Degraded, Report(result).Health);
        Assert.Equal("pin set leaf-check has a single pin and no backup; a new key would lock its app out",
            result.Error);
    }

    [Fact]
    public async Task Run_OnlyMatchingCertificateExpiresWithinWarning_WarnsAhead()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, toDays: 30);
        var pins = $"[{Pin(leaf)}, sha256/{BackupPin()}]";

        var result = await RunAsync(leaf, _pki.Chain, pins, expiry: "{ warning: 45d, critical: 3d }");

        Assert.Equal(Health.Degraded, Report(result).Health);
        var warnings = Report(result).Findings.Select(f => f.Text).ToList();
        Assert.Contains(warnings, w =>
            w.StartsWith("pin set leaf-check matches only CN=localhost", StringComparison.Ordinal)
            && w.EndsWith("the renewal must keep this key, or ship new pins first", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpsMonitor_RecordsTlsFactsAndJudgesPins()
    {
        using var oldKey = TestPki.NewKey();
        using var newKey = TestPki.NewKey();
        using var pinned = _pki.Leaf(oldKey);
        using var served = _pki.Leaf(newKey);
        await using var server = await LoopbackServer.StartAsync(Answer, served, _pki.Chain);
        var yaml = $"""
            monitors:
              - name: api
                url: https://localhost:{server.Port}/
                operation: data-fetch
                ca-bundle: {_pki.WriteRootPem(_folder.Path)}
                pins: [{Pin(pinned)}, sha256/{BackupPin()}]
            """;
        var monitor = Load(yaml).Monitors.Single();

        var result = await new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System)
            .RunAsync(monitor, TimeProvider.System.GetUtcNow(), CancellationToken.None);

        Assert.Equal(200, result.Steps[0].StatusCode);
        Assert.Equal(Health.Critical, Report(result).Health);
        Assert.Equal(2, Report(result).Facts.Served.Count);
        Assert.Equal("no pin of api matches the served chain; that app version will refuse the server", result.Error);
    }

    [Fact]
    public async Task HttpsMonitor_ExpiredCertificate_FailsInTlsAndStillDescribesTheChain()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, fromDays: -60, toDays: -1);
        await using var server = await LoopbackServer.StartAsync(Answer, leaf, _pki.Chain);
        var yaml = $"""
            monitors:
              - name: api
                url: https://localhost:{server.Port}/
                operation: data-fetch
                ca-bundle: {_pki.WriteRootPem(_folder.Path)}
            """;

        var result = await new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System)
            .RunAsync(Load(yaml).Monitors.Single(), TimeProvider.System.GetUtcNow(), CancellationToken.None);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal(ProbePhase.Tls, result.Steps[0].FailedPhase);
        var report = Report(result);
        Assert.False(report.Facts.Trusted);
        Assert.StartsWith("certificate CN=localhost expired on", report.Findings[0].Text);
    }

    [Fact]
    public async Task HttpsMonitor_HostHeader_IsTheServerNameSent()
    {
        using var key = TestPki.NewKey();
        using var leaf = _pki.Leaf(key, dnsName: "api.test");
        await using var server = await LoopbackServer.StartAsync(Answer, leaf, _pki.Chain);
        var yaml = $"""
            monitors:
              - name: api
                url: https://127.0.0.1:{server.Port}/
                operation: data-fetch
                headers: {"{"} Host: api.test {"}"}
                ca-bundle: {_pki.WriteRootPem(_folder.Path)}
            """;

        var result = await new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System)
            .RunAsync(Load(yaml).Monitors.Single(), TimeProvider.System.GetUtcNow(), CancellationToken.None);

        Assert.Equal(Health.Up, Report(result).Health);
        Assert.Equal("api.test", Report(result).Facts.ServerName);
        Assert.True(Report(result).Facts.HostNameMatches);
    }

    public void Dispose()
    {
        _pki.Dispose();
        _folder.Dispose();
    }

    private static string Pin(X509Certificate2 certificate) => SpkiPin.Prefix + SpkiPin.Of(certificate);

    private static string BackupPin()
    {
        using var key = TestPki.NewKey();
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    private static TlsReport Report(CheckResult result) =>
        result.Steps.Single().Tls ?? throw new Xunit.Sdk.XunitException("the step has no TLS report");

    private async Task<CheckResult> RunAsync(
        X509Certificate2 leaf,
        X509Certificate2Collection? chain,
        string? pins = null,
        string pinSets = "",
        string? expiry = null)
    {
        await using var server = await LoopbackServer.StartAsync(Answer, leaf, chain);
        var yaml = $"""
            {pinSets}
            monitors:
              - name: leaf-check
                kind: tls
                host: 127.0.0.1
                port: {server.Port}
                sni: localhost
                ca-bundle: {_pki.WriteRootPem(_folder.Path)}
            {(pins is null ? "" : "    pins: " + pins)}
            {(expiry is null ? "" : "    expiry: " + expiry)}
            """;
        var monitor = Load(yaml).Monitors.Single();
        var runner = new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System);
        return await runner.RunAsync(monitor, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    private static UplinkConfig Load(string yaml)
    {
        var loaded = ConfigLoader.Parse(yaml, "test.yaml", _ => null);
        Assert.True(loaded.Config is not null, string.Join("\n", loaded.Errors));
        return loaded.Config;
    }
}
