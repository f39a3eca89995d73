using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Uplink.Web;

public sealed class DashboardBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task Dashboard_EveryMonitor_ListedUnderItsGroupWithItsHealthWord()
    {
        var page = await OpenAsync("/");

        (string Monitor, string Health)[] expected =
        [
            ("catalog", "up"),
            ("search", "degraded"),
            ("session-renew", "critical"),
            ("photo-upload", "down"),
            ("sign-in", "up"),
            ("push-receipts", "pending"),
        ];
        foreach (var (monitor, health) in expected)
        {
            var row = page.Locator($"tr[data-monitor='{monitor}']");
            await Expect(row.Locator("[data-health]")).ToHaveAttributeAsync("data-health", health, Soon);
            await Expect(row.Locator("[data-health]")).ToHaveTextAsync(health);
        }

        await Expect(page.Locator("[data-group='account'] tr[data-monitor='sign-in']")).ToBeVisibleAsync();
        var uploadError = page.Locator("tr[data-monitor='photo-upload'] td.error");
        await Expect(uploadError).ToContainTextAsync("status (503) == 200");
        await Expect(page.Locator("tr[data-monitor='sign-in']")).ToContainTextAsync("refresh-token");
        await Expect(page.Locator("tr[data-monitor='sign-in']")).ToContainTextAsync("auth-refresh: target 200 ms");
        await Expect(page.Locator("[data-summary='down'] [data-health]")).ToHaveTextAsync("down");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-dashboard.png", FullPage = true });
    }

    [Fact]
    public async Task Dashboard_NewResult_ChangesTheShownHealthWithoutReload()
    {
        var page = await OpenAsync("/");
        var health = page.Locator("tr[data-monitor='orders'] [data-health]");
        await Expect(health).ToHaveAttributeAsync("data-health", "up", Soon);
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        fixture.Server.Probe.Answer(DashboardFixture.Url("orders"), HttpStatusCode.InternalServerError, Ms(80));

        await Expect(health).ToHaveAttributeAsync("data-health", "down", Soon);
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task MonitorPage_Http_DrawsLatencyChartWithThresholdLinesAndPhases()
    {
        var page = await OpenAsync("/");
        await page.Locator("tr[data-monitor='catalog'] a").ClickAsync();
        await page.WaitForURLAsync("**/monitors/catalog");

        var chart = page.Locator("[data-chart='latency']");
        await Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        await Expect(chart).ToContainTextAsync("target 300 ms");
        await Expect(chart).ToContainTextAsync("warning 800 ms");
        await Expect(chart).ToContainTextAsync("critical 3 s");
        Assert.True(await chart.Locator("svg path").CountAsync() >= 4, "a duration line and three threshold lines");
        await Expect(page.Locator("table.phases, .phases table").First).ToContainTextAsync("status (200) == 200");
        await Expect(page.Locator(".results tbody tr, table.results tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-monitor.png", FullPage = true });
    }

    [Fact]
    public async Task MonitorPage_Flow_DrawsEveryStepAndTheChosenStepsThresholds()
    {
        var page = await OpenAsync("/monitors/sign-in");

        var chart = page.Locator("[data-chart='latency']");
        await Expect(chart).ToContainTextAsync("refresh-token");
        await Expect(chart).ToContainTextAsync("target 200 ms");
        await page.GetByRole(AriaRole.Button, new() { Name = "profile (data-fetch)" }).ClickAsync();
        await Expect(chart).ToContainTextAsync("target 300 ms");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-flow.png", FullPage = true });
    }

    [Fact]
    public async Task MonitorPage_NewResult_ChangesTheShownHealthWithoutReload()
    {
        var page = await OpenAsync("/monitors/inventory");
        var health = page.Locator(".page-header [data-health]");
        await Expect(health).ToHaveAttributeAsync("data-health", "up", Soon);

        fixture.Server.Probe.Answer(DashboardFixture.Url("inventory"), HttpStatusCode.OK, Ms(950));

        await Expect(health).ToHaveAttributeAsync("data-health", "degraded", Soon);
    }

    /// <summary>Opens a page and waits until it is connected and drawing itself.</summary>
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await fixture.Chromium.NewPageAsync(fixture.Server.BaseAddress);
        await page.GotoAsync(path);
        await page.Locator("[data-live='true']").WaitForAsync();
        return page;
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
