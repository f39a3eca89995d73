namespace Uplink.Probes;

/// <summary>Placeholder until the timed probe lands.</summary>
public sealed class HttpProbe(TimeProvider timeProvider) : IHttpProbe
{
    public Task<HttpExchange> SendAsync(HttpRequestPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException(timeProvider.ToString());
}
