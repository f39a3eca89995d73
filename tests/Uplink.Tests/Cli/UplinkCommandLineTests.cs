using System.Net;
using System.Net.Sockets;
using Uplink.TestSupport;

namespace Uplink.Cli;

/// <summary>The real <c>uplink</c> command's answers to bad input: one clear line and exit code 2.</summary>
public sealed class UplinkCommandLineTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Validate_BadConfig_ListsEveryErrorAndExitsTwo()
    {
        var config = Write("bad.yaml", """
            defaults: { interval: 30 sec }
            monitors:
              - name: api
                url: http://127.0.0.1:9/health
                operation: serch
            """);

        var (exitCode, output) = await UplinkProcess.RunAsync(NoEnvironment, Timeout, "validate", config);

        Assert.Equal(ExitCodes.BadConfig, exitCode);
        Assert.Contains("bad.yaml: 2 error(s)", output);
        Assert.Contains("defaults.interval (line 1, column 23): '30 sec' is not a duration", output);
        Assert.Contains("monitors[0].operation (line 5, column 16): unknown operation 'serch'", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Validate_GoodConfig_SaysHowManyMonitorsAndExitsZero()
    {
        var config = Write("good.yaml", "monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    operation: search\n");

        var (exitCode, output) = await UplinkProcess.RunAsync(NoEnvironment, Timeout, "validate", config);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("valid, 1 monitor(s)", output);
    }

    [Fact]
    public async Task Serve_PortInUse_NamesTheOptionAndExitsTwo()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var config = Write("one.yaml", "monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    operation: search\n");

        var (exitCode, output) = await UplinkProcess.RunAsync(
            NoEnvironment, Timeout, "serve", "--config", config, "--urls", $"http://127.0.0.1:{port}", "--data", _folder);

        Assert.Equal(ExitCodes.BadConfig, exitCode);
        Assert.Contains($"--urls: http://127.0.0.1:{port} is already in use by another program", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Serve_DataFolderIsAFile_NamesTheOptionAndExitsTwo()
    {
        var config = Write("one.yaml", "monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    operation: search\n");
        var file = Write("not-a-folder", "");

        var (exitCode, output) = await UplinkProcess.RunAsync(
            NoEnvironment, Timeout, "serve", "--config", config, "--urls", "http://127.0.0.1:0", "--data", file);

        Assert.Equal(ExitCodes.BadConfig, exitCode);
        Assert.Contains($"--data: cannot use '{file}' as the data folder", output);
    }

    [Fact]
    public async Task Serve_UrlsNotAnAddress_NamesTheOptionAndExitsTwo()
    {
        var config = Write("one.yaml", "monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    operation: search\n");

        var (exitCode, output) = await UplinkProcess.RunAsync(
            NoEnvironment, Timeout, "serve", "--config", config, "--urls", "garbage");

        Assert.Equal(ExitCodes.BadConfig, exitCode);
        Assert.Contains("--urls: 'garbage' is not an address to listen on", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check --config a.yaml --fail-on sometimes")]
    [InlineData("launch")]
    public async Task BadUsage_ExitsTwoWithAHint(string arguments)
    {
        var (exitCode, output) = await UplinkProcess.RunAsync(NoEnvironment, Timeout, arguments.Split(' '));

        Assert.Equal(ExitCodes.BadConfig, exitCode);
        Assert.Contains("Run 'uplink --help'", output);
    }

    [Fact]
    public async Task Check_RefusedTarget_PrintsTheFailureAndExitsOne_FailOnIgnoresCase()
    {
        var config = Write("one.yaml", "monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    operation: search\n");

        var (exitCode, output) = await UplinkProcess.RunAsync(
            NoEnvironment, Timeout, "check", "--config", config, "--fail-on", "DOWN");

        Assert.Equal(ExitCodes.Unhealthy, exitCode);
        Assert.Matches(@"│ api\s+│ down ", output);
        Assert.Contains("connection refused (in connect)", output);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
