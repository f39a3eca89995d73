using System.Net.Http.Headers;
using System.Text;

namespace Uplink.Probes;

/// <summary>Reads a response body up to a limit and decodes it with its declared charset.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// Reads the decompressed body, at most <paramref name="limit"/> + 1 bytes: a result longer than
    /// the limit means the body was larger and the read stopped.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (body.Length <= limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit + 1 - body.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.Write(chunk, 0, read);
        }

        return body.ToArray();
    }

    public static string Decode(ReadOnlySpan<byte> body, MediaTypeHeaderValue? contentType) =>
        EncodingOf(contentType).GetString(body);

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        var charset = contentType?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            // Legacy code pages (windows-1252, Shift_JIS, ...) come from the code pages provider.
            return CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
