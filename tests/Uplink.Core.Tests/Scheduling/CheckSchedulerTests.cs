using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Uplink.Configuration;

namespace Uplink.Scheduling;

public class CheckSchedulerTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Start_ThousandPlannedRuns_StartExactlyOnTheirPlannedTimes()
    {
        var time = new FakeTimeProvider(Epoch);
        var runner = new RecordingRunner(time);
        await using var scheduler = NewScheduler(time, runner, out _);
        var interval = TimeSpan.FromSeconds(30);

        scheduler.Start([Monitor("launch", interval)]);
        for (var i = 0; i < 1000; i++)
        {
            // Uneven steps: a timer that fires late must not push later plans back.
            time.Advance(TimeSpan.FromSeconds(7));
            time.Advance(TimeSpan.FromSeconds(23));
        }

        var starts = runner.StartsOf("launch");
        Assert.Equal(1001, starts.Count);
        for (var n = 0; n < starts.Count; n++)
        {
            Assert.Equal(Epoch + (interval * n), starts[n]);
        }
    }

    [Fact]
    public async Task Start_ThousandRunsWithLateAdvances_PlannedTimesStayOnTheGrid()
    {
        var time = new FakeTimeProvider(Epoch);
        var runner = new RecordingRunner(time);
        await using var scheduler = NewScheduler(time, runner, out _);

        scheduler.Start([Monitor("profile", TimeSpan.FromSeconds(30))]);
        for (var i = 0; i < 1000; i++)
        {
            // Each advance overshoots the due time by 1.7 s, as a busy machine's timer would.
            time.Advance(TimeSpan.FromSeconds(31.7));
        }

        var planned = runner.Runs.Select(r => r.Planned).ToList();
        Assert.True(planned.Count > 900);
        Assert.All(planned, p => Assert.Equal(0, (p - Epoch).Ticks % TimeSpan.FromSeconds(30).Ticks));
        Assert.Equal(planned.Count, planned.Distinct().Count());
        Assert.All(runner.Runs, r => Assert.InRange(r.Started - r.Planned, TimeSpan.Zero, TimeSpan.FromSeconds(31.7)));
    }

    [Fact]
    public async Task Start_SeveralMonitors_SpreadsFirstRunsAcrossTheInterval()
    {
        var time = new FakeTimeProvider(Epoch);
        var runner = new RecordingRunner(time);
        await using var scheduler = NewScheduler(time, runner, out _);
        var interval = TimeSpan.FromSeconds(30);

        scheduler.Start([Monitor("a", interval), Monitor("b", interval), Monitor("c", interval)]);
        for (var second = 0; second < 29; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Epoch, runner.StartsOf("a").Single());
        Assert.Equal(Epoch + TimeSpan.FromSeconds(10), runner.StartsOf("b").Single());
        Assert.Equal(Epoch + TimeSpan.FromSeconds(20), runner.StartsOf("c").Single());
    }

    [Fact]
    public async Task Start_HungTarget_DoesNotDelayOtherMonitors()
    {
        var time = new FakeTimeProvider(Epoch);
        var runner = new RecordingRunner(time, "hung");
        await using var scheduler = NewScheduler(time, runner, out var sink, maxConcurrency: 2);
        var interval = TimeSpan.FromSeconds(10);

        scheduler.Start([Monitor("hung", interval), Monitor("fast", interval)]);
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var fast = runner.StartsOf("fast");
        Assert.Equal(10, fast.Count);
        for (var n = 0; n < fast.Count; n++)
        {
            Assert.Equal(Epoch + TimeSpan.FromSeconds(5) + (interval * n), fast[n]);
        }

        // The hung check is never stacked: its later slots are skipped while it still runs.
        Assert.Single(runner.StartsOf("hung"));
        Assert.Equal(10, sink.Results.Count(r => r.Monitor == "fast"));
        Assert.DoesNotContain(sink.Results, r => r.Monitor == "hung");
    }

    [Fact]
    public async Task DisposeAsync_WithAHungCheck_CancelsItAndReturns()
    {
        var time = new FakeTimeProvider(Epoch);
        var runner = new RecordingRunner(time, "hung");
        var scheduler = NewScheduler(time, runner, out _);
        scheduler.Start([Monitor("hung", TimeSpan.FromSeconds(30))]);

        var disposing = scheduler.DisposeAsync().AsTask();

        Assert.Same(disposing, await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10))));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(runner.Runs);
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var time = new FakeTimeProvider(Epoch);
        var scheduler = NewScheduler(time, new RecordingRunner(time), out _);
        scheduler.Start([Monitor("a", TimeSpan.FromSeconds(30))]);

        await scheduler.DisposeAsync();
        var second = await Record.ExceptionAsync(() => scheduler.DisposeAsync().AsTask());

        Assert.Null(second);
    }

    private static CheckScheduler NewScheduler(
        FakeTimeProvider time,
        RecordingRunner runner,
        out CollectingSink sink,
        int maxConcurrency = 64)
    {
        sink = new CollectingSink();
        return new CheckScheduler(
            runner,
            sink,
            time,
            new SchedulerOptions { MaxConcurrency = maxConcurrency },
            NullLogger<CheckScheduler>.Instance);
    }

    private static MonitorDefinition Monitor(string name, TimeSpan interval) => new()
    {
        Name = name,
        Kind = MonitorKind.Http,
        Interval = interval,
        Timeout = TimeSpan.FromSeconds(5),
        Steps = [],
    };
}
