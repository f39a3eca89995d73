using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Checks;

/// <summary>A monitor's transport keys, from the config through the real probe to the step's result.</summary>
public sealed class CheckRunnerTransportTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RunAsync_NoFollowWithRedirectExpected_IsUp()
    {
        var result = await RunAsync("""
            url: BASE/old
            operation: data-fetch
            follow-redirects: false
            expect: { status: 301, headers: { Location: /new } }
            """);

        Assert.True(result.Health != Health.Down, result.Error);
        Assert.Equal(301, result.Steps[0].StatusCode);
        Assert.Equal(0, result.Steps[0].Redirects);
    }

    [Fact]
    public async Task RunAsync_RedirectToACachedAnswer_RecordsHopsVersionAndCdnCache()
    {
        var result = await RunAsync("""
            url: BASE/old
            operation: data-fetch
            http-version: 1.1
            """);

        var step = Assert.Single(result.Steps);
        Assert.True(result.Health != Health.Down, result.Error);
        Assert.Equal(1, step.Redirects);
        Assert.Equal("1.1", step.HttpVersion);
        Assert.Equal("X-Cache: Hit from cloudfront; CF-Cache-Status: HIT; Age: 30; Via: 1.1 edge", step.CdnCache);
    }

    [Fact]
    public async Task RunAsync_MetadataAddress_IsDownWithAClearReason()
    {
        var result = await RunAsync("""
            url: http://169.254.169.254/latest/meta-data/
            operation: data-fetch
            """);

        Assert.Equal(Health.Down, result.Health);
        Assert.Equal("refused by egress policy: 169.254.169.254 is a cloud metadata address (in connect)",
            result.Steps[0].Error);
    }

    [Fact]
    public async Task RunAsync_PrivateDeniedAtTopLevel_RefusesLoopback()
    {
        var result = await RunAsync("""
            url: BASE/new
            operation: data-fetch
            """, top: "egress: { private: deny }\n");

        Assert.Equal("refused by egress policy: 127.0.0.1 is a private address and private addresses are denied "
            + "(in connect)", result.Steps[0].Error);
    }

    [Fact]
    public async Task RunAsync_GzippedWindows1252Body_ConditionsSeeTheDecodedText()
    {
        var result = await RunAsync("""
            url: BASE/legacy
            operation: data-fetch
            expect: { body: { contains: "Grüße — “Köln”" } }
            """);

        Assert.True(result.Health != Health.Down, result.Error ?? result.Steps[0].Failure);
    }

    private async Task<CheckResult> RunAsync(string lines, string top = "")
    {
        var indented = string.Join("\n", lines.Split('\n').Select(line => "    " + line));
        var yaml = $"{top}monitors:\n  - name: api\n{indented}";
        var loaded = ConfigLoader.Parse(yaml.Replace("BASE", _server.Url("/").ToString().TrimEnd('/')), "t", _ => null);
        Assert.True(loaded.Config is not null, string.Join("\n", loaded.Errors));
        var runner = new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System);
        var monitor = loaded.Config.Monitors[0];
        return await runner.RunAsync(monitor, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    private static Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/old")
        {
            context.Response.Redirect("/new", permanent: true);
            return Task.CompletedTask;
        }

        if (context.Request.Path == "/legacy")
        {
            return WriteLegacyAsync(context.Response);
        }

        context.Response.Headers["X-Cache"] = "Hit from cloudfront";
        context.Response.Headers["CF-Cache-Status"] = "HIT";
        context.Response.Headers.Age = "30";
        context.Response.Headers.Via = "1.1 edge";
        return context.Response.WriteAsync("{}");
    }

    private static async Task WriteLegacyAsync(HttpResponse response)
    {
        response.Headers.ContentEncoding = "gzip";
        response.ContentType = "text/plain; charset=windows-1252";
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Grüße — “Köln”");
        await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await gzip.WriteAsync(bytes);
    }
}
