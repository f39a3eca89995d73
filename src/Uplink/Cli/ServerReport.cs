using Uplink.Tls;

namespace Uplink.Cli;

/// <summary>Prints what a handshake showed: what was negotiated, then each chain with each certificate's pin.</summary>
internal static class ServerReport
{
    public static void Write(TextWriter output, TlsFacts facts, DateTimeOffset now)
    {
        var trust = facts.Trusted ? "trusted" : $"not trusted ({string.Join(", ", facts.ChainProblems)})";
        var name = facts.HostNameMatches ? "host name matches" : "host name does not match";
        output.WriteLine($"{facts.Host} as {facts.ServerName}: {facts.Protocol} {facts.Cipher}; {trust}; {name}");
        WriteChain(output, "served chain", facts.Served, now);
        WriteChain(output, "validated chain", facts.Validated, now);
    }

    private static void WriteChain(
        TextWriter output,
        string title,
        IReadOnlyList<CertificateFacts> chain,
        DateTimeOffset now)
    {
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var (certificate, index) in chain.Select((c, i) => (c, i)))
        {
            output.WriteLine($"  {index} {certificate.Subject}");
            output.WriteLine($"    issuer  {certificate.Issuer}");
            output.WriteLine($"    key     {certificate.KeyType}, {certificate.KeySize} bits");
            var (from, to) = (TlsJudge.Day(certificate.NotBefore), TlsJudge.Day(certificate.NotAfter));
            output.WriteLine($"    valid   {from} to {to} ({TlsJudge.DaysLeft(certificate.NotAfter, now)} days left)");
            output.WriteLine($"    pin     {SpkiPin.Prefix}{certificate.Pin}");
        }
    }
}
