using Uplink.Checks;
using Uplink.Configuration;
using Uplink.Probes;
using Uplink.Scheduling;
using Uplink.Storage;
using Uplink.Tls;
using Uplink.Web;
using Uplink.Web.Heartbeats;

namespace Uplink.Hosting;

/// <summary>Composes the server: scheduler, probe, store, API and dashboard.</summary>
public static class UplinkHost
{
    public static WebApplication Build(
        UplinkConfig config,
        ServeSettings settings,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(UplinkHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.UseStaticWebAssets();

        // One line per request would drown the health changes the console is for.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        AddChecking(builder.Services, config, settings);
        builder.Services.AddUplinkDashboard();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapUplinkApi();
        app.MapUplinkHeartbeats();
        app.MapUplinkDashboard();
        return app;
    }

    private static void AddChecking(IServiceCollection services, UplinkConfig config, ServeSettings settings)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new MonitorCatalog(config));
        services.AddSingleton(new SqliteResultStore(settings.DataFolder));
        services.AddSingleton<IResultStore>(sp => sp.GetRequiredService<SqliteResultStore>());
        services.AddSingleton<LatestResults>();
        services.AddSingleton<ResultWriter>();
        services.AddSingleton<IResultSink>(sp => sp.GetRequiredService<ResultWriter>());
        services.AddSingleton<IHttpProbe>(sp => new HttpProbe(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITlsProbe>(sp => new TlsProbe(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TlsProbe>>()));
        services.AddSingleton<ICheckRunner>(sp => new CheckRunner(
            sp.GetRequiredService<IHttpProbe>(),
            sp.GetRequiredService<TimeProvider>(),
            tlsProbe: sp.GetRequiredService<ITlsProbe>()));
        services.AddSingleton(new SchedulerOptions());
        services.AddSingleton<CheckScheduler>();

        // The writer is registered before the scheduler's service so that it stops last and
        // flushes what the final checks published.
        services.AddHostedService(sp => sp.GetRequiredService<ResultWriter>());
        services.AddHostedService<SchedulerService>();
        services.AddUplinkHeartbeats();
    }
}
