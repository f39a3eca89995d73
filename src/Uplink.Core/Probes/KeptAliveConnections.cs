using System.Collections.Concurrent;
using Uplink.Judging;

namespace Uplink.Probes;

/// <summary>
/// The probe's keep-alive mode: one pooled connection per monitor, reused from check to check, as
/// an app that stays open would. Cheaper for the server and for Uplink, but it times only the whole
/// request and counts only the decoded body: a reused connection has no DNS, connect or TLS phase
/// of its own, and its bytes are not seen before decompression.
/// </summary>
internal sealed class KeptAliveConnections(TimeProvider timeProvider, long maxBodyBytes) : IDisposable
{
    /// <summary>A monitor's connection closes after this long unused: longer than any usual interval.</summary>
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _invokers = new(StringComparer.Ordinal);

    public async Task<HttpExchange> SendAsync(HttpRequestPlan plan, string key, CancellationToken cancellationToken)
    {
        var invoker = _invokers.GetOrAdd(key, _ => new HttpMessageInvoker(CreateHandler(plan)));
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(plan.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var request = ProbeRequest.Create(plan);
            using var response = await invoker.SendAsync(request, linked.Token);
            var body = await ResponseBody.ReadAsync(response.Content, maxBodyBytes, linked.Token);
            var kept = body.AsSpan(0, (int)Math.Min(body.Length, maxBodyBytes));
            return Exchange(plan, started) with
            {
                StatusCode = response.StatusCode,
                Body = ResponseBody.Decode(kept, response.Content.Headers.ContentType),
                BodyBytes = kept.Length,
                Transfer = new TransferFacts { DecodedBytes = body.Length, Requests = 1 },
            };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = timeout.IsCancellationRequested
                ? $"timed out after {Durations.Format(plan.Timeout)}"
                : exception.Message;
            return Exchange(plan, started) with { FailedPhase = ProbePhase.FirstByte, Error = error };
        }
    }

    public void Dispose()
    {
        foreach (var invoker in _invokers.Values)
        {
            invoker.Dispose();
        }
    }

    private HttpExchange Exchange(HttpRequestPlan plan, long started) => new()
    {
        Method = plan.Method,
        Url = plan.Url,
        Duration = timeProvider.GetElapsedTime(started),
        Timings = PhaseTimings.None,
    };

    private static SocketsHttpHandler CreateHandler(HttpRequestPlan plan) => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = true,
        AutomaticDecompression = ProbeRequest.DecompressionFor(plan),
        MaxConnectionsPerServer = 1,
        PooledConnectionIdleTimeout = IdleTimeout,
        ConnectTimeout = Timeout.InfiniteTimeSpan,
    };
}
