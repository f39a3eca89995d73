using System.Net;

namespace Uplink.Probes;

/// <summary>
/// The proxy a monitor names, used for every address including loopback ones (which
/// <see cref="WebProxy"/> would bypass): the monitor asked for it explicitly.
/// </summary>
internal sealed class ExplicitProxy(Uri address) : IWebProxy
{
    public ICredentials? Credentials { get; set; }

    public Uri GetProxy(Uri destination) => address;

    public bool IsBypassed(Uri host) => false;
}
