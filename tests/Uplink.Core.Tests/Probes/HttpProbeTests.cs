using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;
using Xunit.Abstractions;

namespace Uplink.Probes;

public sealed class HttpProbeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ServerPause = TimeSpan.FromMilliseconds(300);

    // The client stamps each arrival when the scheduler wakes it, a few milliseconds late under load;
    // a pause between two arrivals is stretched by this much so that the jitter cannot hide any of it.
    private static readonly TimeSpan WakeUpJitter = TimeSpan.FromMilliseconds(25);

    private readonly HttpProbe _probe = new(TimeProvider.System);

    [Fact]
    public async Task SendAsync_PlainHttp_ReturnsResponseAndTimesEachPhase()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.Append("X-Multi", new(["one", "two"]));
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("hello, phone");
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url("/status")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal("hello, phone", exchange.Body);
        Assert.Equal(12, exchange.BodyBytes);
        Assert.True(exchange.BytesReceived > exchange.BodyBytes);
        Assert.Equal("one, two", exchange.Headers["x-multi"]);
        Assert.Equal("text/plain; charset=utf-8", exchange.Headers["Content-Type"]);
        Assert.Null(exchange.Timings.Dns);
        Assert.NotNull(exchange.Timings.Connect);
        Assert.Null(exchange.Timings.Tls);
        Assert.NotNull(exchange.Timings.FirstByte);
        Assert.NotNull(exchange.Timings.Download);
        Assert.True(exchange.Duration >= exchange.Timings.Connect + exchange.Timings.FirstByte);
        output.WriteLine($"{exchange.Timings} in {exchange.Duration}, {exchange.BytesReceived} bytes");
    }

    [Fact]
    public async Task SendAsync_HostName_TimesDns()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("ok"));

        var exchange = await _probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.NotNull(exchange.Timings.Dns);
        Assert.NotNull(exchange.Timings.Connect);
        output.WriteLine($"{exchange.Timings} in {exchange.Duration}");
    }

    [Fact]
    public async Task SendAsync_ServerPausesBeforeHeaders_ChargesPauseToFirstByte()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await ServerDelay.AtLeastAsync(ServerPause, context.RequestAborted);
            await context.Response.WriteAsync("late");
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.True(exchange.Timings.FirstByte >= ServerPause, $"first byte {exchange.Timings.FirstByte}");
        Assert.True(exchange.Timings.Connect < ServerPause / 2, $"connect {exchange.Timings.Connect}");
        Assert.True(exchange.Timings.Download < ServerPause, $"download {exchange.Timings.Download}");
        output.WriteLine($"{exchange.Timings} in {exchange.Duration}");
    }

    [Fact]
    public async Task SendAsync_ServerPausesAfterHeaders_ChargesPauseToDownload()
    {
        // A bare socket, because Kestrel's flush can return before the headers are on the wire: here
        // the pause starts only once the kernel holds them.
        using var server = RawServer.Start(async socket =>
        {
            await RawServer.ReadRequestAsync(socket);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n"));
            await ServerDelay.AtLeastAsync(ServerPause + WakeUpJitter, CancellationToken.None);
            await socket.SendAsync(Encoding.ASCII.GetBytes("the rest"));
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url), CancellationToken.None);
        await server.Served;

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("the rest", exchange.Body);
        Assert.True(exchange.Timings.Download >= ServerPause, $"download {exchange.Timings.Download}");
        Assert.True(exchange.Timings.FirstByte < ServerPause, $"first byte {exchange.Timings.FirstByte}");
        output.WriteLine($"{exchange.Timings} in {exchange.Duration}");
    }

    [Fact]
    public async Task SendAsync_GzipBody_DecodesBodyAndCountsCompressedBytes()
    {
        var text = string.Concat(Enumerable.Repeat("{\"item\":\"the same line again\"}\n", 400));
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/json";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Optimal, leaveOpen: true);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(text));
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(text, exchange.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), exchange.BodyBytes);
        Assert.True(exchange.BytesReceived < exchange.BodyBytes, $"{exchange.BytesReceived} bytes on the wire");
        output.WriteLine($"{exchange.BytesReceived} bytes on the wire for {exchange.BodyBytes} bytes of body");
    }

    [Fact]
    public async Task SendAsync_DeclaredCharset_DecodesBodyWithIt()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain; charset=iso-8859-1";
            await context.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("café"));
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.Equal("café", exchange.Body);
        Assert.Equal(4, exchange.BodyBytes);
    }

    [Fact]
    public async Task SendAsync_PostWithHeaders_DeliversMethodBodyAndHeaders()
    {
        var received = new TaskCompletionSource<ReceivedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var headers = context.Request.Headers;
            received.SetResult(new(
                context.Request.Method,
                await reader.ReadToEndAsync(context.RequestAborted),
                headers.ContentType.ToString(),
                headers["X-App-Version"].ToString(),
                headers.UserAgent.ToString(),
                headers.AcceptEncoding.ToString()));
        });
        var plan = new HttpRequestPlan(
            "POST",
            server.Url("/login"),
            [new("Content-Type", "application/json"), new("X-App-Version", "5.1"), new("User-Agent", "Phone/1")],
            "{\"user\":\"zoë\"}",
            Plans.DefaultTimeout);

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);
        var request = await received.Task;

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(new ReceivedRequest(
            "POST", "{\"user\":\"zoë\"}", "application/json", "5.1", "Phone/1", "gzip, br, deflate"), request);
    }

    [Fact]
    public async Task SendAsync_NoHeadersGiven_SendsDefaultUserAgentAndNoContentType()
    {
        var received = new TaskCompletionSource<ReceivedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var headers = context.Request.Headers;
            received.SetResult(new(
                context.Request.Method,
                await reader.ReadToEndAsync(context.RequestAborted),
                headers.ContentType.ToString(),
                "",
                headers.UserAgent.ToString(),
                headers.AcceptEncoding.ToString()));
        });

        var plan = new HttpRequestPlan("PUT", server.Url(), [], "plain words", Plans.DefaultTimeout);
        await _probe.SendAsync(plan, CancellationToken.None);

        var expected = new ReceivedRequest("PUT", "plain words", "", "", "Uplink/0.1", "gzip, br, deflate");
        Assert.Equal(expected, await received.Task);
    }

    [Fact]
    public async Task SendAsync_BodyOverLimit_StopsReadingAndFailsInDownload()
    {
        var probe = new HttpProbe(TimeProvider.System, new HttpProbeOptions { MaxBodyBytes = 1024 });
        await using var server =
            await LoopbackServer.StartAsync(context => context.Response.WriteAsync(new string('x', 4096)));

        var exchange = await probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Download, "body larger than 1 KB; read stopped", exchange);
        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal(1024, exchange.BodyBytes);
        Assert.Equal(new string('x', 1024), exchange.Body);
        Assert.Null(exchange.Timings.Download);
    }

    [Fact]
    public async Task SendAsync_Redirect_FollowsToTheFinalResponse()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/old")
            {
                context.Response.Redirect("/new");
                return Task.CompletedTask;
            }

            return context.Response.WriteAsync("moved here");
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url("/old")), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, exchange.StatusCode);
        Assert.Equal("moved here", exchange.Body);
    }

    [Fact]
    public async Task SendAsync_RedirectToItself_FailsNamingTheLoop()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect("/loop");
            return Task.CompletedTask;
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url("/loop")), CancellationToken.None);

        Assert.Equal(ProbePhase.FirstByte, exchange.FailedPhase);
        Assert.Equal(HttpStatusCode.Found, exchange.StatusCode);
        Assert.Equal("redirect loop: /loop -> /loop", exchange.Error);
    }

    [Fact]
    public async Task SendAsync_TwoChecks_ResolveTheNameEachTime()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("ok"));
        var connector = RecordingConnector.Localhost();
        var probe = new HttpProbe(TimeProvider.System, null, connector.Connector);

        var first = await probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);
        var second = await probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        Assert.True(first.Succeeded && second.Succeeded, first.Error ?? second.Error);
        Assert.Equal(["localhost", "localhost"], connector.Resolved);
        Assert.NotNull(second.Timings.Dns);
    }

    private sealed record ReceivedRequest(
        string Method,
        string Body,
        string ContentType,
        string AppVersion,
        string UserAgent,
        string AcceptEncoding);
}
