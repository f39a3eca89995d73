using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Uplink.Judging;
using Uplink.Tls;

namespace Uplink.Probes;

/// <summary>
/// Sends one HTTP request over a connection of its own and times each phase: DNS, connect, TLS,
/// first byte and download. Every check resolves the name and connects afresh, as a phone opening
/// the app would; nothing is pooled or cached between checks, no cookie is kept, and no proxy is used
/// unless the plan names one (proxy environment variables are ignored).
/// </summary>
/// <remarks>
/// A target's failure (refused, reset, timed out, untrusted certificate, name not resolved, refused
/// by the egress policy) is returned as an <see cref="HttpExchange"/> naming the phase it happened in;
/// only the caller's own cancellation throws. Redirects are followed here rather than by the handler,
/// each hop over a new connection: the phase timings are those of the last hop, while the duration
/// and bytes received cover every hop.
/// </remarks>
public sealed class HttpProbe : IHttpProbe
{
    private readonly TimeProvider _timeProvider;
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly long _maxBodyBytes;
    private readonly ProbeConnector _connector;
    private readonly KeptAliveConnections? _keptAlive;

    public HttpProbe(TimeProvider timeProvider, HttpProbeOptions? options = null)
        : this(timeProvider, options, new ProbeConnector(Dns.GetHostAddressesAsync))
    {
    }

    /// <summary>Creates a probe that resolves names with <paramref name="resolve"/>: a seam for tests.</summary>
    internal HttpProbe(
        TimeProvider timeProvider,
        HttpProbeOptions? options,
        Func<string, CancellationToken, Task<IPAddress[]>> resolve)
        : this(timeProvider, options, new ProbeConnector(resolve))
    {
    }

    /// <summary>Creates a probe that connects through <paramref name="connector"/>: a seam for tests.</summary>
    internal HttpProbe(TimeProvider timeProvider, HttpProbeOptions? options, ProbeConnector connector)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new HttpProbeOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxBodyBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.MaxBodyBytes, Array.MaxLength);

        _timeProvider = timeProvider;
        _trustedRoots = options.TrustedRoots;
        _maxBodyBytes = options.MaxBodyBytes;
        _connector = connector;
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
        var trail = new RedirectTrail(plan);
        using var timeout = new CancellationTokenSource(plan.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

        try
        {
            return await ExchangeAsync(trail, timeline, linked.Token);
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
            return Failed(trail, timeline, error) with { Tls = trail.Tls.Facts };
        }
    }

    private async Task<HttpExchange> ExchangeAsync(
        RedirectTrail trail,
        ProbeTimeline timeline,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            if (trail.Current.Proxy is not null)
            {
                ProbeConnector.AdmitProxiedTarget(trail.Current.Url, trail.Current.Egress);
            }

            // A handler per hop: each hop resolves its host afresh and opens a connection of its own.
            using var invoker = new HttpMessageInvoker(CreateHandler(trail.Current, timeline, trail.Tls));
            using var request = ProbeRequest.Create(trail.Current);
            using var response = await invoker.SendAsync(request, cancellationToken);
            timeline.HeadersRead();
            if (trail.Current.MaxRedirects == 0 || !RedirectTrail.IsRedirect(response))
            {
                return await ReadAsync(trail, timeline, response, cancellationToken);
            }

            if (trail.Follow(response) is { } error)
            {
                var failed = Failed(trail, timeline, error);
                return failed with { StatusCode = response.StatusCode, FailedPhase = ProbePhase.FirstByte };
            }
        }
    }

    private async Task<HttpExchange> ReadAsync(
        RedirectTrail trail,
        ProbeTimeline timeline,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var limit = trail.Current.MaxBodyBytes ?? _maxBodyBytes;
        var body = await ResponseBody.ReadAsync(response.Content, limit, cancellationToken);
        var complete = body.Length <= limit;
        if (complete)
        {
            timeline.BodyRead();
        }

        var kept = body.AsSpan(0, (int)Math.Min(body.Length, limit));
        return new HttpExchange
        {
            Method = trail.Current.Method,
            Url = trail.Current.Url,
            Duration = timeline.Elapsed,
            Timings = timeline.Timings(),
            StatusCode = response.StatusCode,
            Headers = HeadersOf(response),
            Body = ResponseBody.Decode(kept, response.Content.Headers.ContentType),
            BytesReceived = timeline.BytesReceived,
            BodyBytes = kept.Length,
            FailedPhase = complete ? null : ProbePhase.Download,
            Error = complete ? null : OverLimit(limit, timeline.BytesReceived),
            Tls = trail.Tls.Facts,
            Transfer = timeline.Transfer(IsTls13(trail.Tls.Facts)) with { DecodedBytes = body.Length },
            Redirects = trail.Count,
            FinalUrl = trail.Current.Url,
            HttpVersion = VersionName(response.Version),
            BodySha256 = complete ? Convert.ToHexStringLower(SHA256.HashData(kept)) : null,
        };
    }

    /// <summary>
    /// Why the read stopped. Fewer bytes on the wire than the cap means the body grew as it was
    /// decompressed: a decompression bomb, or simply a very compressible body.
    /// </summary>
    private static string OverLimit(long limit, long bytesOnWire) => bytesOnWire > limit
        ? $"body larger than {ByteSize.Format(limit)}; read stopped"
        : $"body larger than {ByteSize.Format(limit)} once decompressed from {ByteSize.Format(bytesOnWire)} "
            + "on the wire; read stopped at the cap";

    private static bool IsTls13(TlsFacts? facts) => facts?.Protocol?.Contains("13", StringComparison.Ordinal) ?? true;

    /// <summary>Opens the connection; with a profile to emulate, through a link that slow.</summary>
    private async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context,
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        CancellationToken cancellationToken)
    {
        var stream = await _connector.ConnectAsync(context, timeline, plan.Egress, cancellationToken);
        if (plan.Emulate is not { } profile)
        {
            return stream;
        }

        var link = new ThrottledStream(stream, profile, _timeProvider);
        var lookedUp = !IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out _);
        await link.ConnectedAsync(lookedUp, cancellationToken);
        return link;
    }

    private static string VersionName(Version version) =>
        version.Minor == 0 && version.Major >= 2 ? version.Major.ToString(CultureInfo.InvariantCulture)
            : version.ToString(2);

    private SocketsHttpHandler CreateHandler(
        HttpRequestPlan plan,
        ProbeTimeline timeline,
        TlsFactsCollector tls) => new()
        {
            UseProxy = plan.Proxy is not null,
            Proxy = plan.Proxy is { } proxy ? new ExplicitProxy(proxy) : null,
            UseCookies = false,
            AllowAutoRedirect = false,
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

    private static HttpExchange Failed(RedirectTrail trail, ProbeTimeline timeline, string error) => new()
    {
        Method = trail.Current.Method,
        Url = trail.Current.Url,
        Duration = timeline.Elapsed,
        Timings = timeline.Timings(),
        BytesReceived = timeline.BytesReceived,
        FailedPhase = timeline.Phase,
        Error = error,
        Redirects = trail.Count,
        FinalUrl = trail.Current.Url,
        Transfer = timeline.Transfer(tls13: true),
    };
}
