using System.Net;
using Uplink.Configuration;
using Uplink.TestSupport;

namespace Uplink.Web;

/// <summary>
/// One server for the API tests. Monitors are checked hourly, so only the first one (started at
/// once) has a result unless a test stores some.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    public const string Catalog = "catalog";
    public const string SignIn = "sign-in";
    public const string Search = "search";
    public const string Recent = "recent";

    public UplinkTestServer Server { get; private set; } = default!;

    public static MonitorDefinition CatalogMonitor { get; } =
        TestMonitors.Http(Catalog, "https://api.example.test/catalog", Operations.DataFetch, group: "core");

    public static MonitorDefinition SignInMonitor { get; } = TestMonitors.Flow(
        SignIn,
        [
            TestMonitors.Step("refresh-token", "https://api.example.test/token", Operations.AuthRefresh),
            TestMonitors.Step("profile", "https://api.example.test/me", Operations.DataFetch),
        ],
        group: "auth");

    public static MonitorDefinition SearchMonitor { get; } =
        TestMonitors.Http(Search, "https://api.example.test/search", Operations.Search, group: "core");

    public static MonitorDefinition RecentMonitor { get; } =
        TestMonitors.Http(Recent, "https://api.example.test/recent", Operations.DataFetch, group: "core");

    public async Task InitializeAsync()
    {
        var probe = new ScriptedHttpProbe()
            .Answer("https://api.example.test/catalog", HttpStatusCode.OK, TimeSpan.FromMilliseconds(900));
        Server = await UplinkTestServer.StartAsync(
            TestMonitors.Config(CatalogMonitor, SignInMonitor, SearchMonitor, RecentMonitor),
            probe);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
