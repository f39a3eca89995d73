using System.Net;
using Microsoft.Playwright;
using Uplink.Configuration;
using Uplink.Probes;
using Uplink.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Uplink.Web;

/// <summary>
/// Sizes, projections and variants in the dashboard, looked at in headless Chromium: a monitor
/// asked for as two app versions, whose old version gets a large, deprecated response.
/// </summary>
public sealed class MobileDashboardTests : IAsyncLifetime
{
    private const string Url = "https://api.example.test/v2/products";
    private static readonly LocatorAssertionsToHaveAttributeOptions Soon = new() { Timeout = 20_000 };

    private UplinkTestServer _server = null!;
    private HeadlessChromium _chromium = null!;

    public async Task InitializeAsync()
    {
        var config = ConfigLoader.Parse("""
            monitors:
              - name: products
                url: https://api.example.test/{version}/products
                operation: data-fetch
                interval: 2s
                versions: [v2]
                client-versions: ["5.1", "6.0"]
                client-version-header: X-App-Version
                size-budget: 1MB
                profiles: [3g, edge]
            """, "test.yaml", _ => null);
        Assert.True(config.Config is not null, string.Join("\n", config.Errors));

        var probe = new ScriptedHttpProbe().AnswerWith(Url, Answer);
        _server = await UplinkTestServer.StartAsync(config.Config, probe);
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task VariantsPage_ShowsEachAppVersionSideBySideWithSizeAndSunset()
    {
        await _server.WaitForResultAsync("products[v2, 5.1]");
        await _server.WaitForResultAsync("products[v2, 6.0]");
        var page = await _chromium.NewPageAsync(_server.BaseAddress);
        await page.GotoAsync("/variants");

        var old = page.Locator("[data-variants-of='products'] tr[data-variant='products[v2, 5.1]']");
        var current = page.Locator("[data-variants-of='products'] tr[data-variant='products[v2, 6.0]']");
        await Expect(old.Locator("[data-health]")).ToHaveAttributeAsync("data-health", "degraded", Soon);
        await Expect(current.Locator("[data-health]")).ToHaveAttributeAsync("data-health", "up", Soon);
        await Expect(old.Locator("[data-size]")).ToHaveTextAsync("1.2 MB");
        await Expect(current.Locator("[data-size]")).ToHaveTextAsync("80.3 KB");
        await Expect(old.Locator("[data-lifecycle]")).ToHaveTextAsync("2026-01-01 · 2027-06-30");
        await Expect(old.Locator("[data-p95]")).Not.ToHaveTextAsync("—");
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-variants.png", FullPage = true });
    }

    [Fact]
    public async Task MonitorPage_ShowsSizesProjectionsAndTheSizeChart()
    {
        await _server.WaitForResultAsync("products[v2, 5.1]");
        var page = await _chromium.NewPageAsync(_server.BaseAddress);
        await page.GotoAsync("/monitors/" + Uri.EscapeDataString("products[v2, 5.1]"));

        var step = page.Locator("tr[data-transfer-step='products']");
        await Expect(step).ToHaveAttributeAsync("data-wire-bytes", (1200 * 1024 + 300).ToString(), Soon);
        await Expect(step).ToContainTextAsync("4.7 MB");
        await Expect(step).ToContainTextAsync("gzip");
        await Expect(step.Locator("[data-projection='3g']")).ToHaveAttributeAsync("data-over", "false");
        await Expect(step.Locator("[data-projection='edge']")).ToHaveAttributeAsync("data-over", "true");
        await Expect(step.Locator("[data-transfer-finding='degraded']").First)
            .ToContainTextAsync("over the size budget of 1 MB");
        await Expect(page.Locator("[data-chart='size'] svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/uplink-sizes.png", FullPage = true });
    }

    private static HttpExchange Answer(HttpRequestPlan plan)
    {
        var old = plan.Headers.Any(h => h is { Key: "X-App-Version", Value: "5.1" });
        var wire = (old ? 1200 * 1024 : 80 * 1024) + 300;
        var exchange = Exchanges.Response(plan, HttpStatusCode.OK, TimeSpan.FromMilliseconds(old ? 240 : 120), "{}");
        var headers = new Dictionary<string, string>(exchange.Headers, StringComparer.OrdinalIgnoreCase);
        if (old)
        {
            headers["Deprecation"] = "@1767225600";
            headers["Sunset"] = "Wed, 30 Jun 2027 23:59:59 GMT";
        }

        return exchange with
        {
            Headers = headers,
            Transfer = new TransferFacts
            {
                WireBytes = wire,
                HeaderBytes = 300,
                DecodedBytes = wire * 4,
                ContentEncoding = "gzip",
                BytesSent = 200,
                Connections = 1,
                Handshakes = 1,
                Requests = 1,
            },
        };
    }
}
