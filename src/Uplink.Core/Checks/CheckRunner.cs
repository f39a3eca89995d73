using Uplink.Configuration;
using Uplink.Judging;
using Uplink.Judging.Conditions;
using Uplink.Mobile;
using Uplink.Probes;
using Uplink.Tls;

namespace Uplink.Checks;

/// <summary>
/// Runs a monitor's steps in order through the HTTP probe, passing extracted values to later steps,
/// and judges the result. A flow stops at its first step that is down: later steps would only
/// repeat the failure with missing values.
/// </summary>
/// <remarks>
/// The certificates of every https request are judged by the monitor's TLS policy; a <c>tls</c>
/// monitor's one step is a handshake through <paramref name="tlsProbe"/> instead of a request, so
/// both share the judging and storing of steps.
/// </remarks>
public sealed class CheckRunner(
    IHttpProbe probe,
    TimeProvider timeProvider,
    string region = CheckRunner.LocalRegion,
    ITlsProbe? tlsProbe = null)
    : ICheckRunner
{
    private readonly ITlsProbe _tlsProbe = tlsProbe ?? new TlsProbe(timeProvider);

    /// <summary>The region of checks run by the server's own probe.</summary>
    public const string LocalRegion = "local";

    public async Task<CheckResult> RunAsync(
        MonitorDefinition monitor,
        DateTimeOffset plannedAt,
        CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var steps = new List<StepResult>(monitor.Steps.Count);

        foreach (var step in monitor.Steps)
        {
            var result = monitor.TlsTarget is { } target
                ? await HandshakeAsync(step, monitor, target, cancellationToken)
                : await RunStepAsync(step, monitor, variables, cancellationToken);
            steps.Add(result);
            if (result.Health == Health.Down)
            {
                break;
            }
        }

        var total = timeProvider.GetElapsedTime(started);
        var (health, reason) = HealthJudge.Judge(steps, total, monitor.Budget, monitor.Kind == MonitorKind.Flow);

        return new CheckResult
        {
            Monitor = monitor.Name,
            Variant = monitor.Variant,
            Region = region,
            PlannedAt = plannedAt,
            StartedAt = startedAt,
            Duration = total,
            Health = health,
            Steps = steps,
            Error = reason,
        };
    }

    private async Task<StepResult> RunStepAsync(
        StepDefinition step,
        MonitorDefinition monitor,
        Dictionary<string, string> variables,
        CancellationToken cancellationToken)
    {
        var url = step.Url.RenderUrl(variables);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return Unsendable(step, url, $"'{url}' is not an absolute http or https URL");
        }

        var headers = step.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.Render(variables))).ToList();
        AddAcceptEncoding(headers, monitor.Mobile.AcceptEncoding);
        if (headers.FirstOrDefault(h => h.Value.AsSpan().IndexOfAny('\r', '\n') >= 0) is { Key: { } broken })
        {
            // A value extracted from a response must not be able to add headers of its own.
            return Unsendable(step, url, $"header {broken} would contain a line break from an extracted value");
        }

        var plan = new HttpRequestPlan(step.Method, uri, headers, step.Body?.Render(variables), monitor.Timeout);
        plan = monitor.Requests.Apply(plan) with
        {
            TrustedRoots = monitor.TrustedRoots,
            Content = step.Content,
            Emulate = monitor.Mobile.Emulate,
            ConnectionKey = monitor.Name + "/" + step.Name,
        };
        var exchange = await probe.SendAsync(plan, cancellationToken);
        var conditions = exchange.Succeeded
            ? step.Conditions.Select(c => c.Evaluate(exchange)).ToList()
            : [];

        var extractionError = exchange.Succeeded && conditions.All(c => c.Passed)
            ? Extract(step.Extractions, exchange, variables)
            : null;

        return new StepResult
        {
            Name = step.Name,
            Operation = step.Operation,
            Thresholds = step.Thresholds,
            Method = step.Method,
            Url = url,
            StatusCode = (int?)exchange.StatusCode,
            Duration = exchange.Duration,
            Band = step.Thresholds.BandOf(exchange.Duration),
            Timings = exchange.Timings,
            BytesReceived = exchange.BytesReceived,
            FailedPhase = exchange.FailedPhase,
            Error = exchange.Error is { } error ? $"{error} (in {PhaseName(exchange.FailedPhase)})" : extractionError,
            Conditions = conditions,
            Tls = Judge(exchange.Tls, monitor.TlsPolicy),
            HttpVersion = exchange.HttpVersion,
            Redirects = exchange.Redirects,
            CdnCache = CdnCacheStatus.Describe(exchange.Headers),
            Transfer = TransferJudge.Judge(exchange, step.SizeBudget, monitor.Mobile),
        };
    }

    private static void AddAcceptEncoding(List<KeyValuePair<string, string>> headers, string? acceptEncoding)
    {
        if (acceptEncoding is not null
            && !headers.Any(h => h.Key.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(KeyValuePair.Create("Accept-Encoding", acceptEncoding));
        }
    }

    private async Task<StepResult> HandshakeAsync(
        StepDefinition step,
        MonitorDefinition monitor,
        TlsTarget target,
        CancellationToken cancellationToken)
    {
        var exchange = await _tlsProbe.HandshakeAsync(
            target with { TrustedRoots = monitor.TrustedRoots, Egress = monitor.Requests.Egress },
            monitor.Timeout,
            cancellationToken);

        return new StepResult
        {
            Name = step.Name,
            Operation = step.Operation,
            Thresholds = step.Thresholds,
            Method = step.Method,
            Url = step.Url.ToString(),
            Duration = exchange.Duration,
            Band = step.Thresholds.BandOf(exchange.Duration),
            Timings = exchange.Timings,
            FailedPhase = exchange.FailedPhase,
            Error = exchange.Error is { } error ? $"{error} (in {PhaseName(exchange.FailedPhase)})" : null,
            Tls = Judge(exchange.Facts, monitor.TlsPolicy),
        };
    }

    private TlsReport? Judge(TlsFacts? facts, TlsPolicy policy) =>
        facts is null ? null : TlsJudge.Judge(facts, policy, timeProvider.GetUtcNow());

    /// <summary>Stores each extracted value; returns why one could not be found, or null.</summary>
    private static string? Extract(
        IReadOnlyList<Extraction> extractions,
        HttpExchange exchange,
        Dictionary<string, string> variables)
    {
        foreach (var extraction in extractions)
        {
            string? value;
            var problem = "";
            if (extraction.Source == ExtractionSource.Header)
            {
                value = exchange.Headers.TryGetValue(extraction.Path, out var header) ? header : null;
            }
            else if (!JsonValues.TrySelect(exchange.Body, extraction.Path, out value, out problem))
            {
                value = null;
            }

            if (value is null)
            {
                var source = extraction.Source == ExtractionSource.Header ? "header " : "";
                var reason = problem.Length > 0 ? problem : "not found";
                return $"cannot extract {extraction.Variable} from {source}{extraction.Path}: {reason}";
            }

            variables[extraction.Variable] = value;
        }

        return null;
    }

    private static StepResult Unsendable(StepDefinition step, string url, string error) => new()
    {
        Name = step.Name,
        Operation = step.Operation,
        Thresholds = step.Thresholds,
        Method = step.Method,
        Url = url,
        Duration = TimeSpan.Zero,
        Band = LatencyBand.OnTarget,
        Timings = PhaseTimings.None,
        Error = error,
    };

    public static string PhaseName(ProbePhase? phase) => phase switch
    {
        ProbePhase.Dns => "dns",
        ProbePhase.Connect => "connect",
        ProbePhase.Tls => "tls",
        ProbePhase.Send => "send",
        ProbePhase.FirstByte => "first-byte",
        ProbePhase.Download => "download",
        _ => "request",
    };
}
