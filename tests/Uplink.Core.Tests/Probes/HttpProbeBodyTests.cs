using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Uplink.TestSupport;

namespace Uplink.Probes;

public sealed class HttpProbeBodyTests
{
    private const string Text = "Grüße aus Köln, café crème — 東京の天気";

    private readonly HttpProbe _probe = new(TimeProvider.System);

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task SendAsync_CompressedBody_DecodesIt(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await using var compressed = Compress(context.Response.Body, encoding);
            await compressed.WriteAsync(Encoding.UTF8.GetBytes(Text));
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(Text, exchange.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(Text), exchange.BodyBytes);
    }

    [Theory]
    [InlineData("windows-1252", "Grüße — “quoted” café")]
    [InlineData("ISO-8859-1", "Grüße aus Köln")]
    [InlineData("Shift_JIS", "東京の天気は晴れ")]
    public async Task SendAsync_LegacyCharsetGzipped_DecodesBothLayers(string charset, string text)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = $"text/plain; charset={charset}";
            await using var gzip = new GZipStream(context.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(encoding.GetBytes(text));
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(text, exchange.Body);
    }

    [Fact]
    public async Task SendAsync_DecompressionBomb_StopsAtTheCapAndSaysSo()
    {
        var bomb = GzipOfZeros(64 * 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        var plan = Plans.Get(server.Url()) with { MaxBodyBytes = 1024 * 1024 };

        var exchange = await _probe.SendAsync(plan, CancellationToken.None);

        Assert.Equal(ProbePhase.Download, exchange.FailedPhase);
        Assert.StartsWith("body larger than 1 MB once decompressed from ", exchange.Error);
        Assert.EndsWith(" on the wire; read stopped at the cap", exchange.Error);
        Assert.True(bomb.Length < 100 * 1024, $"{bomb.Length} bytes of gzip");
        Assert.Equal(1024 * 1024, exchange.BodyBytes);
        Assert.True(exchange.BytesReceived <= bomb.Length + 1024, $"{exchange.BytesReceived} bytes received");
    }

    [Fact]
    public async Task SendAsync_Body_RecordsItsSha256()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "image/jpeg";
            await context.Response.Body.WriteAsync(bytes);
        });

        var exchange = await _probe.SendAsync(Plans.Get(server.Url()), CancellationToken.None);

        Assert.True(exchange.Succeeded, exchange.Error);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), exchange.BodySha256);
        Assert.Equal(bytes.Length, exchange.BodyBytes);
    }

    private static Stream Compress(Stream body, string encoding) => encoding switch
    {
        "gzip" => new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(body, CompressionLevel.Fastest, leaveOpen: true),
        _ => new ZLibStream(body, CompressionLevel.Fastest, leaveOpen: true),
    };

    private static byte[] GzipOfZeros(int length)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[64 * 1024];
            for (var written = 0; written < length; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
