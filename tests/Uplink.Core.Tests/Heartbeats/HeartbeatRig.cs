using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Uplink.Configuration;
using Uplink.Storage;

namespace Uplink.Heartbeats;

/// <summary>
/// One run of the heartbeat machinery on a real SQLite file: a tracker on a fake clock, a ping
/// writer, and the state changes stored as the server stores them. Disposing is the server stopping;
/// a new rig on the same folder is the server starting again.
/// </summary>
internal sealed class HeartbeatRig : IAsyncDisposable
{
    private readonly List<HeartbeatStateChange> _changes = [];

    private HeartbeatRig(FakeTimeProvider time, SqliteHeartbeatStore store, HeartbeatTracker tracker, PingWriter writer)
    {
        Time = time;
        Store = store;
        Tracker = tracker;
        Writer = writer;
        tracker.StateChanged += change =>
        {
            lock (_changes)
            {
                _changes.Add(change);
            }
        };
    }

    public FakeTimeProvider Time { get; }

    public SqliteHeartbeatStore Store { get; }

    public HeartbeatTracker Tracker { get; }

    public PingWriter Writer { get; }

    public IReadOnlyList<HeartbeatStateChange> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    public static async Task<HeartbeatRig> StartAsync(
        string folder,
        FakeTimeProvider time,
        IReadOnlyList<MonitorDefinition> heartbeats,
        HeartbeatOptions? options = null,
        bool startWriter = true)
    {
        var store = new SqliteHeartbeatStore(new SqliteResultStore(folder));
        await store.InitializeAsync(CancellationToken.None);
        var tracker = new HeartbeatTracker(time, NullLogger<HeartbeatTracker>.Instance);
        var writer = new PingWriter(store, tracker, options ?? new HeartbeatOptions(), NullLogger<PingWriter>.Instance);
        var rig = new HeartbeatRig(time, store, tracker, writer);
        tracker.StateChanged += change => rig.Save(change);
        await tracker.LoadAsync(store, heartbeats, 64, CancellationToken.None);
        if (startWriter)
        {
            await writer.StartAsync(CancellationToken.None);
        }

        return rig;
    }

    public static MonitorDefinition Heartbeat(string name, HeartbeatDefinition heartbeat) => new()
    {
        Name = name,
        Kind = MonitorKind.Heartbeat,
        Interval = TimeSpan.FromMinutes(1),
        Timeout = TimeSpan.FromSeconds(10),
        Steps = [],
        Heartbeat = heartbeat,
    };

    public Task<PingAck> PingAsync(string monitor, PingKind kind = PingKind.Success, string? runId = null) =>
        Writer.SubmitAsync(new Ping
        {
            Monitor = monitor,
            ReceivedAt = Time.GetUtcNow(),
            Kind = kind,
            RunId = runId,
        });

    public async ValueTask DisposeAsync()
    {
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        Tracker.Dispose();
    }

    private void Save(HeartbeatStateChange change) =>
        Store.SaveStateChangesAsync([change], CancellationToken.None).GetAwaiter().GetResult();
}
