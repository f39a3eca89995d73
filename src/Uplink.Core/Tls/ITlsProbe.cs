namespace Uplink.Tls;

/// <summary>Shakes hands with a TLS server and reports what it showed. Never throws for a target's failure.</summary>
public interface ITlsProbe
{
    Task<TlsExchange> HandshakeAsync(TlsTarget target, TimeSpan timeout, CancellationToken cancellationToken);
}
