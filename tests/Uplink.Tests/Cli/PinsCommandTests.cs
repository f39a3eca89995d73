using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;
using Uplink.Tls;

namespace Uplink.Cli;

/// <summary><c>uplink pins</c> on an app's file and on a live server on loopback.</summary>
public sealed class PinsCommandTests : IDisposable
{
    private const string A = "7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=";
    private const string B = "fwza0LRMXouZHRC8Ei+4PyuldPDcf3UKgO/04cDM1oE=";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("uplink-pins-");

    [Fact]
    public async Task Pins_AndroidFile_PrintsEachSetWithDomainsExpirationAndPins()
    {
        var path = Write("nsc.xml", $"""
            <network-security-config>
              <domain-config>
                <domain includeSubdomains="true">api.example.com</domain>
                <pin-set expiration="2027-06-30">
                  <pin digest="SHA-256">{A}</pin>
                  <pin digest="SHA-256">{B}</pin>
                </pin-set>
              </domain-config>
            </network-security-config>
            """);

        var (code, output, _) = await RunAsync("pins", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"{path}: Android network security config, 1 pin set(s)", output);
        Assert.Contains("android api.example.com (domains: api.example.com and subdomains; expires 2027-06-30)",
            output);
        Assert.Contains($"  sha256/{A}", output);
        Assert.Contains($"  sha256/{B}", output);
    }

    [Fact]
    public async Task Pins_MalformedFile_PrintsThePlaceAndExitsTwo()
    {
        var path = Write("nsc.xml", """
            <network-security-config>
              <domain-config>
                <domain>api.example.com</domain>
                <pin-set><pin digest="SHA-256">short</pin></pin-set>
              </domain-config>
            </network-security-config>
            """);

        var (code, _, error) = await RunAsync("pins", path);

        Assert.Equal(ExitCodes.BadConfig, code);
        Assert.Contains("network-security-config/domain-config[0]/pin-set/pin[0] (line 4): 'short' is not base64",
            error);
    }

    [Fact]
    public async Task Pins_Host_PrintsBothChainsWithEachPin()
    {
        using var pki = TestPki.Create();
        using var key = TestPki.NewKey();
        using var leaf = pki.Leaf(key);
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("ok"), leaf, pki.Chain);
        var bundle = pki.WriteRootPem(_folder.FullName);

        var (code, output, error) = await RunAsync(
            "pins", "--host", $"127.0.0.1:{server.Port}", "--sni", "localhost", "--ca-bundle", bundle);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("127.0.0.1 as localhost: TLS 1.", output);
        Assert.Contains("trusted; host name matches", output);
        Assert.Contains("served chain:", output);
        Assert.Contains("validated chain:", output);
        Assert.Contains("  1 CN=Uplink Test Intermediate", output);
        Assert.Contains("  2 CN=Uplink Test Root", output);
        Assert.Contains($"    pin     sha256/{SpkiPin.Of(leaf)}", output);
        Assert.Contains($"    pin     sha256/{SpkiPin.Of(pki.Intermediate)}", output);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UplinkCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
