using System.Net;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;
using Xunit.Abstractions;

namespace Uplink.Probes;

public sealed class HttpProbeTlsTests(ITestOutputHelper output)
{
    private static readonly RequestDelegate AnswerSecure = context => context.Response.WriteAsync("secure");

    [Fact]
    public async Task SendAsync_CertificateFromTrustedRoot_TimesTlsAndSucceeds()
    {
        var (authority, certificate) = TestCertificates.Create();
        await using var server = await LoopbackServer.StartAsync(AnswerSecure, certificate);
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [authority] });

        var exchange = await probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal("secure", exchange.Body);
        Assert.NotNull(exchange.Timings.Dns);
        Assert.NotNull(exchange.Timings.Connect);
        Assert.NotNull(exchange.Timings.Tls);
        Assert.NotNull(exchange.Timings.FirstByte);
        Assert.NotNull(exchange.Timings.Download);
        output.WriteLine($"{exchange.Timings} in {exchange.Duration}");
    }

    [Fact]
    public async Task SendAsync_CertificateFromUnknownRoot_FailsInTlsAsUntrusted()
    {
        var (_, certificate) = TestCertificates.Create();
        await using var server = await LoopbackServer.StartAsync(AnswerSecure, certificate);
        var probe = new HttpProbe(TimeProvider.System);

        var exchange = await probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        ExchangeAssert.FailedIn(
            ProbePhase.Tls,
            "TLS handshake failed: certificate is not trusted (RemoteCertificateChainErrors)",
            exchange);
        Assert.NotNull(exchange.Timings.Connect);
        Assert.Null(exchange.Timings.Tls);
    }

    [Fact]
    public async Task SendAsync_CertificateForAnotherHost_FailsInTlsAsMismatch()
    {
        var (authority, certificate) = TestCertificates.Create("elsewhere.test");
        await using var server = await LoopbackServer.StartAsync(AnswerSecure, certificate);
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [authority] });

        var exchange = await probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        ExchangeAssert.FailedIn(
            ProbePhase.Tls,
            "TLS handshake failed: certificate does not match the host name (RemoteCertificateNameMismatch)",
            exchange);
    }

    [Fact]
    public async Task SendAsync_TrustedRootsGiven_RejectsCertificateFromAnotherRoot()
    {
        var (_, certificate) = TestCertificates.Create();
        var (otherAuthority, _) = TestCertificates.Create();
        await using var server = await LoopbackServer.StartAsync(AnswerSecure, certificate);
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [otherAuthority] });

        var exchange = await probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.Equal(ProbePhase.Tls, exchange.FailedPhase);
        Assert.StartsWith("TLS handshake failed: certificate is not trusted", exchange.Error, StringComparison.Ordinal);
    }
}
