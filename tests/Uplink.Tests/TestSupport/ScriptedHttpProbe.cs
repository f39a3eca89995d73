using System.Collections.Concurrent;
using System.Net;
using Uplink.Probes;

namespace Uplink.TestSupport;

/// <summary>
/// Answers each URL with the exchange a test chose, at once and without a network. A URL nobody
/// scripted fails to connect, as a closed port would.
/// </summary>
/// <param name="waits">Whether a request takes as long as its answer says, as a real one would.</param>
public sealed class ScriptedHttpProbe(bool waits = true) : IHttpProbe
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestPlan, HttpExchange>> _answers =
        new(StringComparer.Ordinal);

    /// <summary>Answers <paramref name="url"/> with a response of the given status and duration.</summary>
    public ScriptedHttpProbe Answer(string url, HttpStatusCode status, TimeSpan duration, string body = "{}")
    {
        _answers[url] = plan => Exchanges.Response(plan, status, duration, body);
        return this;
    }

    /// <summary>Answers <paramref name="url"/> with whatever <paramref name="answer"/> makes of each request.</summary>
    public ScriptedHttpProbe AnswerWith(string url, Func<HttpRequestPlan, HttpExchange> answer)
    {
        _answers[url] = answer;
        return this;
    }

    /// <summary>Fails every request to <paramref name="url"/> in the given phase.</summary>
    public ScriptedHttpProbe Fail(string url, ProbePhase phase, string error, TimeSpan duration)
    {
        _answers[url] = plan => Exchanges.Failure(plan, phase, error, duration);
        return this;
    }

    public async Task<HttpExchange> SendAsync(HttpRequestPlan plan, CancellationToken cancellationToken)
    {
        var url = plan.Url.ToString();
        var answer = _answers.TryGetValue(url, out var scripted)
            ? scripted(plan)
            : Exchanges.Failure(plan, ProbePhase.Connect, "connection refused", TimeSpan.FromMilliseconds(1));
        if (waits)
        {
            await Task.Delay(answer.Duration, cancellationToken);
        }

        return answer;
    }
}
