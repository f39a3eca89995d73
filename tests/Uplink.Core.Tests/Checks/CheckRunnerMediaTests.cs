using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Probes;
using Uplink.TestSupport;

namespace Uplink.Checks;

/// <summary>Uploads and downloads of media through the real probe against a loopback server.</summary>
public sealed class CheckRunnerMediaTests : IAsyncLifetime
{
    private static readonly byte[] Photo = RandomNumberGenerator.GetBytes(300_000);
    private static readonly string PhotoSha256 = Convert.ToHexStringLower(SHA256.HashData(Photo));

    private readonly ConcurrentQueue<string> _uploads = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RunAsync_GeneratedRawUpload_SendsThatManyBytesWithTheGivenType()
    {
        var result = await RunAsync("""
            method: PUT
            url: BASE/raw
            operation: file-upload
            body-bytes: 1MB
            headers: { Content-Type: image/jpeg }
            """);

        Assert.True(result.Health != Health.Down, result.Error);
        Assert.Equal(["raw image/jpeg 1048576"], _uploads);
    }

    [Fact]
    public async Task RunAsync_FileAsMultipartForm_SendsTheFileInItsField()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "avatar.jpg");
        await File.WriteAllBytesAsync(path, Photo);

        var result = await RunAsync($"""
            method: POST
            url: BASE/form
            operation: file-upload
            body-file: {path}
            form-field: photo
            """);

        Assert.True(result.Health != Health.Down, result.Error);
        Assert.Equal([$"form photo avatar.jpg image/jpeg {Photo.Length} {PhotoSha256}"], _uploads);
    }

    [Fact]
    public async Task RunAsync_DownloadMatchingDigestLengthAndType_PassesEachCondition()
    {
        var result = await RunAsync($"""
            url: BASE/photo.jpg
            operation: data-fetch
            expect: {"{"} sha256: {PhotoSha256}, length: {Photo.Length}, content-type: image/jpeg {"}"}
            """);

        Assert.True(result.Health != Health.Down, result.Error);
        Assert.Equal(4, result.Steps[0].Conditions.Count(c => c.Passed));
    }

    [Fact]
    public async Task RunAsync_DownloadWithAnotherDigest_IsDownShowingTheActualOne()
    {
        var other = new string('0', 64);
        var result = await RunAsync($"""
            url: BASE/photo.jpg
            operation: data-fetch
            expect: {"{"} sha256: {other}, length: 1KB {"}"}
            """);

        Assert.Equal(Health.Down, result.Health);
        var failed = result.Steps[0].Conditions.Where(c => !c.Passed).Select(c => c.Text).ToList();
        Assert.Equal([$"sha256 ({PhotoSha256}) == {other}", "length (300,000 B) == 1,024 B"], failed);
    }

    private async Task<CheckResult> RunAsync(string lines)
    {
        var indented = string.Join("\n", lines.Split('\n').Select(line => "    " + line));
        var yaml = $"monitors:\n  - name: media\n{indented}";
        var loaded = ConfigLoader.Parse(yaml.Replace("BASE", _server.Url("/").ToString().TrimEnd('/')), "t", _ => null);
        Assert.True(loaded.Config is not null, string.Join("\n", loaded.Errors));
        var runner = new CheckRunner(new HttpProbe(TimeProvider.System), TimeProvider.System);
        var monitor = loaded.Config.Monitors[0];
        return await runner.RunAsync(monitor, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        switch (request.Path.Value)
        {
            case "/raw":
                using (var body = new MemoryStream())
                {
                    await request.Body.CopyToAsync(body);
                    _uploads.Enqueue($"raw {request.ContentType} {body.Length}");
                }

                break;
            case "/form":
                var form = await request.ReadFormAsync();
                var file = form.Files.Single();
                using (var body = new MemoryStream())
                {
                    await file.CopyToAsync(body);
                    var digest = Convert.ToHexStringLower(SHA256.HashData(body.ToArray()));
                    _uploads.Enqueue($"form {file.Name} {file.FileName} {file.ContentType} {body.Length} {digest}");
                }

                break;
            default:
                context.Response.ContentType = "image/jpeg";
                await context.Response.Body.WriteAsync(Photo);
                break;
        }
    }
}
