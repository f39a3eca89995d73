using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Scheduling;
using Uplink.Storage;

namespace Uplink.Hosting;

/// <summary>
/// Brings the server's checking up in order: the store's schema first, then the newest stored
/// results into memory (so the dashboard shows history at once after a restart), then the scheduler.
/// </summary>
public sealed class SchedulerService(
    IResultStore store,
    LatestResults latest,
    MonitorCatalog catalog,
    CheckScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        foreach (var result in (await store.GetLatestAsync(cancellationToken)).Values)
        {
            latest.Offer(result);
        }

        scheduler.Start([.. catalog.Monitors.Where(m => m.Kind != MonitorKind.Heartbeat)]);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await scheduler.DisposeAsync();
}
