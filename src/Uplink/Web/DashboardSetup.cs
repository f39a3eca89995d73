using MudBlazor.Services;
using Uplink.Components;

namespace Uplink.Web;

/// <summary>
/// Registers and maps the dashboard: a Blazor app rendered on the server, with MudBlazor's
/// components, kept live over the page's connection.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddUplinkDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    /// <summary>
    /// Maps the pages and their static files (MudBlazor's css and js, the Blazor script, app.css)
    /// from the static web assets manifest, which also works when running from the build output.
    /// </summary>
    public static WebApplication MapUplinkDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
