namespace Uplink.Web;

/// <summary>The JSON API.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapUplinkApi(this WebApplication app) => app;
}
