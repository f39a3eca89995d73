using Uplink.Judging;

namespace Uplink.Configuration;

/// <summary>
/// The operations a config may name: the built-ins merged with the config's own. An operation that
/// was declared but is broken is still known, so that steps naming it are not reported twice.
/// </summary>
internal sealed class OperationCatalog(IReadOnlyDictionary<string, Thresholds> valid, IReadOnlySet<string> declared)
{
    public IReadOnlyDictionary<string, Thresholds> Valid { get; } = valid;

    public bool IsDeclared(string name) => declared.Contains(name) || Valid.ContainsKey(name);

    public IEnumerable<string> Names => Valid.Keys.Union(declared).Order(StringComparer.Ordinal);
}
