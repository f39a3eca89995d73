using Uplink.Tls;

namespace Uplink.Cli;

/// <summary>Prints what a handshake showed: what was negotiated, then each chain with every certificate's pin.</summary>
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

    private static void WriteChain(TextWriter output, string title, IReadOnlyList<CertificateFacts> chain, DateTimeOffset now)
    {
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var (certificate, index) in chain.Select((c, i) => (c, i)))
        {
            output.WriteLine($"  {index} {certificate.Subject}");
            output.WriteLine($"    issuer  {certificate.Issuer}");
            output.WriteLine($"    key     {certificate.KeyType}, {certificate.KeySize} bits");
            output.WriteLine($"    valid   {TlsJudge.Day(certificate.NotBefore)} to {TlsJudge.Day(certificate.NotAfter)} "
                + $"({TlsJudge.DaysLeft(certificate.NotAfter, now)} days left)");
            output.WriteLine($"    pin     {SpkiPin.Prefix}{certificate.Pin}");
        }
    }
}
