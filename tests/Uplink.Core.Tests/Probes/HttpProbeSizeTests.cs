using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Uplink.TestSupport;

namespace Uplink.Probes;

/// <summary>Sizes on the wire and decoded, header bytes and the coding the server chose, against Kestrel.</summary>
public sealed class HttpProbeSizeTests : IAsyncLifetime
{
    private static readonly string Text = string.Concat(Enumerable.Repeat("{\"product\": \"phone case\"},", 2000));
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(ServeAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_GzipResponse_CountsCompressedWireBytesAndDecodedBytes()
    {
        var exchange = await new HttpProbe(TimeProvider.System).SendAsync(Plans.Get(_server.Url("/")), default);

        var transfer = exchange.Transfer;
        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal("gzip", transfer.ContentEncoding);
        Assert.Equal(Encoding.UTF8.GetByteCount(Text), transfer.DecodedBytes);
        Assert.InRange(transfer.HeaderBytes, 60, 400);
        Assert.InRange(transfer.BodyWireBytes, 1, transfer.DecodedBytes / 10);
        Assert.Equal(transfer.HeaderBytes + transfer.BodyWireBytes, transfer.WireBytes);
        Assert.InRange(transfer.BytesSent, 40, 400);
        Assert.Equal(2, transfer.RoundTrips);
    }

    [Fact]
    public async Task SendAsync_AcceptEncodingIdentity_AsksForNoCompressionAndGetsNone()
    {
        var plan = Plans.Get(_server.Url("/")) with { Headers = [new("Accept-Encoding", "identity")] };

        var exchange = await new HttpProbe(TimeProvider.System).SendAsync(plan, default);

        Assert.Equal("identity", exchange.Body.Length > 0 ? exchange.Headers["X-Asked"] : "");
        Assert.Null(exchange.Transfer.ContentEncoding);
        Assert.Equal(exchange.Transfer.DecodedBytes, exchange.Transfer.BodyWireBytes);
    }

    private static async Task ServeAsync(HttpContext context)
    {
        var asked = context.Request.Headers.AcceptEncoding.ToString();
        context.Response.Headers["X-Asked"] = asked;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(Text);
        if (!asked.Contains("gzip", StringComparison.Ordinal))
        {
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
            return;
        }

        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        context.Response.ContentLength = compressed.Length;
        await context.Response.Body.WriteAsync(compressed.ToArray());
    }
}
