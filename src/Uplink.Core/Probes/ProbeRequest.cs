using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Uplink.Probes;

/// <summary>Renders a request plan as an <see cref="HttpRequestMessage"/>, adding Uplink's default headers.</summary>
internal static class ProbeRequest
{
    public const string DefaultUserAgent = "Uplink/0.1";

    public const string DefaultAcceptEncoding = "gzip, br, deflate";

    public static HttpRequestMessage Create(HttpRequestPlan plan)
    {
        var request = new HttpRequestMessage(new HttpMethod(plan.Method), plan.Url)
        {
            Version = plan.HttpVersion ?? HttpVersion.Version11,
            VersionPolicy = plan.HttpVersion is null
                ? HttpVersionPolicy.RequestVersionOrLower
                : HttpVersionPolicy.RequestVersionExact,
        };
        if (plan.Content is { } content)
        {
            request.Content = ContentOf(content);
        }
        else if (plan.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(plan.Body));
        }

        foreach (var (name, value) in plan.Headers)
        {
            Add(request, name, value);
        }

        AddUnlessSet(request, plan, "User-Agent", DefaultUserAgent);
        AddUnlessSet(request, plan, "Accept-Encoding", DefaultAcceptEncoding);
        return request;
    }

    private static HttpContent ContentOf(RequestContent content)
    {
        var bytes = new ReadOnlyMemoryContent(content.Bytes);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(content.ContentType);
        if (content.FormField is not { } field)
        {
            return bytes;
        }

        return new MultipartFormDataContent { { bytes, field, content.FileName } };
    }

    /// <summary>
    /// The codings the handler may decode: those the request accepts, so that the handler adds no
    /// coding of its own to the <c>Accept-Encoding</c> an app would send.
    /// </summary>
    public static DecompressionMethods DecompressionFor(HttpRequestPlan plan)
    {
        var accepted = plan.Headers
            .FirstOrDefault(h => h.Key.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)).Value
            ?? DefaultAcceptEncoding;
        var methods = DecompressionMethods.None;
        foreach (var coding in accepted.Split(',', StringSplitOptions.TrimEntries))
        {
            methods |= coding.Split(';')[0].Trim().ToLowerInvariant() switch
            {
                "gzip" => DecompressionMethods.GZip,
                "br" => DecompressionMethods.Brotli,
                "deflate" => DecompressionMethods.Deflate,
                "*" => DecompressionMethods.All,
                _ => DecompressionMethods.None,
            };
        }

        return methods;
    }

    private static void Add(HttpRequestMessage request, string name, string value)
    {
        // Content headers (Content-Type, Content-Language, ...) are refused on the request itself.
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content ??= new ByteArrayContent([]);
            if (request.Content is not MultipartContent)
            {
                // The config's own Content-Type replaces the upload's guessed one.
                _ = request.Content.Headers.Remove(name);
                _ = request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private static void AddUnlessSet(HttpRequestMessage request, HttpRequestPlan plan, string name, string value)
    {
        if (!plan.Headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            _ = request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
