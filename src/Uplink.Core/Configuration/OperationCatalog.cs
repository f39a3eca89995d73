using Uplink.Judging;

namespace Uplink.Configuration;

/// <summary>
/// The operations a config may name: the built-ins merged with the config's own. An operation that
/// was declared but is broken is still known, so that steps naming it are not reported twice.
/// </summary>
internal sealed class OperationCatalog(IReadOnlyDictionary<string, Thresholds> valid, IReadOnlySet<string> declared)
{
    public IReadOnlyDictionary<string, Thresholds> Valid { get; } = valid;

    /// <summary>The size budgets operations set with <c>size-budget</c>, by operation.</summary>
    public IReadOnlyDictionary<string, long> SizeBudgets { get; init; } = new Dictionary<string, long>();

    public bool IsDeclared(string name) => declared.Contains(name) || Valid.ContainsKey(name);

    public IEnumerable<string> Names => Valid.Keys.Union(declared).Order(StringComparer.Ordinal);
}
