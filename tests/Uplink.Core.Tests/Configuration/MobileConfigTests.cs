using Uplink.Judging;
using Uplink.Mobile;
using Uplink.Probes;

namespace Uplink.Configuration;

public sealed class MobileConfigTests
{
    [Fact]
    public void Parse_MobileKeys_BindSizeBudgetProfilesAndTimeouts()
    {
        var config = ConfigTestEnvironment.ParseValid("""
            network-profiles:
              train:
                down: 400kbps
                up: 100kbps
                rtt: 600ms
                loss: 2%
            operations:
              data-fetch:
                size-budget: 200KB
            monitors:
              - name: products
                url: https://api.example.com/products
                operation: data-fetch
                accept-encoding: br
                size-budget: 1.5MB
                over-budget: critical
                profiles: [3g, train]
                app-timeout: 20s
                over-app-timeout: down
                emulate: edge
            """);

        var monitor = config.Monitors.Single();
        var mobile = monitor.Mobile;
        Assert.Equal("br", mobile.AcceptEncoding);
        Assert.Equal(1536 * 1024, mobile.SizeBudget);
        Assert.Equal(Health.Critical, mobile.OverBudget);
        Assert.Equal([NetworkProfiles.ThreeG, new NetworkProfile("train", 400_000, 100_000,
            TimeSpan.FromMilliseconds(600), 0.02)], mobile.Profiles);
        Assert.Equal(TimeSpan.FromSeconds(20), mobile.AppTimeout);
        Assert.Equal(Health.Down, mobile.OverAppTimeout);
        Assert.Equal(NetworkProfiles.Edge, mobile.Emulate);
        Assert.Equal(200 * 1024, monitor.Steps[0].SizeBudget);
    }

    [Fact]
    public void Parse_NoMobileKeys_UsesTheDefaults()
    {
        var monitor = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: products
                url: https://api.example.com/products
                operation: data-fetch
            """).Monitors.Single();

        Assert.Same(MobileOptions.None, monitor.Mobile);
        Assert.Equal(TimeSpan.FromSeconds(15), monitor.Mobile.AppTimeout);
        Assert.Null(monitor.Variant);
    }

    [Fact]
    public void Parse_VersionsAndClientVersions_ExpandIntoTheCartesianProduct()
    {
        var monitors = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: profile
                url: https://api.example.com/{version}/me
                operation: data-fetch
                headers:
                  User-Agent: ShopApp/{client-version}
                versions: [v2, v3]
                client-versions: ["5.1", "6.0"]
                client-version-header: X-App-Version
            """).Monitors;

        Assert.Equal(["profile[v2, 5.1]", "profile[v2, 6.0]", "profile[v3, 5.1]", "profile[v3, 6.0]"],
            monitors.Select(m => m.Name));
        var last = monitors[3];
        Assert.Equal(new MonitorVariant("profile", "v3", "6.0"), last.Variant);
        Assert.Equal("https://api.example.com/v3/me", last.Steps[0].Url.ToString());
        Assert.Equal(["User-Agent: ShopApp/6.0", "X-App-Version: 6.0"],
            last.Steps[0].Headers.Select(h => $"{h.Key}: {h.Value}"));
    }

    [Fact]
    public void Parse_OnlyVersions_NamesEachVariantByItsVersion()
    {
        var monitors = ConfigTestEnvironment.ParseValid("""
            monitors:
              - name: catalog
                url: https://api.example.com/{version}/catalog
                operation: data-fetch
                versions: [v1, v2]
            """).Monitors;

        Assert.Equal(["catalog[v1]", "catalog[v2]"], monitors.Select(m => m.Name));
        Assert.Null(monitors[0].Variant!.ClientVersion);
    }

    [Theory]
    [InlineData("emulate: 5g", "monitors[0].emulate", "unknown network profile '5g'")]
    [InlineData("size-budget: lots", "monitors[0].size-budget", "'lots' is not a size")]
    [InlineData("over-budget: maybe", "monitors[0].over-budget", "'maybe' is not an outcome")]
    [InlineData("client-version-header: X-App-Version", "monitors[0].client-version-header", "needs 'client-versions'")]
    [InlineData("client-versions: ['5.1']\n    client-version-header: 'Bad Header:'", "monitors[0].client-version-header",
        "'Bad Header:' is not a header name")]
    [InlineData("versions: [v2, v3]", "monitors[0].versions", "no url, header or body uses {version}")]
    [InlineData("client-versions: ['5.1']", "monitors[0].client-versions", "or name a client-version-header")]
    [InlineData("versions: ['v]1']", "monitors[0].versions[0]", "cannot name a variant")]
    [InlineData("client-versions: ['5.1', '5.1']\n    client-version-header: X-App-Version",
        "monitors[0].client-versions[1]", "'5.1' is listed twice")]
    public void Parse_BadMobileKey_IsAnErrorAtItsPath(string line, string path, string message)
    {
        var result = ConfigTestEnvironment.Parse($"""
            monitors:
              - name: products
                url: https://api.example.com/products
                operation: data-fetch
                {line}
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomProfileWithoutRtt_IsAnError()
    {
        var result = ConfigTestEnvironment.Parse("""
            network-profiles:
              train: { down: 1mbps, up: 1mbps }
            monitors:
              - name: products
                url: https://api.example.com/products
                operation: data-fetch
            """);

        Assert.Contains(result.Errors, e => e.Message.Contains("missing 'rtt'", StringComparison.Ordinal));
    }
}
