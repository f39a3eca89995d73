using System.Threading.Channels;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Heartbeats;
using Uplink.Storage;

namespace Uplink.Hosting;

/// <summary>
/// Brings heartbeats up: generates and stores the tokens the config leaves out, fills the ping
/// directory, reads each heartbeat's pings and last state back, and starts the tracker. Every state
/// change is then stored with its reason and published as the monitor's health, like any check.
/// </summary>
public sealed partial class HeartbeatService(
    SqliteHeartbeatStore store,
    HeartbeatTracker tracker,
    PingDirectory directory,
    MonitorCatalog catalog,
    IResultSink sink,
    HeartbeatOptions options,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    private readonly Channel<HeartbeatStateChange> _changes = Channel.CreateUnbounded<HeartbeatStateChange>(
        new UnboundedChannelOptions { SingleReader = true });

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var heartbeats = catalog.Monitors.Where(m => m.Kind == MonitorKind.Heartbeat).ToList();
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var monitor in heartbeats.Where(m => m.Heartbeat is { Token: null, Slug: null }))
        {
            var candidate = PingTokens.Generate();
            tokens[monitor.Name] = await store.GetOrCreateTokenAsync(monitor.Name, candidate, cancellationToken);
        }

        directory.Load(heartbeats, catalog.Config.HeartbeatKey, tokens);
        tracker.StateChanged += OnStateChanged;
        await tracker.LoadAsync(store, heartbeats, options.ReplayedPings, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        tracker.StateChanged -= OnStateChanged;
        _changes.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<HeartbeatStateChange>();
        while (await _changes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (_changes.Reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            try
            {
                await store.SaveStateChangesAsync(batch, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogStateWriteFailed(batch.Count, ex);
            }
        }
    }

    private void OnStateChanged(HeartbeatStateChange change)
    {
        _changes.Writer.TryWrite(change);
        if (change.Status.State.Health() is not { } health)
        {
            return;
        }

        sink.Publish(new CheckResult
        {
            Monitor = change.Monitor,
            Region = CheckRunner.LocalRegion,
            PlannedAt = change.Status.Since,
            StartedAt = change.RecordedAt,
            Duration = TimeSpan.Zero,
            Health = health,
            Steps = [],
            Error = health == Judging.Health.Up ? null : change.Status.Reason,
        });
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Error, Message = "Storing {Count} heartbeat state changes failed")]
    private partial void LogStateWriteFailed(int count, Exception exception);
}
