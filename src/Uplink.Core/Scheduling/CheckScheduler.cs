using Microsoft.Extensions.Logging;
using Uplink.Checks;
using Uplink.Configuration;

namespace Uplink.Scheduling;

/// <summary>
/// Runs each monitor every interval. Every monitor has its own timer, so a slow or hung target
/// only ever holds up its own next check (which is skipped while the previous one still runs)
/// and one concurrency slot until its timeout. First runs are spread evenly across each
/// monitor's interval so that a large config does not fire all at once.
/// </summary>
public sealed partial class CheckScheduler(
    ICheckRunner runner,
    IResultSink sink,
    TimeProvider timeProvider,
    SchedulerOptions options,
    ILogger<CheckScheduler> logger) : IAsyncDisposable
{
    private readonly List<MonitorSchedule> _schedules = [];
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Plans and starts every monitor. Call once.</summary>
    public void Start(IReadOnlyList<MonitorDefinition> monitors)
    {
        var now = timeProvider.GetUtcNow();
        for (var i = 0; i < monitors.Count; i++)
        {
            var monitor = monitors[i];
            var offset = monitor.Interval * i / monitors.Count;
            var schedule = new MonitorSchedule(monitor, now + offset);
            _schedules.Add(schedule);
        }

        // Timers are armed only once every schedule holds its timer: a timer due at once may
        // fire inside Change and must find itself there to re-arm.
        foreach (var schedule in _schedules)
        {
            schedule.Timer = timeProvider.CreateTimer(
                OnDue, schedule, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        foreach (var schedule in _schedules)
        {
            schedule.Timer!.Change(schedule.NextRun - now, Timeout.InfiniteTimeSpan);
        }

        LogStarted(monitors.Count, options.MaxConcurrency);
    }

    /// <summary>Stops planning new checks, cancels the running ones and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var schedule in _schedules)
        {
            schedule.Dispose();
        }

        await _stopping.CancelAsync();
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private void OnDue(object? state)
    {
        var schedule = (MonitorSchedule)state!;
        var planned = schedule.NextRun;
        var now = timeProvider.GetUtcNow();

        if (schedule.TryBegin())
        {
            Track(RunAsync(schedule, planned));
        }
        else
        {
            LogSkipped(schedule.Monitor.Name, planned);
        }

        var missed = schedule.Advance(now);
        if (missed > 0)
        {
            LogMissed(schedule.Monitor.Name, missed);
        }

        if (!_stopping.IsCancellationRequested)
        {
            schedule.Timer?.Change(schedule.NextRun - now, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync(MonitorSchedule schedule, DateTimeOffset planned)
    {
        var token = _stopping.Token;
        try
        {
            await _slots.WaitAsync(token);
            try
            {
                var result = await runner.RunAsync(schedule.Monitor, planned, token);
                sink.Publish(result);
                LogChecked(result.Monitor, result.Region, result.Health.ToString(), result.Duration.TotalMilliseconds);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogCheckCrashed(schedule.Monitor.Name, ex);
        }
        finally
        {
            schedule.End();
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Information,
        Message = "Scheduling {Count} monitors, at most {MaxConcurrency} checks at once")]
    private partial void LogStarted(int count, int maxConcurrency);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Debug,
        Message = "Checked {Monitor} from {Region}: {Health} in {DurationMs:0} ms")]
    private partial void LogChecked(string monitor, string region, string health, double durationMs);

    [LoggerMessage(
        EventId = 1003,
        Level = LogLevel.Warning,
        Message = "Skipped the check of {Monitor} planned at {Planned}: the previous one is still running")]
    private partial void LogSkipped(string monitor, DateTimeOffset planned);

    [LoggerMessage(
        EventId = 1004,
        Level = LogLevel.Warning,
        Message = "Missed {Missed} planned checks of {Monitor}: the process was not running or was starved")]
    private partial void LogMissed(string monitor, int missed);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "The check of {Monitor} failed inside Uplink")]
    private partial void LogCheckCrashed(string monitor, Exception exception);
}
