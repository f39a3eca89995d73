using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;
using Xunit.Abstractions;

namespace Uplink.Probes;

public sealed class HttpProbeFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CoupleOfSeconds = TimeSpan.FromSeconds(2);

    // Timers run on a coarser clock than the one durations are measured with and can fire a tick early.
    private static readonly TimeSpan TimerTick = TimeSpan.FromMilliseconds(20);

    private readonly HttpProbe _probe = new(TimeProvider.System);

    [Fact]
    public async Task SendAsync_NobodyListening_FailsInConnectAsRefused()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");

        var exchange = await _probe.SendAsync(Plans.Get(url), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Connect, "connection refused", exchange);
        Assert.Null(exchange.Timings.Connect);
        Assert.Null(exchange.StatusCode);
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_FailsInFirstByteAfterTimeout()
    {
        await using var server =
            await LoopbackServer.StartAsync(context => ServerDelay.ForeverAsync(context.RequestAborted));
        var started = TimeProvider.System.GetTimestamp();

        var exchange = await _probe.SendAsync(Plans.Get(server.Url(), ShortTimeout), CancellationToken.None);

        Assert.True(TimeProvider.System.GetElapsedTime(started) < CoupleOfSeconds);
        ExchangeAssert.FailedIn(ProbePhase.FirstByte, "timed out after 500 ms", exchange);
        Assert.NotNull(exchange.Timings.Connect);
        Assert.Null(exchange.Timings.FirstByte);
        Assert.InRange(exchange.Duration, ShortTimeout - TimerTick, CoupleOfSeconds);
        output.WriteLine($"{exchange.Error} in {exchange.FailedPhase}: {exchange.Timings} in {exchange.Duration}");
    }

    [Fact]
    public async Task SendAsync_ServerStallsMidBody_FailsInDownloadAfterTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 1000;
            await context.Response.WriteAsync(new string('a', 100));
            await context.Response.Body.FlushAsync();
            await ServerDelay.ForeverAsync(context.RequestAborted);
        });

        // Three seconds rather than half of one: the request must get as far as the body before time
        // runs out, even on a first request to a fresh server while other work keeps both cores busy.
        var exchange = await _probe.SendAsync(Plans.Get(server.Url(), TimeSpan.FromSeconds(3)), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Download, "timed out after 3 s", exchange);
        Assert.NotNull(exchange.Timings.FirstByte);
        Assert.Null(exchange.Timings.Download);
        Assert.True(exchange.BytesReceived > 100);
    }

    [Fact]
    public async Task SendAsync_ServerClosesMidBody_FailsInDownload()
    {
        using var server = RawServer.Start(async socket =>
        {
            await RawServer.ReadRequestAsync(socket);
            await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));
            await socket.SendAsync(Encoding.ASCII.GetBytes(new string('a', 100)));
            socket.Shutdown(SocketShutdown.Send);
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url), CancellationToken.None);
        await server.Served;

        ExchangeAssert.FailedIn(
            ProbePhase.Download,
            "the server closed the connection before the response was complete",
            exchange);
        Assert.NotNull(exchange.Timings.FirstByte);
        Assert.Null(exchange.Timings.Download);
    }

    [Fact]
    public async Task SendAsync_ServerResetsConnection_FailsWithoutThrowing()
    {
        using var server = RawServer.Start(async socket =>
        {
            await RawServer.ReadRequestAsync(socket);
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url), CancellationToken.None);
        await server.Served;

        ExchangeAssert.FailedIn(ProbePhase.FirstByte, "connection reset by the server", exchange);
    }

    [Fact]
    public async Task SendAsync_NameNotResolved_FailsInDns()
    {
        // Resolving a made-up name here would still query the network's resolver, so the failure is
        // injected at the same point the system resolver would raise it.
        var probe = new HttpProbe(
            TimeProvider.System,
            null,
            (_, _) => Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));

        var exchange = await probe.SendAsync(Plans.Get(new Uri("http://nonexistent.invalid/")), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Dns, "name not resolved", exchange);
        Assert.Equal(PhaseTimings.None, exchange.Timings);
    }

    [Theory]
    [InlineData("", ProbePhase.FirstByte)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", ProbePhase.Download)]
    public async Task SendAsync_ServerTricklesAByteEvery100Ms_EndsAtTheTimeoutNamingThePhase(
        string head,
        ProbePhase phase)
    {
        var trickled = head.Length == 0 ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello" : new string('a', 100000);
        using var server = RawServer.Start(socket => TrickleAsync(socket, head, trickled));
        var timeout = TimeSpan.FromSeconds(1);
        var started = TimeProvider.System.GetTimestamp();

        var exchange = await _probe.SendAsync(Plans.Get(server.Url, timeout), CancellationToken.None);

        ExchangeAssert.FailedIn(phase, "timed out after 1 s", exchange);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), timeout - TimerTick, timeout + ShortTimeout);
        // Bytes kept arriving (how many depends on how busy the machine is), yet the check ended on time.
        Assert.True(exchange.BytesReceived > 0, $"{exchange.BytesReceived} bytes received");
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            reached.SetResult();
            return ServerDelay.ForeverAsync(context.RequestAborted);
        });
        using var cancellation = new CancellationTokenSource();

        var sending = _probe.SendAsync(Plans.Get(server.Url()), cancellation.Token);
        await reached.Task;
        await cancellation.CancelAsync();

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static async Task TrickleAsync(Socket socket, string head, string trickled)
    {
        await RawServer.ReadRequestAsync(socket);
        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            foreach (var c in trickled)
            {
                await socket.SendAsync(new[] { (byte)c });
                await Task.Delay(100);
            }
        }
        catch (SocketException)
        {
            // The client gave up, as it should.
        }
    }
}
