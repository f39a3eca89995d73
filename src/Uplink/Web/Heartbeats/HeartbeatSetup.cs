using Uplink.Heartbeats;
using Uplink.Hosting;
using Uplink.Storage;

namespace Uplink.Web.Heartbeats;

/// <summary>Registers heartbeats' parts and maps their ping endpoints and API.</summary>
public static class HeartbeatSetup
{
    public static IServiceCollection AddUplinkHeartbeats(this IServiceCollection services)
    {
        services.AddSingleton(new HeartbeatOptions());
        services.AddSingleton<SqliteHeartbeatStore>();
        services.AddSingleton<HeartbeatTracker>();
        services.AddSingleton<PingDirectory>();
        services.AddSingleton<PingWriter>();
        services.AddSingleton<UnknownPingLimiter>();

        // The writer starts before the tracker's service and stops after it, flushing queued pings.
        services.AddHostedService(sp => sp.GetRequiredService<PingWriter>());
        services.AddHostedService<HeartbeatService>();
        return services;
    }

    public static WebApplication MapUplinkHeartbeats(this WebApplication app)
    {
        app.MapPingEndpoints();
        app.MapHeartbeatApi();
        return app;
    }
}
