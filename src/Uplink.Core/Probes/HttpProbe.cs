using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Uplink.Judging;
using Uplink.Tls;

namespace Uplink.Probes;

/// <summary>
/// Sends one HTTP request over a connection of its own and times each phase: DNS, connect, TLS,
/// first byte and download. Every check resolves the name and connects afresh, as a phone opening
/// the app would; nothing is pooled or cached between checks, and no proxy or cookie is used.
/// </summary>
/// <remarks>
/// A target's failure (refused, reset, timed out, untrusted certificate, name not resolved) is
/// returned as an <see cref="HttpExchange"/> naming the phase it happened in; only the caller's own
/// cancellation throws. After a redirect that opens a new connection, the phase timings are those
/// of the new connection, while the duration and bytes received cover every hop.
/// </remarks>
public sealed class HttpProbe : IHttpProbe
{
    private const int MaxRedirects = 10;

    private readonly TimeProvider _timeProvider;
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly long _maxBodyBytes;
    private readonly ProbeConnector _connector;
    private readonly KeptAliveConnections? _keptAlive;

    public HttpProbe(TimeProvider timeProvider, HttpProbeOptions? options = null)
        : this(timeProvider, options, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>Creates a probe that resolves names with <paramref name="resolve"/>: a seam for tests.</summary>
    internal HttpProbe(
        TimeProvider timeProvider,
        HttpProbeOptions? options,
        Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new HttpProbeOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBodyBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.MaxBodyBytes, Array.MaxLength);

        _timeProvider = timeProvider;
        _trustedRoots = options.TrustedRoots;
        _maxBodyBytes = options.MaxBodyBytes;
        _connector = new ProbeConnector(resolve);
        _keptAlive = options.ReuseConnections ? new KeptAliveConnections(timeProvider, _maxBodyBytes) : null;
    }

    public async Task<HttpExchange> SendAsync(HttpRequestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (_keptAlive is not null && plan.ConnectionKey is { } key && plan.Emulate is null)
        {
            return await _keptAlive.SendAsync(plan, key, cancellationToken);
        }

        var timeline = new ProbeTimeline(_timeProvider);
        var tls = new TlsFactsCollector(plan.Url.IdnHost, plan.Url.IdnHost);
        using var timeout = new CancellationTokenSource(plan.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

        try
        {
            return await ExchangeAsync(plan, timeline, tls, linked.Token);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The check was cancelled.", exception, cancellationToken);
        }
        catch (Exception exception)
        {
            var error = timeout.IsCancellationRequested
                ? $"timed out after {Durations.Format(plan.Timeout)}"
                : ProbeFailures.Describe(exception, timeline);
            return Failed(plan, timeline, error) with { Tls = tls.Facts };
        }
    }

    private async Task<HttpExchange> ExchangeAsync(
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        TlsFactsCollector tls,
        CancellationToken cancellationToken)
    {
        using var invoker = new HttpMessageInvoker(CreateHandler(plan, timeline, tls));
        using var request = ProbeRequest.Create(plan);
        using var response = await invoker.SendAsync(request, cancellationToken);
        timeline.HeadersRead();
        if (IsUnfollowedRedirect(response))
        {
            // The handler hands back the last redirect once it has followed as many as it may.
            var error = $"more than {MaxRedirects} redirects; the last one pointed to {response.Headers.Location}";
            var failed = Failed(plan, timeline, error);
            return failed with { StatusCode = response.StatusCode, FailedPhase = ProbePhase.FirstByte };
        }

        var body = await ResponseBody.ReadAsync(response.Content, _maxBodyBytes, cancellationToken);
        var complete = body.Length <= _maxBodyBytes;
        if (complete)
        {
            timeline.BodyRead();
        }

        var kept = body.AsSpan(0, (int)Math.Min(body.Length, _maxBodyBytes));
        return new HttpExchange
        {
            Method = plan.Method,
            Url = plan.Url,
            Duration = timeline.Elapsed,
            Timings = timeline.Timings(),
            StatusCode = response.StatusCode,
            Headers = HeadersOf(response),
            Body = ResponseBody.Decode(kept, response.Content.Headers.ContentType),
            BytesReceived = timeline.BytesReceived,
            BodyBytes = kept.Length,
            FailedPhase = complete ? null : ProbePhase.Download,
            Error = complete ? null : $"body larger than {ByteSize.Format(_maxBodyBytes)}; read stopped",
            Tls = tls.Facts,
            Transfer = timeline.Transfer(IsTls13(tls.Facts)) with { DecodedBytes = body.Length },
        };
    }

    private static bool IsTls13(TlsFacts? facts) => facts?.Protocol?.Contains("13", StringComparison.Ordinal) ?? true;

    /// <summary>Opens the connection; with a profile to emulate, through a link that slow.</summary>
    private async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        CancellationToken cancellationToken)
    {
        var stream = await _connector.ConnectAsync(context, timeline, cancellationToken);
        if (plan.Emulate is not { } profile)
        {
            return stream;
        }

        var link = new ThrottledStream(stream, profile, _timeProvider);
        var lookedUp = !IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out _);
        await link.ConnectedAsync(lookedUp, cancellationToken);
        return link;
    }

    private SocketsHttpHandler CreateHandler(
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        TlsFactsCollector tls) => new()
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            AutomaticDecompression = ProbeRequest.DecompressionFor(plan),
            // The check's own timeout bounds every phase, connecting included.
            ConnectTimeout = Timeout.InfiniteTimeSpan,
            ConnectCallback = (context, token) => ConnectAsync(context, plan, timeline, token),
            PlaintextStreamFilter = (context, _) =>
            {
                timeline.PlaintextReady();
                if (context.PlaintextStream is SslStream secure)
                {
                    tls.Negotiated(secure);
                }

                return ValueTask.FromResult<Stream>(new TimedStream(context.PlaintextStream, timeline));
            },
            SslOptions = CreateSslOptions(plan, timeline, tls),
        };

    private SslClientAuthenticationOptions CreateSslOptions(
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        TlsFactsCollector tls)
    {
        var options = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                timeline.CertificateChecked(errors, ChainStatusOf(chain));
                tls.CertificateReceived(certificate, chain, errors, (sender as SslStream)?.TargetHostName);
                return errors == SslPolicyErrors.None;
            },
        };

        if ((plan.TrustedRoots ?? _trustedRoots) is { } roots)
        {
            options.CertificateChainPolicy = TrustPolicy.CustomRoots(roots);
        }

        return options;
    }

    private static bool IsUnfollowedRedirect(HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400
        && response.StatusCode != HttpStatusCode.NotModified
        && response.Headers.Location is not null;

    private static X509ChainStatusFlags ChainStatusOf(X509Chain? chain) =>
        chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status)
        ?? X509ChainStatusFlags.NoError;

    private static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private static HttpExchange Failed(HttpRequestPlan plan, ProbeTimeline timeline, string error) => new()
    {
        Method = plan.Method,
        Url = plan.Url,
        Duration = timeline.Elapsed,
        Timings = timeline.Timings(),
        BytesReceived = timeline.BytesReceived,
        FailedPhase = timeline.Phase,
        Error = error,
        Transfer = timeline.Transfer(tls13: true),
    };
}
