using System.Net;
using System.Text;
using Uplink.Probes;

namespace Uplink.TestSupport;

/// <summary>Builds probe answers with plausible phase timings.</summary>
public static class Exchanges
{
    public static HttpExchange Response(HttpRequestPlan plan, HttpStatusCode status, TimeSpan duration, string body)
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        return new HttpExchange
        {
            Method = plan.Method,
            Url = plan.Url,
            Duration = duration,
            Timings = Split(duration),
            StatusCode = status,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Content-Type"] = "application/json",
                ["CF-Cache-Status"] = "HIT",
            },
            HttpVersion = "2",
            Body = body,
            BodyBytes = bytes,
            BytesReceived = bytes + 180,
        };
    }

    public static HttpExchange Failure(HttpRequestPlan plan, ProbePhase phase, string error, TimeSpan duration) => new()
    {
        Method = plan.Method,
        Url = plan.Url,
        Duration = duration,
        Timings = phase == ProbePhase.Dns ? PhaseTimings.None : new PhaseTimings(duration / 2, null, null, null, null),
        FailedPhase = phase,
        Error = error,
    };

    /// <summary>Spreads a duration over the phases as a typical HTTPS request would.</summary>
    public static PhaseTimings Split(TimeSpan duration) => new(
        duration * 0.05,
        duration * 0.10,
        duration * 0.20,
        duration * 0.55,
        duration * 0.10);
}
