using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Uplink.TestSupport;

namespace Uplink.Probes;

public sealed class HttpProbeVersionTests
{
    private static readonly RequestDelegate AnswerProtocol =
        context => context.Response.WriteAsync(context.Request.Protocol);

    [Fact]
    public async Task SendAsync_Http2OnlyServerOverTls_NegotiatesHttp2WithAlpn()
    {
        var (authority, certificate) = TestCertificates.Create();
        await using var server = await LoopbackServer.StartAsync(AnswerProtocol, certificate,
            protocols: HttpProtocols.Http2);
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [authority] });
        var plan = Plans.Get(server.Url(host: "localhost")) with { HttpVersion = HttpVersion.Version20 };

        var exchange = await probe.SendAsync(plan, CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("HTTP/2", exchange.Body);
        Assert.Equal("2", exchange.HttpVersion);
        Assert.NotNull(exchange.Timings.Tls);
        Assert.NotNull(exchange.Timings.FirstByte);
        Assert.True(exchange.BytesReceived > 0);
    }

    [Fact]
    public async Task SendAsync_Http2OnlyPlainServer_SpeaksH2cWithPriorKnowledge()
    {
        await using var server = await LoopbackServer.StartAsync(AnswerProtocol, protocols: HttpProtocols.Http2);
        var plan = Plans.Get(server.Url()) with { HttpVersion = HttpVersion.Version20 };

        var exchange = await new HttpProbe(TimeProvider.System).SendAsync(plan, CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("HTTP/2", exchange.Body);
        Assert.Equal("2", exchange.HttpVersion);
    }

    [Fact]
    public async Task SendAsync_Http11Asked_SpeaksHttp11EvenWhereHttp2IsOffered()
    {
        var (authority, certificate) = TestCertificates.Create();
        await using var server = await LoopbackServer.StartAsync(AnswerProtocol, certificate);
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [authority] });
        var plan = Plans.Get(server.Url(host: "localhost")) with { HttpVersion = HttpVersion.Version11 };

        var exchange = await probe.SendAsync(plan, CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("HTTP/1.1", exchange.Body);
        Assert.Equal("1.1", exchange.HttpVersion);
    }
}
