using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Uplink.Storage;
using Uplink.TestSupport;

namespace Uplink.Heartbeats;

public class PingWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly HeartbeatDefinition Hourly = new()
    {
        Period = TimeSpan.FromHours(1),
        Grace = TimeSpan.FromMinutes(10),
        MaxRuntime = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task SubmitAsync_ManyAtOnce_SharesCommitsAndStoresEachOnce()
    {
        using var folder = new TempFolder();
        var heartbeats = Enumerable.Range(0, 20).Select(i => HeartbeatRig.Heartbeat($"job-{i}", Hourly)).ToArray();
        await using var rig = await HeartbeatRig.StartAsync(folder.Path, new FakeTimeProvider(Noon), heartbeats,
            startWriter: false);

        var acks = Enumerable.Range(0, 1000).Select(i => rig.PingAsync($"job-{i % 20}", runId: $"r{i}")).ToList();
        await rig.Writer.StartAsync(CancellationToken.None);

        Assert.All(await Task.WhenAll(acks), ack => Assert.Equal(PingAck.Stored, ack));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "uplink.db")}");
        var distinct = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT run_id) FROM heartbeat_pings");
        Assert.Equal(1000, distinct);
        Assert.Equal(1000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM heartbeat_pings"));
        Assert.All(heartbeats, h => Assert.Equal(HeartbeatState.Up, rig.Tracker.Status(h.Name)!.State));
    }

    [Fact]
    public async Task SubmitAsync_QueueFull_RefusedAtOnce()
    {
        using var folder = new TempFolder();
        var options = new HeartbeatOptions { QueueCapacity = 2 };
        await using var rig = await HeartbeatRig.StartAsync(folder.Path, new FakeTimeProvider(Noon),
            [HeartbeatRig.Heartbeat("sync", Hourly)], options, startWriter: false);

        var first = rig.PingAsync("sync");
        var second = rig.PingAsync("sync");
        var third = rig.PingAsync("sync");

        Assert.Equal(PingAck.Overloaded, await third);
        await rig.Writer.StartAsync(CancellationToken.None);
        Assert.Equal((PingAck.Stored, PingAck.Stored), (await first, await second));
    }

    [Fact]
    public async Task SubmitAsync_StorageFails_AnswersStorageFailedAndKeepsTheOldState()
    {
        using var folder = new TempFolder();
        await using var rig = await HeartbeatRig.StartAsync(folder.Path, new FakeTimeProvider(Noon),
            [HeartbeatRig.Heartbeat("sync", Hourly)]);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "uplink.db")}"))
        {
            await connection.ExecuteAsync("ALTER TABLE heartbeat_pings RENAME TO heartbeat_pings_gone");
        }

        var ack = await rig.PingAsync("sync");

        Assert.Equal(PingAck.StorageFailed, ack);
        Assert.Equal(HeartbeatState.New, rig.Tracker.Status("sync")!.State);
    }

    [Fact]
    public async Task StopAsync_RightAfterStart_StoresWhatWasQueued()
    {
        using var folder = new TempFolder();
        var rig = await HeartbeatRig.StartAsync(folder.Path, new FakeTimeProvider(Noon),
            [HeartbeatRig.Heartbeat("sync", Hourly)], startWriter: false);
        var acks = Enumerable.Range(0, 50).Select(_ => rig.PingAsync("sync")).ToList();

        await rig.Writer.StartAsync(CancellationToken.None);
        await rig.DisposeAsync();

        Assert.All(await Task.WhenAll(acks), ack => Assert.Equal(PingAck.Stored, ack));
        Assert.Equal(50, (await rig.Store.GetPingsAsync("sync", 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task GetOrCreateTokenAsync_SecondCall_KeepsTheFirstToken()
    {
        using var folder = new TempFolder();
        var store = new SqliteHeartbeatStore(new SqliteResultStore(folder.Path));
        await store.InitializeAsync(CancellationToken.None);

        var first = await store.GetOrCreateTokenAsync("sync", PingTokens.Generate(), CancellationToken.None);
        var second = await store.GetOrCreateTokenAsync("sync", PingTokens.Generate(), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Null(PingTokens.Problem(first));
    }
}
