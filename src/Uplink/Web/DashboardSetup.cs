namespace Uplink.Web;

/// <summary>Registers and maps the dashboard.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddUplinkDashboard(this IServiceCollection services) => services;

    public static WebApplication MapUplinkDashboard(this WebApplication app) => app;
}
