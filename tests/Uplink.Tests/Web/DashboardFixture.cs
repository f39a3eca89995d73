using System.Net;
using Uplink.Configuration;
using Uplink.TestSupport;

namespace Uplink.Web;

/// <summary>
/// A server with monitors of every health, checked every few seconds through scripted answers and
/// with an hour of history, plus a headless Chromium to look at it.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly TimeSpan Often = TimeSpan.FromSeconds(2);

    public UplinkTestServer Server { get; private set; } = default!;

    public HeadlessChromium Chromium { get; private set; } = default!;

    public static IReadOnlyList<MonitorDefinition> Monitors { get; } =
    [
        TestMonitors.Http("catalog", Url("catalog"), Operations.DataFetch, "storefront", Often),
        TestMonitors.Http("search", Url("search"), Operations.Search, "storefront", Often),
        TestMonitors.Http("orders", Url("orders"), Operations.DataFetch, "storefront", Often),
        TestMonitors.Http("inventory", Url("inventory"), Operations.DataFetch, "storefront", Often),
        TestMonitors.Flow(
            "sign-in",
            [
                TestMonitors.Step("refresh-token", Url("token"), Operations.AuthRefresh),
                TestMonitors.Step("profile", Url("me"), Operations.DataFetch),
            ],
            "account",
            Often),
        TestMonitors.Http("session-renew", Url("renew"), Operations.AuthRefresh, "account", TimeSpan.FromSeconds(5)),
        TestMonitors.Http("photo-upload", Url("upload"), Operations.FileUpload, "media", Often),
        TestMonitors.Http("push-receipts", Url("receipts"), Operations.DataFetch, "media", TimeSpan.FromHours(1)),
    ];

    public static string Url(string path) => "https://api.example.test/" + path;

    public async Task InitializeAsync()
    {
        var probe = new ScriptedHttpProbe()
            .Answer(Url("catalog"), HttpStatusCode.OK, Ms(120))
            .Answer(Url("search"), HttpStatusCode.OK, Ms(1200))
            .Answer(Url("orders"), HttpStatusCode.OK, Ms(90))
            .Answer(Url("inventory"), HttpStatusCode.OK, Ms(140))
            .Answer(Url("token"), HttpStatusCode.OK, Ms(150))
            .Answer(Url("me"), HttpStatusCode.OK, Ms(210))
            .Answer(Url("renew"), HttpStatusCode.OK, Ms(2100))
            .Answer(Url("upload"), HttpStatusCode.ServiceUnavailable, Ms(300));
        Server = await UplinkTestServer.StartAsync(new UplinkConfig { Monitors = Monitors }, probe);
        await SeedHistoryAsync();
        Chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>An hour of earlier results, wavering around each monitor's usual duration.</summary>
    private async Task SeedHistoryAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var monitor in Monitors.Where(m => m.Name != "push-receipts"))
        {
            var usual = monitor.Steps[0].Thresholds.Target.TotalMilliseconds * 0.6;
            var results = await TestResults.SeriesAsync(
                monitor,
                now.AddMinutes(-60),
                TimeSpan.FromMinutes(2),
                29,
                i => Ms((int)(usual * (1 + (0.35 * Math.Sin(i / 2.0))) + (i % 7 == 3 ? usual * 1.4 : 0))));
            await Server.Store.SaveAsync(results, CancellationToken.None);
        }
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
