namespace Uplink.Tls;

/// <summary>
/// Matches pin sets against a served chain the way the apps do: a set is satisfied when any
/// certificate the server sent carries one of its keys (within the pin's scope).
/// </summary>
public static class PinMatcher
{
    /// <summary>The served certificates that <paramref name="set"/> pins.</summary>
    public static PinSetMatch Match(PinSet set, IReadOnlyList<CertificateFacts> served, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(served);
        var matched = Matching(set, served).Select(c => c.Subject).ToList();
        return new PinSetMatch(set.Name, matched, Enforced: set.Expires is not { } expires || now <= expires);
    }

    /// <summary>
    /// A warning about a set that will break later: it has no backup pin, or every certificate it
    /// matches expires within <paramref name="window"/>. Null when neither is true.
    /// </summary>
    public static string? Ahead(PinSet set, IReadOnlyList<CertificateFacts> served, TimeSpan window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(served);
        if (set.Expires is { } expires && now > expires)
        {
            return null;
        }

        if (set.Pins.Select(p => p.Sha256).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return $"pin set {set.Name} has a single pin and no backup; a new key would lock its app out";
        }

        var matched = Matching(set, served).ToList();
        if (matched.Count > 0 && matched.All(c => c.NotAfter - now < window))
        {
            var last = matched.MaxBy(c => c.NotAfter)!;
            return $"pin set {set.Name} matches only {string.Join(", ", matched.Select(c => c.Subject))}, "
                + $"which expires on {TlsJudge.Day(last.NotAfter)}; the renewal must keep this key, "
                + "or ship new pins first";
        }

        return null;
    }

    private static IEnumerable<CertificateFacts> Matching(PinSet set, IReadOnlyList<CertificateFacts> served) =>
        served.Where((certificate, index) => set.Pins.Any(p => p.Sha256 == certificate.Pin && Fits(p.Scope, index)));

    private static bool Fits(PinScope scope, int index) => scope switch
    {
        PinScope.Leaf => index == 0,
        PinScope.Authority => index > 0,
        _ => true,
    };
}
