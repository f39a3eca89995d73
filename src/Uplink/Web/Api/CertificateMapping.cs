using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Judging;
using Uplink.Tls;

namespace Uplink.Web.Api;

/// <summary>Lists every host whose certificates a monitor's newest check recorded.</summary>
internal static class CertificateMapping
{
    public static IReadOnlyList<CertificateHostResponse> List(
        MonitorCatalog catalog,
        LatestResults latest,
        DateTimeOffset now) =>
    [
        .. catalog.Monitors
            .Select(m => latest.Get(m.Name))
            .OfType<CheckResult>()
            .SelectMany(r => r.Steps.Where(s => s.Tls is not null).Select(s => ToResponse(r, s, s.Tls!, now))),
    ];

    private static CertificateHostResponse ToResponse(
        CheckResult result,
        StepResult step,
        TlsReport report,
        DateTimeOffset now)
    {
        var facts = report.Facts;
        return new CertificateHostResponse(
            result.Monitor,
            step.Name,
            facts.Host,
            facts.ServerName,
            report.Health.Name(),
            result.StartedAt,
            facts.EarliestExpiry,
            facts.EarliestExpiry is { } expiry ? TlsJudge.DaysLeft(expiry, now) : null,
            facts.Protocol,
            facts.Cipher,
            facts.Trusted,
            facts.HostNameMatches,
            [.. facts.Served.Select(ToResponse)],
            [.. facts.Validated.Select(ToResponse)],
            [.. report.PinSets.Select(p => new PinSetResponse(p.Name, p.Matched.Count > 0, p.Matched, p.Enforced))],
            [.. report.Findings.Select(f => new FindingResponse(f.Health.Name(), f.Text))]);
    }

    private static CertificateResponse ToResponse(CertificateFacts certificate) => new(
        certificate.Subject,
        certificate.Issuer,
        certificate.NotBefore,
        certificate.NotAfter,
        certificate.KeyType,
        certificate.KeySize,
        SpkiPin.Prefix + certificate.Pin);
}
