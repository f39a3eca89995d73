using System.Collections.Frozen;
using Uplink.Configuration;

namespace Uplink.Heartbeats;

/// <summary>
/// Finds the heartbeat a ping path names: <c>TOKEN[/ACTION]</c> or <c>KEY/SLUG[/ACTION]</c>. Lookups
/// go by the SHA-256 of the candidate identities, both computed for every path, so an unknown token
/// takes the same steps as a known one and a near miss leaks nothing through string comparison.
/// </summary>
public sealed class PingDirectory
{
    private volatile FrozenDictionary<string, PingTarget>? _byHash;
    private volatile FrozenDictionary<string, string>? _pathByName;

    /// <summary>True once <see cref="Load"/> ran; before that pings get 503.</summary>
    public bool IsReady => _byHash is not null;

    /// <summary>Fills the directory.</summary>
    /// <param name="heartbeats">The heartbeat monitors.</param>
    /// <param name="projectKey">The key slugs are pinged under, if any.</param>
    /// <param name="generatedTokens">The stored tokens of heartbeats that have neither a token nor a slug.</param>
    public void Load(
        IReadOnlyList<MonitorDefinition> heartbeats,
        string? projectKey,
        IReadOnlyDictionary<string, string> generatedTokens)
    {
        var targets = new Dictionary<string, PingTarget>(StringComparer.Ordinal);
        foreach (var monitor in heartbeats.Where(m => m.Heartbeat is not null))
        {
            var heartbeat = monitor.Heartbeat!;
            var identity = heartbeat.Slug is { } slug && projectKey is not null
                ? projectKey + "/" + slug
                : heartbeat.Token ?? generatedTokens.GetValueOrDefault(monitor.Name);
            if (identity is not null)
            {
                targets[PingTokens.Hash(identity)] = new PingTarget(monitor, "/ping/" + identity);
            }
        }

        _pathByName = targets.Values.ToFrozenDictionary(t => t.Monitor.Name, t => t.Path, StringComparer.Ordinal);
        _byHash = targets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The ping path of a heartbeat, such as <c>/ping/TOKEN</c>; null for an unknown name.</summary>
    public string? PathOf(string monitor) => _pathByName?.GetValueOrDefault(monitor);

    /// <summary>The heartbeat and the action a path after <c>/ping/</c> names, or null when none matches.</summary>
    public (PingTarget Target, string? Action)? Resolve(string path)
    {
        var byHash = _byHash ?? FrozenDictionary<string, PingTarget>.Empty;
        var parts = path.Split('/');
        var one = PingTokens.Hash(parts[0]);
        var two = PingTokens.Hash(parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0] + "/");
        if (parts.Length <= 2 && byHash.TryGetValue(one, out var byToken))
        {
            return (byToken, parts.Length == 2 ? parts[1] : null);
        }

        if (parts.Length is 2 or 3 && byHash.TryGetValue(two, out var bySlug))
        {
            return (bySlug, parts.Length == 3 ? parts[2] : null);
        }

        return null;
    }
}
