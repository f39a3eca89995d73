using Microsoft.Playwright;
using Uplink.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Uplink.Web.Heartbeats;

public sealed class HeartbeatDashboardTests : IAsyncLifetime
{
    private const string Token = HeartbeatServerFixture.Token;
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 20_000 };

    private UplinkTestServer _server = default!;
    private HeadlessChromium _chromium = default!;

    public async Task InitializeAsync()
    {
        _server = await UplinkTestServer.StartAsync(HeartbeatServerFixture.Config(), new ScriptedHttpProbe());
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task HeartbeatsPage_EveryHeartbeat_ShowsItsStateAndChangesWithoutReload()
    {
        await PingAsync($"ping/{Token}/start?rid=run-1");
        await PingAsync($"ping/{Token}/0?rid=run-1");
        var page = await OpenAsync("/heartbeats");

        await Expect(State(page, "nightly-sync")).ToHaveAttributeAsync("data-state", "up", Soon);
        await Expect(State(page, "photo-export")).ToHaveAttributeAsync("data-state", "new", Soon);
        await Expect(State(page, "paused-job")).ToHaveAttributeAsync("data-state", "paused", Soon);
        await Expect(page.Locator("tr[data-heartbeat='photo-export']")).ToContainTextAsync("0 3 * * * (Europe/Berlin)");

        await PingAsync($"ping/{HeartbeatServerFixture.Key}/photo-export/fail");

        await Expect(State(page, "photo-export")).ToHaveAttributeAsync("data-state", "down", Soon);
        await Expect(page.Locator("tr[data-heartbeat='photo-export']")).ToContainTextAsync("the job reported failure");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-heartbeats.png", FullPage = true });
    }

    [Fact]
    public async Task HeartbeatPage_PingLogAndRunTimes_Shown()
    {
        await PingAsync($"ping/{Token}/start?rid=run-2");
        await PingAsync($"ping/{Token}?rid=run-2", "rows synced: 42");

        var page = await OpenAsync("/heartbeats/nightly-sync");

        await Expect(page.Locator(".page-header [data-state]")).ToHaveAttributeAsync("data-state", "up", Soon);
        await Expect(page.Locator("[data-chart='runs'] .run").First).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-ping='success']").First).ToContainTextAsync("rows synced: 42");
        await Expect(page.Locator("tr[data-ping='start']").First).ToContainTextAsync("run-2");
        await Expect(page.Locator("[data-deadline]")).ToContainTextAsync("late at");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-heartbeat.png", FullPage = true });
    }

    [Fact]
    public async Task Dashboard_HeartbeatDown_ShownAsTheMonitorsHealth()
    {
        await PingAsync($"ping/{Token}/fail");

        var page = await OpenAsync("/");

        var health = page.Locator("tr[data-monitor='nightly-sync'] [data-health]");
        await Expect(health).ToHaveAttributeAsync("data-health", "down", Soon);
        await Expect(page.Locator("tr[data-monitor='nightly-sync']")).ToContainTextAsync("heartbeat");
    }

    private static ILocator State(IPage page, string heartbeat) =>
        page.Locator($"tr[data-heartbeat='{heartbeat}'] [data-state]");

    private async Task PingAsync(string path, string? body = null)
    {
        using var content = new StringContent(body ?? "");
        using var response = await _server.Client.PostAsync(path, content);
        response.EnsureSuccessStatusCode();
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _chromium.NewPageAsync(_server.BaseAddress);
        await page.GotoAsync(path);
        await page.Locator("[data-live='true']").WaitForAsync();
        return page;
    }
}
