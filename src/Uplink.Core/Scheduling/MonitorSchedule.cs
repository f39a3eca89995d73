using Uplink.Configuration;

namespace Uplink.Scheduling;

/// <summary>
/// The plan of one monitor: its next planned time, and whether a check of it is still running.
/// Planned times advance by whole intervals from the first one, so they never drift with how
/// long checks take or how late a timer fires.
/// </summary>
internal sealed class MonitorSchedule(MonitorDefinition monitor, DateTimeOffset firstRun) : IDisposable
{
    private int _running;

    public MonitorDefinition Monitor { get; } = monitor;

    public DateTimeOffset NextRun { get; private set; } = firstRun;

    public ITimer? Timer { get; set; }

    /// <summary>
    /// Moves the plan to the first slot after <paramref name="now"/>; returns how many slots were missed.
    /// </summary>
    public int Advance(DateTimeOffset now)
    {
        var missed = -1;
        do
        {
            NextRun += Monitor.Interval;
            missed++;
        }
        while (NextRun <= now);

        return missed;
    }

    public bool TryBegin() => Interlocked.CompareExchange(ref _running, 1, 0) == 0;

    public void End() => Volatile.Write(ref _running, 0);

    public void Dispose() => Timer?.Dispose();
}
