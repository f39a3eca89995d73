using Uplink.Tls;
using Uplink.Web.Api;

namespace Uplink.Components.Pages;

/// <summary>
/// Every host whose certificates a check recorded: its verdict, expiry countdown, served chain with
/// each pin, which pin sets match, and the warnings ahead. Redraws itself as results arrive.
/// </summary>
public sealed partial class Certificates
{
    private IReadOnlyList<CertificateHostResponse> _hosts = [];

    protected override void Load() => _hosts = CertificateMapping.List(Catalog, Latest, Clock.GetUtcNow());

    private static string Day(DateTimeOffset instant) => TlsJudge.Day(instant);

    private static string Countdown(CertificateHostResponse host) => host switch
    {
        { ExpiresAt: null } => "—",
        { DaysLeft: < 0 } => $"expired {Day(host.ExpiresAt.Value)}",
        _ => $"in {host.DaysLeft} days ({Day(host.ExpiresAt.Value)})",
    };
}
