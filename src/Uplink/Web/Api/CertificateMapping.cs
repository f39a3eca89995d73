using Uplink.Checks;
using Uplink.Hosting;
using Uplink.Judging;
using Uplink.Tls;

namespace Uplink.Web.Api;

/// <summary>
/// Lists every host whose certificates a monitor's newest check recorded, and every host whose
/// handshake could not be made (no connection, no TLS), so that a host never drops off the view
/// just when it breaks.
/// </summary>
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
            .SelectMany(r => r.Steps.Select(s => s.Tls is { } report
                ? ToResponse(r, s, report, now)
                : FailedHandshake(r, s)))
            .OfType<CertificateHostResponse>(),
    ];

    /// <summary>A step to a TLS address that failed before any certificate was seen; null for other steps.</summary>
    private static CertificateHostResponse? FailedHandshake(CheckResult result, StepResult step)
    {
        if (step.Error is null
            || !Uri.TryCreate(step.Url, UriKind.Absolute, out var url)
            || url.Scheme is not ("https" or "tls"))
        {
            return null;
        }

        return new CertificateHostResponse(
            result.Monitor, step.Name, url.Host, url.Host, Health.Down.Name(), result.StartedAt,
            null, null, null, null, false, false, [], [], [],
            [new FindingResponse(Health.Down.Name(), step.Error)]);
    }

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
