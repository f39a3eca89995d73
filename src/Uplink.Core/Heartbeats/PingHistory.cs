using System.Collections.Immutable;

namespace Uplink.Heartbeats;

/// <summary>
/// What the pings so far tell about a heartbeat: the newest ping and the runs started but not ended.
/// Immutable: applying a ping gives a new history, so a batch that fails to commit changes nothing.
/// </summary>
public sealed record PingHistory
{
    /// <summary>The most runs kept open at once; past it the oldest is forgotten.</summary>
    public const int MaxOpenRuns = 32;

    public static PingHistory Empty { get; } = new();

    /// <summary>When the newest ping came, or null before the first one.</summary>
    public DateTimeOffset? LastPingAt { get; init; }

    public PingKind? LastKind { get; init; }

    public int? LastExitCode { get; init; }

    /// <summary>The start time of each open run, by run id ("" for runs without one).</summary>
    public ImmutableDictionary<string, DateTimeOffset> OpenRuns { get; init; } =
        ImmutableDictionary<string, DateTimeOffset>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>When the newest ping that ends a run (success, failure or exit code) came.</summary>
    public DateTimeOffset? LastEndAt { get; init; }

    /// <summary>The start of the oldest open run, or null when none is open.</summary>
    public DateTimeOffset? OldestOpenRun => OpenRuns.IsEmpty ? null : OpenRuns.Values.Min();

    /// <summary>
    /// The start of the oldest open run that may still be going. A run that had already outlived
    /// <paramref name="maxRuntime"/> when the job later reported the end of another run is taken as
    /// abandoned (its process died before its last ping), so it no longer holds the heartbeat down.
    /// </summary>
    public DateTimeOffset? OldestLiveRun(TimeSpan maxRuntime) =>
        OpenRuns.Values
            .Where(start => LastEndAt is not { } end || start + maxRuntime > end)
            .Select(start => (DateTimeOffset?)start)
            .Min();

    /// <summary>Takes in a ping; returns the new history and, for the end of a run, its duration.</summary>
    public (PingHistory History, TimeSpan? Duration) Apply(Ping ping)
    {
        var key = ping.RunId ?? "";
        var runs = OpenRuns;
        TimeSpan? duration = null;
        if (ping.Kind == PingKind.Start)
        {
            runs = WithoutOldestWhenFull(runs.Remove(key)).SetItem(key, ping.ReceivedAt);
        }
        else if (runs.TryGetValue(key, out var started))
        {
            duration = ping.ReceivedAt - started;
            runs = runs.Remove(key);
        }

        var next = this with
        {
            LastPingAt = ping.ReceivedAt,
            LastKind = ping.Kind,
            LastExitCode = ping.ExitCode,
            LastEndAt = ping.Kind == PingKind.Start ? LastEndAt : ping.ReceivedAt,
            OpenRuns = runs,
        };
        return (next, duration);
    }

    private static ImmutableDictionary<string, DateTimeOffset> WithoutOldestWhenFull(
        ImmutableDictionary<string, DateTimeOffset> runs) =>
        runs.Count < MaxOpenRuns ? runs : runs.Remove(runs.MinBy(r => r.Value).Key);
}
