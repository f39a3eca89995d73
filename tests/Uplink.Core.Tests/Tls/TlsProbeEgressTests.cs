using Uplink.Probes;

namespace Uplink.Tls;

public sealed class TlsProbeEgressTests
{
    [Theory]
    [InlineData("169.254.169.254", "169.254.169.254 is a cloud metadata address")]
    [InlineData("fe80::1", "fe80::1 is a link-local address")]
    public async Task HandshakeAsync_MetadataOrLinkLocal_RefusedBeforeConnecting(string host, string reason)
    {
        var probe = new TlsProbe(TimeProvider.System);

        // A connection attempt would end in a timeout or an unreachable network, never in this refusal.
        var exchange = await probe.HandshakeAsync(new TlsTarget { Host = host }, TimeSpan.FromSeconds(5),
            CancellationToken.None);

        Assert.Equal(ProbePhase.Connect, exchange.FailedPhase);
        Assert.Equal("refused by egress policy: " + reason, exchange.Error);
        Assert.Null(exchange.Timings.Connect);
    }

    [Fact]
    public async Task HandshakeAsync_PrivateDenied_RefusesLoopback()
    {
        var target = new TlsTarget { Host = "127.0.0.1", Port = 9, Egress = new EgressPolicy { DenyPrivate = true } };

        var exchange = await new TlsProbe(TimeProvider.System).HandshakeAsync(target, TimeSpan.FromSeconds(5),
            CancellationToken.None);

        Assert.Equal("refused by egress policy: 127.0.0.1 is a private address and private addresses are denied",
            exchange.Error);
    }
}
