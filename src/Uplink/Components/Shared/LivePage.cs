using Microsoft.AspNetCore.Components;
using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Web.Dashboard;

namespace Uplink.Components.Shared;

/// <summary>
/// A page that redraws itself as results arrive, once it is live in the browser: soon after a
/// result it wants, and every <see cref="TickPeriod"/> in any case, so that times such as
/// "12 s ago" keep moving.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private RefreshTicker? _ticker;

    [Inject]
    protected MonitorCatalog Catalog { get; set; } = default!;

    [Inject]
    protected LatestResults Latest { get; set; } = default!;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <value>5 seconds unless a page says otherwise.</value>
    protected virtual TimeSpan TickPeriod => TimeSpan.FromSeconds(5);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads what the page shows from the catalog, the latest results and the clock.</summary>
    protected abstract void Load();

    /// <summary>Whether a new result concerns this page; every result does unless a page narrows it.</summary>
    protected virtual bool Wants(CheckResult result) => true;

    protected override void OnInitialized()
    {
        Load();
        if (RendererInfo.IsInteractive)
        {
            var logger = LoggerFactory.CreateLogger(GetType());
            _ticker = new RefreshTicker(Latest, Clock, TickPeriod, Wants, RefreshAsync, logger);
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ticker?.Dispose();
        }
    }

    private Task RefreshAsync() => InvokeAsync(() =>
    {
        Load();
        StateHasChanged();
    });
}
