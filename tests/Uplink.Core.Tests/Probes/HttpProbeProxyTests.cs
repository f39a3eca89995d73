using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;

namespace Uplink.Probes;

/// <summary>Sets proxy variables for the whole process, so it runs alone.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class HttpProbeProxyTests
{
    private readonly HttpProbe _probe = new(TimeProvider.System);

    [Fact]
    public async Task SendAsync_ProxyVariablesSet_IgnoresThem()
    {
        using var proxy = RawServer.Start(AnswerAsProxyAsync);
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("direct"));
        using var variables = new ProxyVariables(proxy.Url);

        var exchange = await _probe.SendAsync(Plans.Get(server.Url(host: "localhost")), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("direct", exchange.Body);
        Assert.False(proxy.Served.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_ProxiedMetadataAddress_RefusedBeforeTheProxyHearsOfIt()
    {
        using var proxy = RawServer.Start(AnswerAsProxyAsync);
        var plan = Plans.Get(new Uri("http://169.254.169.254/latest/meta-data/")) with { Proxy = proxy.Url };

        var exchange = await new HttpProbe(TimeProvider.System).SendAsync(plan, CancellationToken.None);

        Assert.StartsWith("refused by egress policy: 169.254.169.254", exchange.Error, StringComparison.Ordinal);
        Assert.False(proxy.Served.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_MonitorNamesAProxy_SendsThroughIt()
    {
        using var proxy = RawServer.Start(AnswerAsProxyAsync);
        var plan = Plans.Get(new Uri("http://api.example/health")) with { Proxy = proxy.Url };

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);
        await proxy.Served;

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("via proxy: GET http://api.example/health HTTP/1.1", exchange.Body);
    }

    private static async Task AnswerAsProxyAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var read = await socket.ReceiveAsync(buffer);
        var requestLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        var body = Encoding.ASCII.GetBytes("via proxy: " + requestLine);
        var head = $"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        await socket.SendAsync(body);
    }

    /// <summary>Points every proxy variable at a proxy for the life of a test.</summary>
    private sealed class ProxyVariables : IDisposable
    {
        private static readonly string[] Names = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy"];

        private readonly Dictionary<string, string?> _saved =
            Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

        public ProxyVariables(Uri proxy)
        {
            foreach (var name in Names)
            {
                Environment.SetEnvironmentVariable(name, proxy.ToString());
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
