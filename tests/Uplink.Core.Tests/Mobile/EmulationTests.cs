using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Mobile;

/// <summary>
/// A check run on an emulated 3G link against Kestrel on loopback, in real time, compared with the
/// 3G projection of the same check.
/// </summary>
public sealed class EmulationTests : IAsyncLifetime
{
    private const int Megabyte = 1024 * 1024;
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(async context =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = Megabyte;
        await context.Response.Body.WriteAsync(new byte[Megabyte]);
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RunAsync_OneMegabyteEmulatedOn3g_LandsWithin15PercentOfThe3gProjection()
    {
        var monitor = ConfigTestEnvironment.ParseValid($"""
            monitors:
              - name: download
                url: {_server.Url("/photo")}
                operation: file-upload
                timeout: 30s
                emulate: 3g
            """).Monitors.Single();

        var result = await new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System)
            .RunAsync(monitor, TimeProvider.System.GetUtcNow(), default);

        var step = Assert.Single(result.Steps);
        var projection = Assert.Single(step.Transfer!.Projections);
        Assert.True(step.Error is null, step.Error);
        Assert.Equal("3g", step.Transfer.Emulated);
        Assert.True(projection.Emulated);
        var ratio = step.Duration / projection.Duration;
        Assert.True(Math.Abs(ratio - 1) <= 0.15,
            $"measured {step.Duration.TotalSeconds:0.00} s, projected {projection.Duration.TotalSeconds:0.00} s");
    }

    [Fact]
    public async Task SendAsync_EmulatedProfile_PacesTheDownloadByTheClock()
    {
        var profile = new NetworkProfile("test", 8 * 256 * 1024, 8 * 256 * 1024, TimeSpan.FromMilliseconds(50), 0);
        var plan = Plans.Get(_server.Url("/photo")) with { Emulate = profile };

        var exchange = await new HttpProbe(TimeProvider.System).SendAsync(plan, default);

        Assert.True(exchange.Succeeded, exchange.Error);
        // 1 MB at 256 KB/s is 4 s at least; a busy machine's late timers may only add to it.
        Assert.InRange(exchange.Duration.TotalSeconds, 3.9, 8);
    }
}
