using Uplink.Judging;
using Uplink.Probes;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds the <c>operations</c> section: a built-in operation may override any of its thresholds,
/// a new one names all three, and every operation keeps target ≤ warning ≤ critical.
/// </summary>
internal sealed class OperationsBinder(ConfigReader reader)
{
    private const string Target = "target";
    private const string Warning = "warning";
    private const string Critical = "critical";
    private const string SizeBudget = "size-budget";
    private static readonly string[] Keys = [Target, Warning, Critical];
    private static readonly string[] AllKeys = [.. Keys, SizeBudget];
    private readonly Dictionary<string, long> _sizeBudgets = new(StringComparer.Ordinal);

    public OperationCatalog Bind(YamlNode? node, string path)
    {
        var merged = new Dictionary<string, Thresholds>(Operations.BuiltIn, StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (node is not null && reader.Map(node, path) is { } map)
        {
            foreach (var entry in map.Entries)
            {
                declared.Add(entry.Key);
                BindOne(entry, merged);
            }
        }

        return new OperationCatalog(merged, declared) { SizeBudgets = _sizeBudgets };
    }

    private void BindOne(MapEntry entry, Dictionary<string, Thresholds> merged)
    {
        merged.Remove(entry.Key, out var builtIn);
        if (reader.Map(entry.Value, entry.Path, AllKeys) is not { } map)
        {
            return;
        }

        if (map[SizeBudget] is { } size && new MobileBinder(reader, NetworkProfiles.BuiltIn)
            .Size(size, map.PathOf(SizeBudget)) is { } budget)
        {
            _sizeBudgets[entry.Key] = budget;
        }

        var target = Read(map, Target, builtIn?.Target);
        var warning = Read(map, Warning, builtIn?.Warning);
        var critical = Read(map, Critical, builtIn?.Critical);
        if (builtIn is null && !HasAllValues(map, entry.Key))
        {
            return;
        }

        if (target is { } t && warning is { } w && critical is { } c && InOrder(map, t, w, c))
        {
            merged[entry.Key] = new Thresholds(t, w, c);
        }
    }

    private TimeSpan? Read(MapFields map, string key, TimeSpan? fallback) =>
        map[key] is { } value ? reader.Duration(value, map.PathOf(key)) : fallback;

    private bool HasAllValues(MapFields map, string name)
    {
        var missing = Keys.Where(key => !map.Has(key)).ToList();
        if (missing.Count > 0)
        {
            reader.Error(map.Path, map.Node, $"new operation '{name}' is missing {string.Join(", ", missing)}; "
                + "an operation that is not built in names target, warning and critical");
        }

        return missing.Count == 0;
    }

    private bool InOrder(MapFields map, TimeSpan target, TimeSpan warning, TimeSpan critical)
    {
        if (target > warning)
        {
            Report(map, map.Has(Warning) ? Warning : Target, $"target ({Durations.Format(target)}) is above "
                + $"warning ({Durations.Format(warning)})");
            return false;
        }

        if (warning > critical)
        {
            Report(map, map.Has(Critical) ? Critical : Warning, $"warning ({Durations.Format(warning)}) is above "
                + $"critical ({Durations.Format(critical)})");
            return false;
        }

        return true;
    }

    private void Report(MapFields map, string key, string problem)
    {
        var node = map[key] ?? map.Node;
        reader.Error(map.PathOf(key), node, problem + "; an operation needs target ≤ warning ≤ critical");
    }
}
