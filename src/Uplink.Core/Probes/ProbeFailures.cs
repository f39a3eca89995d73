using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Probes;

/// <summary>Turns the exception a failed request ended with into a short reason a person can act on.</summary>
internal static class ProbeFailures
{
    public static string Describe(Exception exception, ProbeTimeline timeline)
    {
        if (timeline.CertificateErrors != SslPolicyErrors.None)
        {
            return "TLS handshake failed: " + DescribeCertificate(timeline.CertificateErrors, timeline.ChainStatus);
        }

        var causes = Causes(exception).ToList();
        if (causes.OfType<EgressRefusedException>().FirstOrDefault() is { } refused)
        {
            return refused.Message;
        }

        var socket = causes.OfType<SocketException>().FirstOrDefault();
        var tls = causes.OfType<AuthenticationException>().FirstOrDefault();
        var http = causes.Select(RequestError).FirstOrDefault(e => e is not null);

        return (socket, tls, http) switch
        {
            ({ } s, _, _) => DescribeSocket(s),
            (_, { } t, _) => "TLS handshake failed: " + t.Message,
            (_, _, { } h) when DescribeHttp(h) is { } described => described,
            _ => exception.Message,
        };
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }

    private static string DescribeCertificate(SslPolicyErrors errors, X509ChainStatusFlags chainStatus)
    {
        var problems = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problems.Add("the server sent no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problems.Add("certificate does not match the host name");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            problems.Add(DescribeChain(chainStatus));
        }

        return $"{string.Join(" and ", problems)} ({errors})";
    }

    private static string DescribeChain(X509ChainStatusFlags status) => status switch
    {
        _ when status.HasFlag(X509ChainStatusFlags.NotTimeValid) => "certificate has expired or is not yet valid",
        _ when status.HasFlag(X509ChainStatusFlags.Revoked) => "certificate is revoked",
        _ => "certificate is not trusted",
    };

    private static string DescribeSocket(SocketException exception) => exception.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by the server",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "name not resolved",
        SocketError.TimedOut => "connection timed out",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        _ => exception.Message,
    };

    private static HttpRequestError? RequestError(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } e => e.HttpRequestError,
        HttpIOException { HttpRequestError: not HttpRequestError.Unknown } e => e.HttpRequestError,
        _ => null,
    };

    private static string? DescribeHttp(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "name not resolved",
        HttpRequestError.ConnectionError => "could not connect",
        HttpRequestError.SecureConnectionError => "TLS handshake failed",
        HttpRequestError.ResponseEnded => "the server closed the connection before the response was complete",
        HttpRequestError.InvalidResponse => "the server sent an invalid HTTP response",
        HttpRequestError.ConfigurationLimitExceeded => "the response headers are too large",
        HttpRequestError.HttpProtocolError => "HTTP protocol error",
        _ => null,
    };
}
