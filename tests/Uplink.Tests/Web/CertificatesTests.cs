using System.Net.Http.Json;
using Microsoft.Playwright;
using Uplink.Web.Api;
using static Microsoft.Playwright.Assertions;

namespace Uplink.Web;

/// <summary>The certificates view and <c>GET /api/certificates</c>, fed by real handshakes on loopback.</summary>
public sealed class CertificatesTests(CertificatesFixture fixture) : IClassFixture<CertificatesFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task CertificatesPage_EachHost_ShowsItsVerdictCountdownChainAndPinSets()
    {
        var page = await fixture.Chromium.NewPageAsync(fixture.Server.BaseAddress);
        await page.GotoAsync("/certificates");
        await page.Locator("[data-live='true']").WaitForAsync();

        var plain = page.Locator("tr[data-host='localhost'][data-monitor='plain']");
        var pinned = page.Locator("tr[data-host='localhost'][data-monitor='pinned']");
        await Expect(plain).ToHaveAttributeAsync("data-verdict", "up", Soon);
        await Expect(pinned).ToHaveAttributeAsync("data-verdict", "critical", Soon);
        await Expect(plain).ToContainTextAsync("in 59 days");
        await Expect(plain).ToContainTextAsync("CN=Uplink Test Intermediate");
        await Expect(plain).ToContainTextAsync("sha256/" + fixture.ServedPin);
        await Expect(pinned.Locator("[data-pin-set='ios-5.2']")).ToHaveAttributeAsync("data-matches", "false");
        await Expect(pinned.Locator("[data-finding='critical']"))
            .ToContainTextAsync("ios-5.2 matches the served chain");
        var gone = page.Locator("tr[data-host='127.0.0.1'][data-monitor='gone']");
        await Expect(gone).ToHaveAttributeAsync("data-verdict", "down", Soon);
        await Expect(gone).ToContainTextAsync("connection refused");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-certificates.png", FullPage = true });
    }

    [Fact]
    public async Task GetCertificates_ListsEveryHostWithChainsAndPinSets()
    {
        await fixture.Server.WaitForResultAsync("pinned");
        await fixture.Server.WaitForResultAsync("plain");

        var hosts = await fixture.Server.Client.GetFromJsonAsync<List<CertificateHostResponse>>("api/certificates");

        Assert.NotNull(hosts);
        var pinned = Assert.Single(hosts, h => h.Monitor == "pinned");
        Assert.Equal("critical", pinned.Verdict);
        Assert.Equal(["CN=localhost", "CN=Uplink Test Intermediate"], pinned.Served.Select(c => c.Subject));
        Assert.Equal(3, pinned.Validated.Count);
        Assert.Equal("sha256/" + fixture.ServedPin, pinned.Served[0].Pin);
        Assert.False(Assert.Single(pinned.PinSets).Matches);
        Assert.Equal("up", Assert.Single(hosts, h => h.Monitor == "plain").Verdict);
        await fixture.Server.WaitForResultAsync("gone");
        hosts = await fixture.Server.Client.GetFromJsonAsync<List<CertificateHostResponse>>("api/certificates");
        var gone = Assert.Single(hosts!, h => h.Monitor == "gone");
        Assert.Equal("down", gone.Verdict);
        Assert.Contains("connection refused", Assert.Single(gone.Findings).Text, StringComparison.Ordinal);
    }
}
