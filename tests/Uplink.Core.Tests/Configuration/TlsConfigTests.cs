using Uplink.Judging;
using Uplink.Tls;
using Uplink.TestSupport;

namespace Uplink.Configuration;

/// <summary>The certificate keys of monitors, <c>kind: tls</c>, <c>pin-sets</c> and their errors.</summary>
public sealed class TlsConfigTests
{
    private const string A = "7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=";
    private const string B = "fwza0LRMXouZHRC8Ei+4PyuldPDcf3UKgO/04cDM1oE=";

    private const string Tls = """
        monitors:
          - name: cert
            kind: tls
            host: api.example.com
        """;

    public static TheoryData<string, string, string> BadConfigs => new()
    {
        { Tls.Replace("    host: api.example.com", "    port: 443"), "monitors[0]", "missing required key 'host'" },
        { Tls + "\n    port: 70000", "monitors[0].port", "'70000' is not a port" },
        { Tls + "\n    url: https://a.example.com", "monitors[0].url", "does not apply to a tls monitor" },
        { Tls + "\n    expiry: { warning: 21 days }", "monitors[0].expiry.warning",
            "'21 days' is not a positive duration; write a number of days, e.g. 21d" },
        { Tls + "\n    expiry: { warning: 5d, critical: 7d }", "monitors[0].expiry",
            "critical (7 d) is longer than warning (5 d)" },
        { Tls + "\n    expiry: { warn: 5d }", "monitors[0].expiry.warn", "did you mean 'warning'?" },
        { Tls + "\n    pins: [sha256/abc]", "monitors[0].pins[0]", "'sha256/abc' is not base64" },
        { Tls + "\n    pins: [ios-9]", "monitors[0].pins[0]",
            "'ios-9' is neither a pin nor a pin set named under 'pin-sets'" },
        { "pin-sets:\n  ios-5: [" + A + "]\n" + Tls, "pin-sets.ios-5[0]", "is not a pin; write sha256/" },
        { "pin-sets:\n  ios-5: { pins: [sha256/" + A + "], expires: soon }\n" + Tls, "pin-sets.ios-5.expires",
            "'soon' is not a date" },
        { Tls + "\n    pins-file: missing.xml", "monitors[0].pins-file", "missing.xml: (file): cannot read" },
        { Tls + "\n    ca-bundle: missing.pem", "monitors[0].ca-bundle", "cannot read the CA bundle 'missing.pem'" },
        { """
            monitors:
              - name: api
                url: https://api.example.com/health
                operation: data-fetch
                host: api.example.com
            """, "monitors[0].host", "'host' belongs to a tls monitor; add 'kind: tls'" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Parse_BadTlsConfig_ReportsPathAndMessage(string yaml, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TlsMonitor_BindsTargetBandsAndPinSets()
    {
        var config = ConfigTestEnvironment.ParseValid($"""
            pin-sets:
              ios-5.2: [sha256/{A}, sha256/{B}]
              android-4.1: {"{"} pins: [sha256/{A}], expires: 2027-06-30 {"}"}
            monitors:
              - name: cert
                kind: tls
                host: 10.0.0.5
                port: 8443
                sni: api.example.com
                expiry: {"{"} warning: 30d, critical: 36h {"}"}
                pins: [ios-5.2, android-4.1, sha256/{B}]
            """);

        var monitor = config.Monitors.Single();
        Assert.Equal(MonitorKind.Tls, monitor.Kind);
        Assert.Equal(
            new TlsTarget { Host = "10.0.0.5", Port = 8443, ServerName = "api.example.com" },
            monitor.TlsTarget);
        Assert.Equal("tls://10.0.0.5:8443", monitor.Steps.Single().Url.ToString());
        Assert.Equal(TimeSpan.FromDays(30), monitor.TlsPolicy.Warning);
        Assert.Equal(TimeSpan.FromHours(36), monitor.TlsPolicy.Critical);
        Assert.Equal(["cert", "ios-5.2", "android-4.1"], monitor.TlsPolicy.PinSets.Select(s => s.Name));
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero), monitor.TlsPolicy.PinSets[2].Expires);
        Assert.Equal(2, config.PinSets.Count);
    }

    [Fact]
    public void Parse_HttpMonitorWithoutCertificateKeys_UsesTheDefaultPolicy()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: api
                url: https://api.example.com/health
                operation: data-fetch
            """);

        Assert.Same(TlsPolicy.Default, config.Monitors[0].TlsPolicy);
        Assert.Equal(TimeSpan.FromDays(21), TlsPolicy.Default.Warning);
        Assert.Equal(TimeSpan.FromDays(7), TlsPolicy.Default.Critical);
    }

    [Fact]
    public void Load_PinsFileBesideTheConfig_ImportsItsSets()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "nsc.xml"), $"""
            <network-security-config>
              <domain-config>
                <domain>api.example.com</domain>
                <pin-set><pin digest="SHA-256">{A}</pin><pin digest="SHA-256">{B}</pin></pin-set>
              </domain-config>
            </network-security-config>
            """);
        var path = Path.Combine(folder.Path, "uplink.yaml");
        File.WriteAllText(path, Tls + "\n    pins-file: nsc.xml\n");

        var result = ConfigLoader.Load(path, ConfigTestEnvironment.Lookup);

        Assert.Empty(result.Errors);
        Assert.Equal("android api.example.com", result.Config!.Monitors[0].TlsPolicy.PinSets.Single().Name);
    }

    [Theory]
    [InlineData("21d", 21 * 24)]
    [InlineData("1.5d", 36)]
    [InlineData("2h", 2)]
    public void Durations_TryParse_ReadsDays(string text, double hours)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromHours(hours), duration);
    }

    [Fact]
    public void Durations_Format_WritesDaysFromOneDayUp() =>
        Assert.Equal("21 d", Durations.Format(TimeSpan.FromDays(21)));
}
