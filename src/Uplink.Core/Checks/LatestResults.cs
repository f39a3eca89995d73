using System.Collections.Concurrent;

namespace Uplink.Checks;

/// <summary>
/// The newest result of each monitor, kept in memory for the dashboard and the API. It is filled
/// from the store at start and from every published result after that.
/// </summary>
public sealed class LatestResults
{
    private readonly ConcurrentDictionary<string, CheckResult> _latest = new(StringComparer.Ordinal);

    /// <summary>Raised after a newer result replaced a monitor's entry.</summary>
    public event Action<CheckResult>? Changed;

    public CheckResult? Get(string monitor) => _latest.TryGetValue(monitor, out var result) ? result : null;

    public IReadOnlyDictionary<string, CheckResult> Snapshot() => new Dictionary<string, CheckResult>(_latest);

    public void Offer(CheckResult result)
    {
        var stored = _latest.AddOrUpdate(
            result.Monitor,
            result,
            (_, current) => result.StartedAt >= current.StartedAt ? result : current);
        if (ReferenceEquals(stored, result))
        {
            Changed?.Invoke(result);
        }
    }
}
