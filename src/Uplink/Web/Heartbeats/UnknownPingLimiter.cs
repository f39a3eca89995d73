using System.Collections.Concurrent;
using Uplink.Heartbeats;

namespace Uplink.Web.Heartbeats;

/// <summary>
/// Counts pings to unknown URLs per source address in one-minute windows, from the injected clock,
/// so that guessing tokens is slow. Known tokens are never limited: a busy job must not be refused.
/// </summary>
public sealed class UnknownPingLimiter(TimeProvider timeProvider, HeartbeatOptions options)
{
    /// <summary>The most sources remembered; past it the table starts afresh rather than grow.</summary>
    public const int MaxSources = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> _sources = new(StringComparer.Ordinal);

    /// <summary>Counts one unknown ping from <paramref name="source"/>; false once it is over the limit.</summary>
    public bool TryAcquire(string source)
    {
        if (_sources.Count >= MaxSources)
        {
            _sources.Clear();
        }

        var now = timeProvider.GetUtcNow();
        var counter = _sources.AddOrUpdate(
            source,
            _ => new Counter(now, 1),
            (_, c) => now - c.WindowStart >= Window ? new Counter(now, 1) : c with { Count = c.Count + 1 });
        return counter.Count <= options.UnknownPingsPerMinute;
    }

    private sealed record Counter(DateTimeOffset WindowStart, int Count);
}
