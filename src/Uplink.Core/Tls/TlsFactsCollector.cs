using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Uplink.Tls;

/// <summary>
/// Gathers the facts of one handshake from the validation callback (certificates and chain) and
/// from the stream once the handshake is done (protocol and cipher). The chain is copied out at
/// once: the client disposes it after the callback.
/// </summary>
internal sealed class TlsFactsCollector(string host, string serverName)
{
    private readonly string _host = host;
    private readonly string _serverName = serverName;
    private TlsFacts? _facts;

    /// <summary>The facts so far; null when no certificate was received.</summary>
    public TlsFacts? Facts => _facts;

    /// <summary>
    /// Records the server's certificate and the chain built for it. <paramref name="serverName"/> is the
    /// name this connection sent, which differs from the first one after a redirect to another host.
    /// </summary>
    public void CertificateReceived(
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors,
        string? serverName = null)
    {
        if (certificate is null)
        {
            return;
        }

        var leaf = certificate as X509Certificate2
            ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var problems = ProblemsOf(chain, errors);
        _facts = new TlsFacts
        {
            Host = string.IsNullOrEmpty(serverName) ? _host : serverName,
            ServerName = string.IsNullOrEmpty(serverName) ? _serverName : serverName,
            Served = ServedChain(leaf, chain),
            Validated = chain is null ? [] : [.. chain.ChainElements.Select(e => CertificateFacts.From(e.Certificate))],
            HostNameMatches = !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch),
            Trusted = !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
                && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable),
            ChainProblems = problems,
        };
    }

    public void Negotiated(SslStream stream)
    {
        if (_facts is null)
        {
            return;
        }

        _facts = _facts with
        {
            Protocol = ProtocolName(stream.SslProtocol),
            Cipher = stream.NegotiatedCipherSuite.ToString(),
        };
    }

    /// <summary>
    /// The server's certificate, then the others it sent in the order it sent them. The client hands
    /// the sent certificates to chain building in the chain's extra store.
    /// </summary>
    private static List<CertificateFacts> ServedChain(X509Certificate2 leaf, X509Chain? chain)
    {
        var served = new List<CertificateFacts> { CertificateFacts.From(leaf) };
        if (chain is null)
        {
            return served;
        }

        foreach (var extra in chain.ChainPolicy.ExtraStore)
        {
            if (!extra.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                served.Add(CertificateFacts.From(extra));
            }
        }

        return served;
    }

    private static List<string> ProblemsOf(X509Chain? chain, SslPolicyErrors errors)
    {
        var problems = chain?.ChainStatus
            .Where(s => s.Status != X509ChainStatusFlags.NoError)
            .Select(s => s.Status.ToString())
            .Distinct()
            .ToList() ?? [];
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) && problems.Count == 0)
        {
            problems.Add("ChainErrors");
        }

        return problems;
    }

    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
#pragma warning disable SYSLIB0039 // Old versions are named so that a server still offering them is visible.
        SslProtocols.Tls11 => "TLS 1.1",
        SslProtocols.Tls => "TLS 1.0",
#pragma warning restore SYSLIB0039
        _ => protocol.ToString(),
    };
}
