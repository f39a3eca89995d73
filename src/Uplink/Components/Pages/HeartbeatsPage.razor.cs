using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Heartbeats;
using Uplink.Hosting;
using Uplink.Web.Api;
using Uplink.Web.Dashboard;
using Uplink.Web.Heartbeats;

namespace Uplink.Components.Pages;

/// <summary>Every heartbeat with its state, last ping and next deadline; redraws itself as states change.</summary>
public sealed partial class HeartbeatsPage : IDisposable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(2);

    private List<HeartbeatResponse> _heartbeats = [];
    private RefreshTicker? _ticker;

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private HeartbeatTracker Tracker { get; set; } = default!;

    [Inject]
    private PingDirectory Directory { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<HeartbeatsPage> Logger { get; set; } = default!;

    public void Dispose() => _ticker?.Dispose();

    protected override void OnInitialized()
    {
        Load();
        if (RendererInfo.IsInteractive)
        {
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, IsHeartbeat, RefreshAsync, Logger);
        }
    }

    private bool IsHeartbeat(CheckResult result) => Catalog.Find(result.Monitor)?.Kind == MonitorKind.Heartbeat;

    private Task RefreshAsync() => InvokeAsync(() =>
    {
        Load();
        StateHasChanged();
    });

    private void Load() => _heartbeats =
    [
        .. Catalog.Monitors
            .Where(m => m.Kind == MonitorKind.Heartbeat)
            .Select(m => HeartbeatApiEndpoints.Describe(m, Tracker, Directory)),
    ];

    private static string Link(HeartbeatResponse heartbeat) => "heartbeats/" + Uri.EscapeDataString(heartbeat.Name);
}
