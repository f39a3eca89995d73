using System.Net;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;

namespace Uplink.Probes;

/// <summary>
/// The egress policy against addresses a test must never reach: every refusal is asserted to have
/// happened before any connection attempt, so no packet left the machine.
/// </summary>
public sealed class HttpProbeEgressTests
{
    private static readonly Dictionary<string, IPAddress[]> Names = new()
    {
        ["metadata.example"] = [IPAddress.Parse("169.254.169.254")],
        ["v6-metadata.example"] = [IPAddress.Parse("fd00:ec2::254")],
        ["rebinding.example"] = [IPAddress.Loopback, IPAddress.Parse("169.254.169.254")],
        ["intranet.example"] = [IPAddress.Parse("10.1.2.3")],
        ["localhost"] = [IPAddress.Loopback],
    };

    private readonly RecordingConnector _connector = new(Names);

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address")]
    [InlineData("http://100.100.100.200/latest/meta-data/", "100.100.100.200 is a cloud metadata address")]
    [InlineData("http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address")]
    [InlineData("http://169.254.1.1/", "169.254.1.1 is a link-local address")]
    [InlineData("http://[fe80::1]/", "fe80::1 is a link-local address")]
    [InlineData("http://metadata.example/", "169.254.169.254 is a cloud metadata address")]
    [InlineData("http://v6-metadata.example/", "fd00:ec2::254 is a cloud metadata address")]
    [InlineData("http://rebinding.example/", "169.254.169.254 is a cloud metadata address")]
    public async Task SendAsync_MetadataOrLinkLocal_RefusedBeforeConnecting(string url, string reason)
    {
        var exchange = await Probe().SendAsync(Plans.Get(new Uri(url)), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Connect, "refused by egress policy: " + reason, exchange);
        Assert.Empty(_connector.Attempted);
        Assert.Null(exchange.Timings.Connect);
    }

    [Fact]
    public async Task SendAsync_RedirectToMetadata_RefusedBeforeConnecting()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
            return Task.CompletedTask;
        });

        var exchange = await Probe().SendAsync(Plans.Get(server.Url("/avatar")), CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Connect,
            "refused by egress policy: 169.254.169.254 is a cloud metadata address", exchange);
        Assert.Equal([IPAddress.Loopback], _connector.Attempted);
        Assert.Equal(1, exchange.Redirects);
    }

    [Fact]
    public async Task SendAsync_RedirectToNameResolvingToMetadata_RefusedBeforeConnecting()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Redirect("http://metadata.example/");
            return Task.CompletedTask;
        });

        var exchange = await Probe().SendAsync(Plans.Get(server.Url("/")), CancellationToken.None);

        Assert.Equal("refused by egress policy: 169.254.169.254 is a cloud metadata address", exchange.Error);
        Assert.Equal(["metadata.example"], _connector.Resolved);
        Assert.Equal([IPAddress.Loopback], _connector.Attempted);
    }

    [Fact]
    public async Task SendAsync_PrivateAddressByDefault_Allowed()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("home lab"));

        var exchange = await Probe().SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("home lab", exchange.Body);
    }

    [Theory]
    [InlineData("http://intranet.example/", "10.1.2.3")]
    [InlineData("http://192.168.1.10/", "192.168.1.10")]
    [InlineData("http://127.0.0.1:9/", "127.0.0.1")]
    public async Task SendAsync_PrivateAddressDenied_RefusedBeforeConnecting(string url, string address)
    {
        var plan = Plans.Get(new Uri(url)) with { Egress = new EgressPolicy { DenyPrivate = true } };

        var exchange = await Probe().SendAsync(plan, CancellationToken.None);

        ExchangeAssert.FailedIn(ProbePhase.Connect,
            $"refused by egress policy: {address} is a private address and private addresses are denied", exchange);
        Assert.Empty(_connector.Attempted);
    }

    private HttpProbe Probe() => new(TimeProvider.System, null, _connector.Connector);
}
