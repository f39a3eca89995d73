using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Uplink.Web;

/// <summary>The phase table of a monitor's page, looked at in Chromium.</summary>
public sealed class PhaseTableBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task MonitorPage_Http_ShowsNegotiatedVersionAndCdnCacheBesideTheStep()
    {
        var page = await fixture.Chromium.NewPageAsync(fixture.Server.BaseAddress);
        await page.GotoAsync("/monitors/catalog");
        await page.Locator("[data-live='true']").WaitForAsync();

        var transport = page.Locator("table.phases [data-transport], .phases [data-transport]").First;
        await Expect(transport).ToHaveTextAsync("HTTP/2 · cache CF-Cache-Status: HIT",
            new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });
    }
}
