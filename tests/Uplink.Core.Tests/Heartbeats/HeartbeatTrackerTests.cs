using Microsoft.Extensions.Time.Testing;
using Uplink.TestSupport;

namespace Uplink.Heartbeats;

public class HeartbeatTrackerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly HeartbeatDefinition Hourly = new()
    {
        Period = TimeSpan.FromHours(1),
        Grace = TimeSpan.FromMinutes(10),
        MaxRuntime = TimeSpan.FromMinutes(10),
    };

    [Fact]
    public async Task Timer_PeriodEnds_MovesToLateThenDownAtTheExactInstants()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Noon);
        await using var rig = await HeartbeatRig.StartAsync(
            folder.Path, time, [HeartbeatRig.Heartbeat("sync", Hourly)]);
        Assert.Equal(PingAck.Stored, await rig.PingAsync("sync"));

        time.Advance(TimeSpan.FromHours(1) - Tick);
        var lastUp = rig.Tracker.Status("sync")!.State;
        time.Advance(Tick);
        var firstLate = rig.Tracker.Status("sync")!.State;
        time.Advance(TimeSpan.FromMinutes(10) - Tick);
        var lastLate = rig.Tracker.Status("sync")!.State;
        time.Advance(Tick);

        Assert.Equal((HeartbeatState.Up, HeartbeatState.Late, HeartbeatState.Late), (lastUp, firstLate, lastLate));
        Assert.Equal(HeartbeatState.Down, rig.Tracker.Status("sync")!.State);
        Assert.Equal(
            [HeartbeatState.New, HeartbeatState.Up, HeartbeatState.Late, HeartbeatState.Down],
            rig.Changes.Select(c => c.Status.State));
        Assert.Equal(Noon.AddMinutes(70), rig.Changes[^1].Status.Since);
    }

    [Fact]
    public async Task Restart_MidPeriod_KeepsTheDeadlineAndRaisesNothing()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Noon);
        var heartbeats = new[] { HeartbeatRig.Heartbeat("sync", Hourly) };
        await using (var first = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats))
        {
            await first.PingAsync("sync");
            time.Advance(TimeSpan.FromMinutes(30));
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await using var second = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats);

        var status = second.Tracker.Status("sync")!;
        Assert.Equal(HeartbeatState.Up, status.State);
        Assert.Equal(Noon.AddHours(1), status.LateAt);
        Assert.Empty(second.Changes);
        time.Advance(TimeSpan.FromMinutes(25) - Tick);
        Assert.Equal(HeartbeatState.Up, second.Tracker.Status("sync")!.State);
        time.Advance(Tick);
        Assert.Equal(HeartbeatState.Late, Assert.Single(second.Changes).Status.State);
    }

    [Fact]
    public async Task Restart_MidRun_KeepsTheRunAndMeasuresItsDuration()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Noon);
        var heartbeats = new[] { HeartbeatRig.Heartbeat("sync", Hourly) };
        await using (var first = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats))
        {
            await first.PingAsync("sync", PingKind.Start, "run-1");
        }

        time.Advance(TimeSpan.FromMinutes(4));
        await using var second = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats);
        Assert.Equal(HeartbeatState.Started, second.Tracker.Status("sync")!.State);
        await second.PingAsync("sync", PingKind.Success, "run-1");

        var ended = (await second.Store.GetPingsAsync("sync", 1, CancellationToken.None))[0];
        Assert.Equal(TimeSpan.FromMinutes(4), ended.Duration);
        Assert.Equal(HeartbeatState.Up, second.Tracker.Status("sync")!.State);
    }

    [Fact]
    public async Task Restart_AfterTheServerWasDown_GivesAFreshGraceAndNoFloodOfDowns()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Noon);
        var heartbeats = Enumerable.Range(0, 50).Select(i => HeartbeatRig.Heartbeat($"job-{i}", Hourly)).ToArray();
        await using (var first = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats))
        {
            await Task.WhenAll(heartbeats.Select(h => first.PingAsync(h.Name)));
        }

        time.Advance(TimeSpan.FromHours(5));
        await using var second = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats);

        Assert.All(second.Changes, c => Assert.Equal(HeartbeatState.Late, c.Status.State));
        Assert.Equal(50, second.Changes.Count);
        await second.PingAsync("job-7");
        time.Advance(TimeSpan.FromMinutes(10) - Tick);
        Assert.DoesNotContain(second.Changes, c => c.Status.State == HeartbeatState.Down);
        time.Advance(Tick);
        Assert.Equal(49, second.Changes.Count(c => c.Status.State == HeartbeatState.Down));
        Assert.Equal(HeartbeatState.Up, second.Tracker.Status("job-7")!.State);
    }

    [Fact]
    public async Task Restart_HeartbeatAlreadyDown_StaysDownWithoutAnotherChange()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Noon);
        var heartbeats = new[] { HeartbeatRig.Heartbeat("sync", Hourly) };
        await using (var first = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats))
        {
            await first.PingAsync("sync");
            time.Advance(TimeSpan.FromHours(2));
            Assert.Equal(HeartbeatState.Down, first.Tracker.Status("sync")!.State);
        }

        time.Advance(TimeSpan.FromHours(1));
        await using var second = await HeartbeatRig.StartAsync(folder.Path, time, heartbeats);

        Assert.Equal(HeartbeatState.Down, second.Tracker.Status("sync")!.State);
        Assert.Empty(second.Changes);
    }
}
