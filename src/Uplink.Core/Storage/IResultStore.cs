using Uplink.Checks;

namespace Uplink.Storage;

/// <summary>
/// Where results live. Implementations create or migrate their schema in <see cref="InitializeAsync"/>.
/// </summary>
public interface IResultStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a batch of results, with their steps, in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<CheckResult> results, CancellationToken cancellationToken);

    /// <summary>
    /// A monitor's results that started in [from, to), oldest first; at most <paramref name="limit"/>
    /// of them, the newest when there are more.
    /// </summary>
    Task<IReadOnlyList<CheckResult>> GetResultsAsync(
        string monitor,
        DateTimeOffset from,
        DateTimeOffset to,
        int limit,
        CancellationToken cancellationToken);

    /// <summary>The newest result of each monitor that has one.</summary>
    Task<IReadOnlyDictionary<string, CheckResult>> GetLatestAsync(CancellationToken cancellationToken);
}
