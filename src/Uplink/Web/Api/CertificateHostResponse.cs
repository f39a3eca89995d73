namespace Uplink.Web.Api;

/// <summary>A host's certificates as the newest check of one monitor's step saw them.</summary>
/// <param name="Monitor">The monitor.</param>
/// <param name="Step">The step that connected (the monitor's name for http and tls monitors).</param>
/// <param name="Host">The host connected to.</param>
/// <param name="ServerName">The name sent as SNI and checked against the certificate.</param>
/// <param name="Verdict">
/// The health the certificates give: <c>up</c>, <c>degraded</c>, <c>critical</c> or <c>down</c>.
/// </param>
/// <param name="CheckedAt">When the check started.</param>
/// <param name="ExpiresAt">The earliest expiry in the validated chain (else the served one).</param>
/// <param name="DaysLeft">Whole days from now until <paramref name="ExpiresAt"/>; negative once past.</param>
/// <param name="Protocol">The TLS version, for example <c>TLS 1.3</c>.</param>
/// <param name="Cipher">The cipher suite negotiated.</param>
/// <param name="Trusted">Whether the chain reaches a trusted root.</param>
/// <param name="HostNameMatches">Whether the certificate covers <paramref name="ServerName"/>.</param>
/// <param name="Served">The certificates the server sent, its own first.</param>
/// <param name="Validated">The chain built from them to a root.</param>
/// <param name="PinSets">Each pin set that applies to the host.</param>
/// <param name="Findings">What is wrong or will go wrong, worst first.</param>
public sealed record CertificateHostResponse(
    string Monitor,
    string Step,
    string Host,
    string ServerName,
    string Verdict,
    DateTimeOffset CheckedAt,
    DateTimeOffset? ExpiresAt,
    int? DaysLeft,
    string? Protocol,
    string? Cipher,
    bool Trusted,
    bool HostNameMatches,
    IReadOnlyList<CertificateResponse> Served,
    IReadOnlyList<CertificateResponse> Validated,
    IReadOnlyList<PinSetResponse> PinSets,
    IReadOnlyList<FindingResponse> Findings);
