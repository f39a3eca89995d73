using System.Globalization;
using Uplink.Judging;

namespace Uplink.Tls;

/// <summary>
/// Judges a handshake's facts: an expired, untrusted or wrongly named certificate is down; expiry
/// within the critical or warning window is critical or degraded (a time exactly on a threshold stays
/// in the better band); a served chain that no pin of a set matches is critical; a set with one pin,
/// or whose only matching certificates expire within the warning window, is degraded.
/// </summary>
public static class TlsJudge
{
    public static TlsReport Judge(TlsFacts facts, TlsPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(policy);

        var findings = new List<TlsFinding>();
        findings.AddRange(Validity(facts, now));
        findings.AddRange(NameAndTrust(facts, expiredFound: findings.Count > 0));
        if (findings.Count == 0)
        {
            findings.AddRange(Expiry(facts, policy, now));
        }

        var matches = policy.PinSets.Where(s => s.AppliesTo(facts.ServerName))
            .Select(s => PinMatcher.Match(s, facts.Served, now))
            .ToList();
        findings.AddRange(PinFindings(policy, facts, matches, now));

        return new TlsReport
        {
            Facts = facts,
            Findings = [.. findings.OrderByDescending(f => f.Health)],
            PinSets = matches,
        };
    }

    /// <summary>Formats an instant as the date shown in findings, for example <c>2027-03-01</c>.</summary>
    public static string Day(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whole days left until <paramref name="instant"/>, rounded down; negative once past.</summary>
    public static int DaysLeft(DateTimeOffset instant, DateTimeOffset now) =>
        (int)Math.Floor((instant - now).TotalDays);

    private static IEnumerable<TlsFinding> Validity(TlsFacts facts, DateTimeOffset now)
    {
        foreach (var certificate in facts.Judged)
        {
            if (now > certificate.NotAfter)
            {
                yield return new TlsFinding(Health.Down,
                    $"certificate {certificate.Subject} expired on {Day(certificate.NotAfter)}");
            }
            else if (now < certificate.NotBefore)
            {
                yield return new TlsFinding(Health.Down,
                    $"certificate {certificate.Subject} is not valid before {Day(certificate.NotBefore)}");
            }
        }
    }

    private static IEnumerable<TlsFinding> NameAndTrust(TlsFacts facts, bool expiredFound)
    {
        if (!facts.HostNameMatches)
        {
            var names = facts.Served.FirstOrDefault()?.DnsNames ?? [];
            var covered = names.Count == 0 ? "no DNS names" : string.Join(", ", names);
            yield return new TlsFinding(Health.Down,
                $"certificate does not cover {facts.ServerName} (it names {covered})");
        }

        var problems = expiredFound
            ? facts.ChainProblems.Where(p => p != "NotTimeValid").ToList()
            : facts.ChainProblems;
        if (!facts.Trusted && (problems.Count > 0 || !expiredFound))
        {
            yield return new TlsFinding(Health.Down, Untrusted(facts, problems));
        }
    }

    private static string Untrusted(TlsFacts facts, IReadOnlyList<string> problems)
    {
        if (problems.Contains("PartialChain") && facts.Served.Count == 1)
        {
            return "chain not trusted: the server sends no intermediate certificate and the chain does not "
                + "reach a trusted root (PartialChain)";
        }

        return $"chain not trusted ({string.Join(", ", problems)})";
    }

    private static IEnumerable<TlsFinding> Expiry(TlsFacts facts, TlsPolicy policy, DateTimeOffset now)
    {
        var first = facts.Judged.OrderBy(c => c.NotAfter).FirstOrDefault();
        if (first is null)
        {
            yield break;
        }

        var left = first.NotAfter - now;
        var health = left < policy.Critical ? Health.Critical : left < policy.Warning ? Health.Degraded : Health.Up;
        if (health != Health.Up)
        {
            yield return new TlsFinding(health,
                $"certificate {first.Subject} expires in {DaysLeft(first.NotAfter, now)} days, "
                + $"on {Day(first.NotAfter)}");
        }
    }

    private static IEnumerable<TlsFinding> PinFindings(
        TlsPolicy policy,
        TlsFacts facts,
        List<PinSetMatch> matches,
        DateTimeOffset now)
    {
        var refusing = matches.Where(m => m.Enforced && m.Matched.Count == 0).Select(m => m.Name).ToList();
        if (refusing.Count > 0)
        {
            yield return new TlsFinding(Health.Critical,
                $"no pin of {string.Join(", ", refusing)} matches the served chain; "
                + $"{(refusing.Count == 1 ? "that app version" : "those app versions")} will refuse the server");
        }

        foreach (var set in policy.PinSets.Where(s => s.AppliesTo(facts.ServerName)))
        {
            if (PinMatcher.Ahead(set, facts.Served, policy.Warning, now) is { } warning)
            {
                yield return new TlsFinding(Health.Degraded, warning);
            }
        }
    }
}
