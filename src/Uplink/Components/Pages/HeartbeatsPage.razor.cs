using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Heartbeats;
using Uplink.Web.Api;
using Uplink.Web.Heartbeats;

namespace Uplink.Components.Pages;

/// <summary>Every heartbeat with its state, last ping and next deadline; redraws itself as states change.</summary>
public sealed partial class HeartbeatsPage
{
    private List<HeartbeatResponse> _heartbeats = [];

    protected override TimeSpan TickPeriod => TimeSpan.FromSeconds(2);

    [Inject]
    private HeartbeatTracker Tracker { get; set; } = default!;

    [Inject]
    private PingDirectory Directory { get; set; } = default!;

    protected override bool Wants(CheckResult result) => Catalog.Find(result.Monitor)?.Kind == MonitorKind.Heartbeat;

    protected override void Load() => _heartbeats =
    [
        .. Catalog.Monitors
            .Where(m => m.Kind == MonitorKind.Heartbeat)
            .Select(m => HeartbeatApiEndpoints.Describe(m, Tracker, Directory)),
    ];

    private static string Link(HeartbeatResponse heartbeat) => "heartbeats/" + Uri.EscapeDataString(heartbeat.Name);
}
