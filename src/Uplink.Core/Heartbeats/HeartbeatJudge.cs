using System.Globalization;
using Uplink.Judging;

namespace Uplink.Heartbeats;

/// <summary>
/// Tells a heartbeat's state from its definition, its pings and the time: a pure function, so every
/// boundary can be tested at its exact instant. A ping is overdue from the expected time on (the
/// heartbeat is late) and the heartbeat is down from the expected time plus the grace on; the
/// instant before each stays in the better state.
/// </summary>
public static class HeartbeatJudge
{
    /// <summary>The state at <paramref name="now"/>.</summary>
    /// <param name="heartbeat">What the heartbeat expects.</param>
    /// <param name="history">The pings so far.</param>
    /// <param name="watch">
    /// Since when this server watches. A deadline that passed before it started gets a fresh grace
    /// from that start (the job may have pinged while the server was down), unless the heartbeat was
    /// already down then.
    /// </param>
    /// <param name="now">The moment to judge.</param>
    public static HeartbeatStatus Evaluate(
        HeartbeatDefinition heartbeat,
        PingHistory history,
        HeartbeatWatch watch,
        DateTimeOffset now)
    {
        if (heartbeat.Paused)
        {
            return new(HeartbeatState.Paused, "paused in the config", watch.Since, null, null, null);
        }

        if (history.LastPingAt is not { } last)
        {
            return new(HeartbeatState.New, "no ping yet", watch.Since, null, null, null);
        }

        if (history.LastKind == PingKind.Fail)
        {
            return new(HeartbeatState.Down, FailureReason(history), last, null, null, null);
        }

        return ByDeadlines(heartbeat, history, watch, now, last);
    }

    private static HeartbeatStatus ByDeadlines(
        HeartbeatDefinition heartbeat,
        PingHistory history,
        HeartbeatWatch watch,
        DateTimeOffset now,
        DateTimeOffset last)
    {
        var lateAt = heartbeat.ExpectedAfter(last);
        var downAt = Fresh(lateAt + heartbeat.Grace, lateAt, heartbeat.Grace, watch);
        var run = history.OldestLiveRun(heartbeat.MaxRuntime);
        var overtimeAt = Fresh(run + heartbeat.MaxRuntime, run + heartbeat.MaxRuntime, heartbeat.Grace, watch);

        if (overtimeAt <= now)
        {
            var reason = $"a run started at {Show(run!.Value)} has not ended within {Show(heartbeat.MaxRuntime)}";
            return new(HeartbeatState.Down, reason, overtimeAt.Value, lateAt, downAt, null);
        }

        if (downAt <= now)
        {
            var reason = $"no ping since {Show(last)}; one was expected by {Show(lateAt!.Value)}, "
                + $"and the grace of {Show(heartbeat.Grace)} ran out";
            return new(HeartbeatState.Down, reason, downAt.Value, lateAt, downAt, overtimeAt);
        }

        if (lateAt <= now)
        {
            var reason = $"no ping since {Show(last)}; one was expected by {Show(lateAt.Value)}";
            return new(HeartbeatState.Late, reason, lateAt.Value, lateAt, downAt, Earliest(downAt, overtimeAt));
        }

        return run is { } started
            ? new(HeartbeatState.Started, $"a run started at {Show(started)}", started, lateAt,
                Earliest(downAt, overtimeAt), Earliest(lateAt, overtimeAt))
            : new(HeartbeatState.Up, $"pinged in time at {Show(last)}", last, lateAt, downAt, lateAt);
    }

    /// <summary>
    /// A deadline that passed before the server started watching moves to a full grace after the
    /// start, unless the heartbeat was already down: then it stays where it was.
    /// </summary>
    private static DateTimeOffset? Fresh(
        DateTimeOffset? deadline,
        DateTimeOffset? due,
        TimeSpan grace,
        HeartbeatWatch watch)
    {
        if (deadline is not { } value || watch.WasDown || due > watch.Since)
        {
            return deadline;
        }

        var fresh = watch.Since + grace;
        return value > fresh ? value : fresh;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);

    private static string FailureReason(PingHistory history) => history.LastExitCode is { } code
        ? $"the job reported failure with exit code {code.ToString(CultureInfo.InvariantCulture)}"
        : "the job reported failure";

    private static string Show(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Show(TimeSpan duration) => Durations.Format(duration);
}
