namespace Uplink.Probes;

/// <summary>Sends one request and times its phases. Never throws for a target's failure.</summary>
public interface IHttpProbe
{
    Task<HttpExchange> SendAsync(HttpRequestPlan plan, CancellationToken cancellationToken);
}
