using System.Net;
using System.Net.Sockets;

namespace Uplink.Probes;

/// <summary>
/// Which addresses a check may connect to. Link-local and cloud metadata addresses are always refused,
/// so a monitor (or a redirect, or a DNS answer) cannot reach a cloud's credentials; private and
/// loopback addresses are allowed unless <see cref="DenyPrivate"/> is set.
/// </summary>
/// <remarks>The policy is applied to each address a connection is about to use, after DNS and after
/// every redirect, before any packet is sent.</remarks>
public sealed record EgressPolicy
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"),
        IPAddress.Parse("169.254.170.2"),
        IPAddress.Parse("100.100.100.200"),
        IPAddress.Parse("fd00:ec2::254"),
    ];

    /// <summary>The default: metadata and link-local refused, private ranges allowed.</summary>
    public static EgressPolicy Default { get; } = new();

    /// <summary>Whether private, shared and loopback ranges are refused too.</summary>
    /// <value>False by default, for self-hosted use.</value>
    public bool DenyPrivate { get; init; }

    /// <summary>Why a connection to <paramref name="address"/> is refused, or null when it is allowed.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (MetadataAddresses.Contains(ip))
        {
            return $"{ip} is a cloud metadata address";
        }

        if (IsLinkLocal(ip))
        {
            return $"{ip} is a link-local address";
        }

        return DenyPrivate && IsPrivate(ip) ? $"{ip} is a private address and private addresses are denied" : null;
    }

    private static bool IsLinkLocal(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetwork
        ? ip.GetAddressBytes() is [169, 254, ..]
        : ip.IsIPv6LinkLocal;

    private static bool IsPrivate(IPAddress ip)
    {
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6UniqueLocal || ip.IsIPv6SiteLocal;
        }

        return ip.GetAddressBytes() switch
        {
            [10, ..] => true,
            [172, >= 16 and <= 31, ..] => true,
            [192, 168, ..] => true,
            [100, >= 64 and <= 127, ..] => true,
            [0, ..] => true,
            _ => false,
        };
    }
}
