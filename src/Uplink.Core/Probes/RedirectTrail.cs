using System.Net;
using Uplink.Tls;

namespace Uplink.Probes;

/// <summary>
/// The hops of one request as the probe follows its redirects itself: each hop is a request plan of its
/// own, sent over a new connection that resolves its host afresh and names that host in SNI and Host.
/// </summary>
internal sealed class RedirectTrail
{
    private static readonly string[] CredentialHeaders = ["Authorization", "Cookie", "Proxy-Authorization"];

    private readonly List<Uri> _visited;

    public RedirectTrail(HttpRequestPlan plan)
    {
        Current = plan;
        Tls = NewCollector(plan.Url);
        _visited = [plan.Url];
    }

    /// <summary>The plan of the hop being sent.</summary>
    public HttpRequestPlan Current { get; private set; }

    /// <summary>What the TLS handshake of the current hop showed.</summary>
    public TlsFactsCollector Tls { get; private set; }

    /// <summary>How many redirects have been followed.</summary>
    public int Count => _visited.Count - 1;

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is not null;

    /// <summary>Moves to the hop the redirect points to; returns why it cannot be followed, or null.</summary>
    public string? Follow(HttpResponseMessage response)
    {
        var next = new Uri(Current.Url, response.Headers.Location!);
        if (next.Scheme is not ("http" or "https"))
        {
            return $"redirect to '{next}', which is not an http or https address";
        }

        if (_visited.Contains(next))
        {
            return "redirect loop: " + string.Join(" -> ", _visited.Append(next).Select(Show));
        }

        if (Count >= Current.MaxRedirects)
        {
            return $"more than {Current.MaxRedirects} redirects; the last one pointed to {Show(next)}";
        }

        _visited.Add(next);
        Current = NextHop(Current, (int)response.StatusCode, next);
        Tls = NewCollector(next);
        return null;
    }

    private static HttpRequestPlan NextHop(HttpRequestPlan plan, int status, Uri next)
    {
        // 307 and 308 repeat the request as it was; 303 turns it into a GET, and so do 301 and 302
        // for a POST, as browsers and mobile HTTP stacks do.
        var toGet = status switch
        {
            307 or 308 => false,
            303 => plan.Method != "HEAD",
            _ => plan.Method == "POST",
        };

        var headers = plan.Headers.Where(h => Keeps(h.Key, toGet, SameOrigin(plan.Url, next))).ToList();
        return toGet
            ? plan with { Method = "GET", Url = next, Headers = headers, Body = null, Content = null }
            : plan with { Url = next, Headers = headers };
    }

    private static bool Keeps(string header, bool toGet, bool sameOrigin) =>
        !(toGet && header.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        && (sameOrigin || !CredentialHeaders.Contains(header, StringComparer.OrdinalIgnoreCase));

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private string Show(Uri url) => SameOrigin(_visited[0], url) ? url.PathAndQuery : url.ToString();

    private static TlsFactsCollector NewCollector(Uri url) => new(url.IdnHost, url.IdnHost);
}
