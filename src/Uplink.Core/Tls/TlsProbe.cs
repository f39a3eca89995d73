using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Tls;

/// <summary>
/// Connects afresh, shakes hands with the server name sent as SNI, and records the chains and what
/// was negotiated. Every certificate is accepted so that the handshake finishes and an untrusted or
/// expired chain is still described; judging it is left to <see cref="TlsJudge"/>.
/// </summary>
public sealed partial class TlsProbe(TimeProvider timeProvider, ILogger<TlsProbe>? logger = null) : ITlsProbe
{
    private readonly ILogger _logger = logger ?? NullLogger<TlsProbe>.Instance;

    public async Task<TlsExchange> HandshakeAsync(
        TlsTarget target,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var timeline = new ProbeTimeline(timeProvider);
        var collector = new TlsFactsCollector(target.Host, target.SentName);
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await ShakeHandsAsync(target, timeline, collector, linked.Token);
            var facts = collector.Facts;
            LogHandshake(
                target.Host, target.Port, target.SentName, facts?.Protocol, facts?.Cipher, facts?.EarliestExpiry);
            return Exchange(timeline, collector, null);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The check was cancelled.", exception, cancellationToken);
        }
        catch (EgressRefusedException refused)
        {
            LogHandshakeFailed(target.Host, target.Port, timeline.Phase, refused.Message);
            return Exchange(timeline, collector, refused.Message);
        }
        catch (Exception exception) when (exception is SocketException or IOException
            or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            var error = timer.IsCancellationRequested
                ? $"timed out after {Durations.Format(timeout)}"
                : Describe(exception);
            LogHandshakeFailed(target.Host, target.Port, timeline.Phase, error);
            return Exchange(timeline, collector, error);
        }
    }

    private static async Task ShakeHandsAsync(
        TlsTarget target,
        ProbeTimeline timeline,
        TlsFactsCollector collector,
        CancellationToken cancellationToken)
    {
        var literal = IPAddress.TryParse(target.Host.Trim('[', ']'), out var address);
        timeline.ConnectionStarting(resolving: !literal);
        var addresses = literal ? [address!] : await Dns.GetHostAddressesAsync(target.Host, cancellationToken);
        if (!literal)
        {
            timeline.Resolved();
        }

        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        ProbeConnector.Admit(addresses, target.Egress);
        using var socket = await ProbeConnector.ConnectAnyAsync(addresses, target.Port, cancellationToken);
        timeline.Connected(secure: true);
        await using var stream = new SslStream(new NetworkStream(socket, ownsSocket: false));
        await stream.AuthenticateAsClientAsync(Options(target, collector), cancellationToken);
        collector.Negotiated(stream);
        timeline.PlaintextReady();
    }

    private static SslClientAuthenticationOptions Options(TlsTarget target, TlsFactsCollector collector)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = target.SentName,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                collector.CertificateReceived(certificate, chain, errors);
                return true;
            },
        };
        if (target.TrustedRoots is { } roots)
        {
            options.CertificateChainPolicy = TrustPolicy.CustomRoots(roots);
        }

        return options;
    }

    private static string Describe(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "name not resolved",
        SocketException socket => socket.Message,
        _ => "TLS handshake failed: " + exception.Message,
    };

    private static TlsExchange Exchange(ProbeTimeline timeline, TlsFactsCollector collector, string? error) => new()
    {
        Duration = timeline.Elapsed,
        Timings = timeline.Timings(),
        Facts = collector.Facts,
        FailedPhase = error is null ? null : timeline.Phase,
        Error = error,
    };

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug,
        Message = "Shook hands with {Host}:{Port} as {ServerName}: {Protocol} {Cipher}, first expiry {Expiry}")]
    private partial void LogHandshake(
        string host,
        int port,
        string serverName,
        string? protocol,
        string? cipher,
        DateTimeOffset? expiry);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug,
        Message = "The handshake with {Host}:{Port} failed in {Phase}: {Error}")]
    private partial void LogHandshakeFailed(string host, int port, ProbePhase phase, string error);
}
