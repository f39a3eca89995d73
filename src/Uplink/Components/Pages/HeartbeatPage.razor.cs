using System.Globalization;
using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Heartbeats;
using Uplink.Hosting;
using Uplink.Storage;
using Uplink.Web.Api;
using Uplink.Web.Dashboard;
using Uplink.Web.Heartbeats;

namespace Uplink.Components.Pages;

/// <summary>One heartbeat: its state and deadlines, the run times of its recent runs, and its ping log.</summary>
public sealed partial class HeartbeatPage : IDisposable
{
    private const int LoggedPings = 100;
    private const int ExcerptLength = 2000;

    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(2);

    private HeartbeatResponse? _heartbeat;
    private List<PingResponse> _pings = [];
    private List<PingResponse> _runs = [];
    private RefreshTicker? _ticker;

    [Parameter]
    public string Name { get; set; } = "";

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private HeartbeatTracker Tracker { get; set; } = default!;

    [Inject]
    private PingDirectory Directory { get; set; } = default!;

    [Inject]
    private SqliteHeartbeatStore Store { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<HeartbeatPage> Logger { get; set; } = default!;

    public void Dispose() => _ticker?.Dispose();

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive && _ticker is null)
        {
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, r => r.Monitor == Name, RefreshAsync, Logger);
        }
    }

    private Task RefreshAsync() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    });

    private async Task LoadAsync()
    {
        var monitor = Catalog.Find(Name);
        if (monitor is not { Kind: MonitorKind.Heartbeat })
        {
            _heartbeat = null;
            return;
        }

        _heartbeat = HeartbeatApiEndpoints.Describe(monitor, Tracker, Directory);
        var pings = await Store.GetPingsAsync(Name, LoggedPings, CancellationToken.None);
        _pings = [.. pings.Select(p => p.ToResponse())];
        _runs = [.. _pings.Where(p => p.DurationMs is not null).Take(30).Reverse()];
    }

    private string BarWidth(PingResponse run)
    {
        var longest = _runs.Max(r => r.DurationMs ?? 0);
        var share = longest <= 0 ? 0 : (run.DurationMs ?? 0) / longest * 60;
        return Math.Max(share, 1).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static string Excerpt(string body) => body.Length <= ExcerptLength ? body : body[..ExcerptLength] + " …";
}
