using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Hosting;
using Uplink.Probes;
using Uplink.Storage;

namespace Uplink.TestSupport;

/// <summary>
/// A real Uplink server on a free loopback port with its data in a temporary folder, checking its
/// monitors through a <see cref="ScriptedHttpProbe"/>. Disposing stops it and deletes the folder.
/// </summary>
public sealed class UplinkTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private UplinkTestServer(WebApplication app, string dataFolder, ScriptedHttpProbe probe)
    {
        _app = app;
        _dataFolder = dataFolder;
        Probe = probe;
        var server = app.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The SQLite file the server stores into.</summary>
    public string DatabasePath => Path.Combine(_dataFolder, "uplink.db");

    public HttpClient Client { get; }

    public ScriptedHttpProbe Probe { get; }

    public IServiceProvider Services => _app.Services;

    public LatestResults Latest => Services.GetRequiredService<LatestResults>();

    public IResultStore Store => Services.GetRequiredService<IResultStore>();

    public IResultSink Sink => Services.GetRequiredService<IResultSink>();

    public static async Task<UplinkTestServer> StartAsync(
        UplinkConfig config,
        ScriptedHttpProbe probe,
        Action<IServiceCollection>? configureServices = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "uplink-test-" + Guid.NewGuid().ToString("N"));
        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", DataFolder = dataFolder };
        var app = UplinkHost.Build(config, settings, services =>
        {
            services.AddSingleton<IHttpProbe>(probe);
            configureServices?.Invoke(services);
        });
        await app.StartAsync();
        return new UplinkTestServer(app, dataFolder, probe);
    }

    /// <summary>Waits until <paramref name="monitor"/> has a result satisfying <paramref name="condition"/>.</summary>
    public async Task<CheckResult> WaitForResultAsync(string monitor, Func<CheckResult, bool>? condition = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Latest.Get(monitor) is { } result && (condition?.Invoke(result) ?? true))
            {
                return result;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the system to clean.
        }
    }
}
