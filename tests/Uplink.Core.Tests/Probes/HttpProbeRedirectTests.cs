using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;

namespace Uplink.Probes;

public sealed class HttpProbeRedirectTests
{
    private readonly HttpProbe _probe = new(TimeProvider.System);

    [Theory]
    [InlineData(301, "GET", "")]
    [InlineData(302, "GET", "")]
    [InlineData(303, "GET", "")]
    [InlineData(307, "POST", "photo")]
    [InlineData(308, "POST", "photo")]
    public async Task SendAsync_PostRedirected_ChangesMethodOnlyWhereTheStatusSaysSo(
        int status,
        string expectedMethod,
        string expectedBody)
    {
        var arrived = new TaskCompletionSource<string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/upload")
            {
                context.Response.StatusCode = status;
                context.Response.Headers.Location = "/stored";
                return;
            }

            using var reader = new StreamReader(context.Request.Body);
            arrived.TrySetResult($"{context.Request.Method} {await reader.ReadToEndAsync()}".Trim());
            await context.Response.WriteAsync("stored");
        });
        var plan = new HttpRequestPlan("POST", server.Url("/upload"), [], "photo", Plans.DefaultTimeout);

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal($"{expectedMethod} {expectedBody}".Trim(), await arrived.Task);
        Assert.Equal(1, exchange.Redirects);
        Assert.Equal(server.Url("/stored"), exchange.FinalUrl);
        Assert.Equal(expectedMethod, exchange.Method);
    }

    [Fact]
    public async Task SendAsync_RelativeLocation_ResolvesAgainstTheCurrentAddress()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/api/v1/items")
            {
                context.Response.Redirect("../v2/items?page=1");
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync($"{context.Request.Path}{context.Request.QueryString}");
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url("/api/v1/items")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("/api/v2/items?page=1", exchange.Body);
        Assert.NotNull(exchange.Timings.FirstByte);
    }

    [Fact]
    public async Task SendAsync_RedirectLoop_NamesTheLoop()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect(context.Request.Path == "/a" ? "/b" : "/a");
            return Task.CompletedTask;
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url("/a")), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.FirstByte, "redirect loop: /a -> /b -> /a", exchange);
        Assert.Equal(HttpStatusCode.Found, exchange.StatusCode);
        Assert.Equal(1, exchange.Redirects);
    }

    [Fact]
    public async Task SendAsync_MoreRedirectsThanTheLimit_FailsNamingTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var step = int.Parse(context.Request.Path.Value!.TrimStart('/'), CultureInfo.InvariantCulture);
            context.Response.Redirect($"/{step + 1}");
            return Task.CompletedTask;
        });
        var plan = Plans.Get(server.Url("/0")) with { MaxRedirects = 3 };

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.FirstByte, "more than 3 redirects; the last one pointed to /4", exchange);
        Assert.Equal(3, exchange.Redirects);
    }

    [Fact]
    public async Task SendAsync_NoFollow_ReturnsTheRedirectItself()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.Redirect("/login", permanent: true);
            return Task.CompletedTask;
        });
        var plan = Plans.Get(server.Url("/home")) with { MaxRedirects = 0 };

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(HttpStatusCode.MovedPermanently, exchange.StatusCode);
        Assert.Equal("/login", exchange.Headers["Location"]);
        Assert.Equal(0, exchange.Redirects);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task SendAsync_RedirectToAnotherHost_ResolvesItAndNamesItInHostAndSni()
    {
        var (authority, certificate) = TestCertificates.Create("localhost");
        var seen = new ConcurrentQueue<string>();
        await using var target = await LoopbackServer.StartAsync(
            context =>
            {
                seen.Enqueue($"host={context.Request.Host}");
                return context.Response.WriteAsync("other host");
            },
            certificate);
        await using var origin = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect(target.Url("/", host: "localhost").ToString());
            return Task.CompletedTask;
        });
        var connector = RecordingConnector.Localhost();
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { TrustedRoots = [authority] },
            connector.Connector);

        var exchange = await probe.SendAsync(Plans.Get(origin.Url("/")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("other host", exchange.Body);
        Assert.Equal([$"host=localhost:{target.Port}"], seen);
        Assert.Equal(["localhost"], connector.Resolved);
        Assert.NotNull(exchange.Timings.Dns);
        Assert.NotNull(exchange.Timings.Tls);
        // The certificate is for localhost only: the handshake succeeding shows the name went in SNI.
        Assert.Equal("localhost", exchange.Tls?.ServerName);
        Assert.True(exchange.Tls?.HostNameMatches);
    }
}
