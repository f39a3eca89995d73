using System.Net;
using Uplink.Judging;
using Uplink.Probes;
using YamlDotNet.RepresentationModel;

namespace Uplink.Configuration;

/// <summary>
/// Binds a monitor's transport keys (<c>redirects</c>, <c>follow-redirects</c>, <c>max-body</c>,
/// <c>http-version</c>, <c>proxy</c>, <c>egress</c>) and the top-level <c>egress</c> policy.
/// </summary>
internal sealed class RequestSettingsBinder(ConfigReader reader)
{
    private const int MostRedirects = 50;
    private static readonly string[] EgressKeys = ["private"];

    public RequestSettings Bind(MapFields map, EgressPolicy egress)
    {
        var follow = ReadFollow(map);
        var redirects = ReadRedirects(map);
        return new RequestSettings
        {
            MaxRedirects = follow ? redirects ?? HttpRequestPlan.DefaultMaxRedirects : 0,
            MaxBodyBytes = ReadMaxBody(map),
            HttpVersion = ReadVersion(map),
            Proxy = ReadProxy(map),
            Egress = map["egress"] is { } node ? BindEgress(node, map.PathOf("egress")) ?? egress : egress,
        };
    }

    /// <summary>Binds an <c>egress</c> map: <c>{ private: allow | deny }</c>.</summary>
    public EgressPolicy? BindEgress(YamlNode? node, string path)
    {
        if (node is null || reader.Map(node, path, EgressKeys) is not { } map)
        {
            return null;
        }

        if (map["private"] is not { } value || reader.Text(value, map.PathOf("private")) is not { } text)
        {
            return EgressPolicy.Default;
        }

        if (text is not ("allow" or "deny"))
        {
            reader.Error(map.PathOf("private"), value, $"'{text}' is not allow or deny; private addresses "
                + "(10/8, 172.16/12, 192.168/16, fc00::/7, loopback) are allowed unless 'private: deny'");
        }

        return new EgressPolicy { DenyPrivate = text == "deny" };
    }

    private bool ReadFollow(MapFields map)
    {
        var path = map.PathOf("follow-redirects");
        if (map["follow-redirects"] is not { } node || reader.Text(node, path) is not { } text)
        {
            return true;
        }

        if (text is not ("true" or "false"))
        {
            reader.Error(path, node, $"'{text}' is not true or false");
        }

        return text != "false";
    }

    private int? ReadRedirects(MapFields map)
    {
        if (map["redirects"] is not { } node || reader.Text(node, map.PathOf("redirects")) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, out var count) || count is < 0 or > MostRedirects)
        {
            reader.Error(map.PathOf("redirects"), node, $"'{text}' is not a number of redirects from 0 to "
                + $"{MostRedirects}; use follow-redirects: false to expect the redirect itself");
            return null;
        }

        return count;
    }

    private long? ReadMaxBody(MapFields map)
    {
        if (map["max-body"] is not { } node || reader.Text(node, map.PathOf("max-body")) is not { } text)
        {
            return null;
        }

        if (!ByteSize.TryParse(text, out var bytes) || bytes <= 0 || bytes >= Array.MaxLength)
        {
            reader.Error(map.PathOf("max-body"), node, $"'{text}' is not a body size from 1 B to 2 GB; "
                + "write a number with B, KB, MB or GB, e.g. max-body: 10MB");
            return null;
        }

        return bytes;
    }

    private Version? ReadVersion(MapFields map)
    {
        if (map["http-version"] is not { } node || reader.Text(node, map.PathOf("http-version")) is not { } text)
        {
            return null;
        }

        switch (text)
        {
            case "1.1":
                return HttpVersion.Version11;
            case "2" or "2.0":
                return HttpVersion.Version20;
            default:
                reader.Error(map.PathOf("http-version"), node, $"'{text}' is not an HTTP version Uplink speaks; "
                    + "use 1.1 or 2");
                return null;
        }
    }

    private Uri? ReadProxy(MapFields map)
    {
        if (map["proxy"] is not { } node || reader.Text(node, map.PathOf("proxy")) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var proxy) || proxy.Scheme != Uri.UriSchemeHttp)
        {
            reader.Error(map.PathOf("proxy"), node, $"'{text}' is not an http proxy address; "
                + "write it in full, e.g. proxy: http://proxy.internal:3128");
            return null;
        }

        return proxy;
    }
}
