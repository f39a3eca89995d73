using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Uplink.Configuration;
using Uplink.Storage;

namespace Uplink.Heartbeats;

/// <summary>
/// Keeps each heartbeat's ping history and state, and moves the state at its exact deadlines with
/// one timer per heartbeat, all from the injected clock. At start the history is read back from the
/// stored pings, so a restart neither loses a deadline nor raises a false alarm.
/// </summary>
public sealed partial class HeartbeatTracker(TimeProvider timeProvider, ILogger<HeartbeatTracker> logger) : IDisposable
{
    private FrozenDictionary<string, Entry> _entries = FrozenDictionary<string, Entry>.Empty;

    /// <summary>Raised, under the heartbeat's lock, when a heartbeat moves to another state.</summary>
    public event Action<HeartbeatStateChange>? StateChanged;

    /// <summary>When this tracker started watching.</summary>
    public DateTimeOffset WatchingSince { get; private set; }

    /// <summary>Reads histories and last states back from the store, then starts watching.</summary>
    public async Task LoadAsync(
        SqliteHeartbeatStore store,
        IReadOnlyList<MonitorDefinition> heartbeats,
        int replayedPings,
        CancellationToken cancellationToken)
    {
        var histories = new Dictionary<string, PingHistory>(StringComparer.Ordinal);
        foreach (var heartbeat in heartbeats)
        {
            var pings = await store.GetPingsAsync(heartbeat.Name, replayedPings, cancellationToken);
            histories[heartbeat.Name] = pings.Reverse().Aggregate(PingHistory.Empty, (h, p) => h.Apply(p).History);
        }

        Start(heartbeats, histories, await store.GetLastStatesAsync(cancellationToken));
    }

    /// <summary>Starts watching; a stored state that still holds is not reported again.</summary>
    public void Start(
        IReadOnlyList<MonitorDefinition> heartbeats,
        IReadOnlyDictionary<string, PingHistory> histories,
        IReadOnlyDictionary<string, StoredHeartbeatState> stored)
    {
        WatchingSince = timeProvider.GetUtcNow();
        _entries = heartbeats.Where(m => m.Heartbeat is not null).ToFrozenDictionary(
            m => m.Name,
            m => new Entry(
                m,
                histories.GetValueOrDefault(m.Name, PingHistory.Empty),
                new HeartbeatWatch(WatchingSince, stored.GetValueOrDefault(m.Name)?.State == HeartbeatState.Down),
                stored.GetValueOrDefault(m.Name)?.State),
            StringComparer.Ordinal);

        foreach (var entry in _entries.Values)
        {
            entry.Timer = timeProvider.CreateTimer(e => Evaluate((Entry)e!), entry, Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }

        foreach (var entry in _entries.Values)
        {
            Evaluate(entry);
        }

        LogStarted(_entries.Count);
    }

    /// <summary>The ping history of a heartbeat; empty for an unknown name.</summary>
    public PingHistory History(string monitor) =>
        _entries.TryGetValue(monitor, out var entry) ? entry.History : PingHistory.Empty;

    /// <summary>Takes a heartbeat's history after its pings were committed, and judges it again.</summary>
    public void Record(string monitor, PingHistory history)
    {
        if (_entries.TryGetValue(monitor, out var entry))
        {
            Evaluate(entry, history);
        }
    }

    /// <summary>A heartbeat's current state, or null for an unknown name or before start.</summary>
    public HeartbeatStatus? Status(string monitor) =>
        _entries.TryGetValue(monitor, out var entry) ? entry.Status : null;

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Timer?.Dispose();
        }
    }

    private void Evaluate(Entry entry, PingHistory? history = null)
    {
        lock (entry.Gate)
        {
            entry.History = history ?? entry.History;
            var now = timeProvider.GetUtcNow();
            var status = HeartbeatJudge.Evaluate(entry.Monitor.Heartbeat!, entry.History, entry.Watch, now);
            var previous = entry.Status?.State ?? entry.StoredState;
            entry.Status = status;
            if (previous != status.State)
            {
                LogStateChanged(entry.Monitor.Name, status.State.Name(), previous?.Name() ?? "unknown", status.Reason);
                StateChanged?.Invoke(new HeartbeatStateChange(entry.Monitor.Name, previous, status, now));
            }

            var wait = status.NextChangeAt is { } next ? Max(next - now, TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            entry.Timer?.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Watching {Count} heartbeats")]
    private partial void LogStarted(int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Heartbeat {Monitor} is {State}, was {Previous}: {Reason}")]
    private partial void LogStateChanged(string monitor, string state, string previous, string? reason);

    /// <summary>One heartbeat: its definition, pings so far, state and timer.</summary>
    private sealed class Entry(
        MonitorDefinition monitor,
        PingHistory history,
        HeartbeatWatch watch,
        HeartbeatState? stored)
    {
        public Lock Gate { get; } = new();

        public MonitorDefinition Monitor { get; } = monitor;

        public HeartbeatWatch Watch { get; } = watch;

        public HeartbeatState? StoredState { get; } = stored;

        public PingHistory History { get; set; } = history;

        public HeartbeatStatus? Status { get; set; }

        public ITimer? Timer { get; set; }
    }
}
