namespace Uplink.Tls.PinFiles;

/// <summary>Pins read from the files apps keep them in, and errors that name the place.</summary>
public sealed class PinFileTests
{
    private const string A = "7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=";
    private const string B = "fwza0LRMXouZHRC8Ei+4PyuldPDcf3UKgO/04cDM1oE=";

    [Fact]
    public void Parse_AndroidNetworkSecurityConfig_ReadsPinsDomainsAndExpiration()
    {
        const string Xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <network-security-config>
              <domain-config>
                <domain includeSubdomains="true">api.example.com</domain>
                <pin-set expiration="2027-06-30">
                  <pin digest="SHA-256">{A}</pin>
                  <pin digest="SHA-256">{B}</pin>
                </pin-set>
                <domain-config>
                  <domain>cdn.example.com</domain>
                </domain-config>
              </domain-config>
            </network-security-config>
            """;

        var result = PinFile.Parse(Xml, "network_security_config.xml");

        Assert.Empty(result.Errors);
        Assert.Equal(PinFileFormat.Android, result.Format);
        var set = result.Sets[0];
        Assert.Equal("android api.example.com", set.Name);
        Assert.Equal([A, B], set.Pins.Select(p => p.Sha256));
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero), set.Expires);
        Assert.True(set.AppliesTo("v2.api.example.com"));
        Assert.Equal("android cdn.example.com", result.Sets[1].Name);
        Assert.Equal(set.Pins, result.Sets[1].Pins);
    }

    [Fact]
    public void Parse_AndroidBadDigestAndPin_NamesElementPathAndLine()
    {
        const string Xml = """
            <network-security-config>
              <domain-config>
                <domain>api.example.com</domain>
                <pin-set expiration="30/06/2027">
                  <pin digest="SHA-1">AAAA</pin>
                  <pin digest="SHA-256">short</pin>
                </pin-set>
              </domain-config>
            </network-security-config>
            """;

        var errors = PinFile.Parse(Xml, "nsc.xml").Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "network-security-config/domain-config[0]/pin-set@expiration (line 4): '30/06/2027' is not a date; "
                    + "write it as YYYY-MM-DD, e.g. 2027-06-30",
                "network-security-config/domain-config[0]/pin-set/pin[0] (line 5): digest 'SHA-1' is not supported; "
                    + "Android pins use digest=\"SHA-256\"",
                "network-security-config/domain-config[0]/pin-set/pin[1] (line 6): 'short' is not base64; "
                    + "a pin is sha256/ and the base64 SHA-256 of a public key",
            ],
            errors);
    }

    [Fact]
    public void Parse_MalformedXml_GivesTheLine()
    {
        var error = Assert.Single(PinFile.Parse("<network-security-config>\n<domain-config>\n</oops>", "x").Errors);

        Assert.Equal("(xml)", error.Place);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_IosInfoPlist_ReadsLeafAndCaIdentities()
    {
        var result = PinFile.Parse(IosPlist(A, B), "Info.plist");

        Assert.Empty(result.Errors);
        var set = Assert.Single(result.Sets);
        Assert.Equal("ios api.example.com", set.Name);
        Assert.Equal([new Pin(A, PinScope.Leaf), new Pin(B, PinScope.Authority)], set.Pins);
        Assert.True(set.IncludeSubdomains);
        Assert.Null(set.Expires);
    }

    [Fact]
    public void Parse_IosInfoPlistWithBadIdentity_NamesKeyPathAndLine()
    {
        var error = Assert.Single(PinFile.Parse(IosPlist("nope", B), "Info.plist").Errors);

        Assert.Equal(
            "plist/dict/NSAppTransportSecurity/NSPinnedDomains/api.example.com/NSPinnedLeafIdentities[0]"
                + "/SPKI-SHA256-BASE64 (line 14): 'nope' holds 3 bytes; a SHA-256 pin holds 32 "
                + "(44 base64 characters)",
            error.ToString());
    }

    [Fact]
    public void Parse_TrustKitPlist_ReadsHashesAndExpiration()
    {
        var plist = $"""
            <plist version="1.0">
            <dict>
              <key>TSKConfiguration</key>
              <dict>
                <key>TSKPinnedDomains</key>
                <dict>
                  <key>api.example.com</key>
                  <dict>
                    <key>TSKPublicKeyHashes</key>
                    <array><string>{A}</string><string>{B}</string></array>
                    <key>TSKExpirationDate</key>
                    <string>2027-01-31</string>
                  </dict>
                </dict>
              </dict>
            </dict>
            </plist>
            """;

        var set = Assert.Single(PinFile.Parse(plist, "Info.plist").Sets);

        Assert.Equal("trustkit api.example.com", set.Name);
        Assert.Equal([A, B], set.Pins.Select(p => p.Sha256));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), set.Expires);
    }

    [Fact]
    public void Parse_TrustKitJsonWithCodeConstantSpellings_ReadsHashesAndExpiration()
    {
        var json = $$"""
            { "TSKConfiguration": { "TSKPinnedDomains": { "api.example.com": {
                "kTSKPublicKeyHashes": ["{{A}}", "{{B}}"],
                "kTSKExpirationDate": "2027-01-31",
                "kTSKIncludeSubdomains": true } } } }
            """;

        var result = PinFile.Parse(json, "trustkit.json");

        Assert.Empty(result.Errors);
        var set = Assert.Single(result.Sets);
        Assert.Equal(PinFileFormat.TrustKitJson, result.Format);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), set.Expires);
        Assert.True(set.IncludeSubdomains);
    }

    [Fact]
    public void Parse_TrustKitJsonWithBadHash_NamesTheJsonPath()
    {
        var json = $$"""{ "TSKPinnedDomains": { "api.example.com": { "kTSKPublicKeyHashes": ["{{A}}", 7] } } }""";

        var error = Assert.Single(PinFile.Parse(json, "trustkit.json").Errors);

        Assert.Equal("$.TSKPinnedDomains['api.example.com'].TSKPublicKeyHashes[1]", error.Place);
    }

    [Fact]
    public void Parse_BrokenJson_GivesTheLine()
    {
        var error = Assert.Single(PinFile.Parse("{\n \"TSKPinnedDomains\": {\n  \"a\": [,]\n }\n}", "x.json").Errors);

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_OtherXml_SaysWhatIsExpected()
    {
        var error = Assert.Single(PinFile.Parse("<html/>", "x").Errors);

        Assert.StartsWith("html: not a pin file", error.ToString());
    }

    private static string IosPlist(string leaf, string authority) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <plist version="1.0">
        <dict>
          <key>NSAppTransportSecurity</key>
          <dict>
            <key>NSPinnedDomains</key>
            <dict>
              <key>api.example.com</key>
              <dict>
                <key>NSIncludesSubdomains</key>
                <true/>
                <key>NSPinnedLeafIdentities</key>
                <array>
                  <dict><key>SPKI-SHA256-BASE64</key><string>{leaf}</string></dict>
                </array>
                <key>NSPinnedCAIdentities</key>
                <array>
                  <dict><key>SPKI-SHA256-BASE64</key><string>{authority}</string></dict>
                </array>
              </dict>
            </dict>
          </dict>
        </dict>
        </plist>
        """;
}
