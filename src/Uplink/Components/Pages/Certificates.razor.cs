using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Tls;
using Uplink.Web.Api;
using Uplink.Web.Dashboard;

namespace Uplink.Components.Pages;

/// <summary>
/// Every host whose certificates a check recorded: its verdict, expiry countdown, served chain with
/// each pin, which pin sets match, and the warnings ahead. Redraws itself as results arrive.
/// </summary>
public sealed partial class Certificates : IDisposable
{
    private static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(5);

    private IReadOnlyList<CertificateHostResponse> _hosts = [];
    private RefreshTicker? _ticker;

    [Inject]
    private MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    private LatestResults Latest { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Certificates> Logger { get; set; } = default!;

    public void Dispose() => _ticker?.Dispose();

    protected override void OnInitialized()
    {
        Load();
        if (RendererInfo.IsInteractive)
        {
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, _ => true, RefreshAsync, Logger);
        }
    }

    private Task RefreshAsync() => InvokeAsync(() =>
    {
        Load();
        StateHasChanged();
    });

    private void Load() => _hosts = CertificateMapping.List(Catalog, Latest, Clock.GetUtcNow());

    private static string Day(DateTimeOffset instant) => TlsJudge.Day(instant);

    private static string Countdown(CertificateHostResponse host) => host switch
    {
        { ExpiresAt: null } => "—",
        { DaysLeft: < 0 } => $"expired {Day(host.ExpiresAt.Value)}",
        _ => $"in {host.DaysLeft} days ({Day(host.ExpiresAt.Value)})",
    };
}
