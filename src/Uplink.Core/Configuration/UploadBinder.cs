using System.Security.Cryptography;
using Uplink.Judging;
using Uplink.Probes;

namespace Uplink.Configuration;

/// <summary>
/// Binds a request's upload: <c>body-file</c> (a file beside the config) or <c>body-bytes</c> (that many
/// random bytes, which no compression can shrink), sent raw or, with <c>form-field</c>, as the one file
/// of a multipart form. The bytes are read or generated once, when the config is loaded.
/// </summary>
internal sealed class UploadBinder(ConfigReader reader)
{
    /// <summary>The largest upload a check may send: 100 MB.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".heic"] = "image/heic",
        [".mp4"] = "video/mp4",
        [".mov"] = "video/quicktime",
        [".pdf"] = "application/pdf",
        [".json"] = "application/json",
        [".txt"] = "text/plain",
    };

    public RequestContent? Bind(MapFields map, string? contentType)
    {
        var hasFile = map.Has("body-file");
        var hasBytes = map.Has("body-bytes");
        if (!hasFile && !hasBytes)
        {
            if (map["form-field"] is { } lone)
            {
                reader.Error(map.PathOf("form-field"), lone, "'form-field' names the form field of an upload; "
                    + "add body-file or body-bytes, or remove it");
            }

            return null;
        }

        if ((hasFile && hasBytes) || map.Has("body"))
        {
            var key = hasFile && hasBytes ? "body-bytes" : "body";
            reader.Error(map.PathOf(key), map[key], "a request has one body: give only one of body, "
                + "body-file and body-bytes");
            return null;
        }

        var (bytes, fileName) = hasFile ? ReadFile(map) : (Generate(map), "upload.bin");
        if (bytes is null)
        {
            return null;
        }

        var field = map["form-field"] is { } node ? reader.Text(node, map.PathOf("form-field")) : null;
        if (field is { Length: 0 } || (field is not null && string.IsNullOrWhiteSpace(field)))
        {
            reader.Error(map.PathOf("form-field"), map["form-field"], "'form-field' is empty; name the form "
                + "field the file goes in, e.g. form-field: photo");
            return null;
        }

        var type = contentType ?? MediaTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
        return new RequestContent(bytes, type, field, fileName);
    }

    private (byte[]? Bytes, string FileName) ReadFile(MapFields map)
    {
        var node = map["body-file"]!;
        if (reader.Text(node, map.PathOf("body-file")) is not { } text)
        {
            return (null, "");
        }

        var path = reader.FilePath(text);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            reader.Error(map.PathOf("body-file"), node, $"file '{path}' does not exist; paths are relative to the "
                + "config file");
            return (null, "");
        }

        if (file.Length > MaxUploadBytes)
        {
            reader.Error(map.PathOf("body-file"), node, $"'{text}' is {ByteSize.Format(file.Length)}; an upload "
                + $"may be at most {ByteSize.Format(MaxUploadBytes)}");
            return (null, "");
        }

        return (File.ReadAllBytes(path), file.Name);
    }

    private byte[]? Generate(MapFields map)
    {
        var node = map["body-bytes"]!;
        if (reader.Text(node, map.PathOf("body-bytes")) is not { } text)
        {
            return null;
        }

        if (!ByteSize.TryParse(text, out var length) || length <= 0 || length > MaxUploadBytes)
        {
            reader.Error(map.PathOf("body-bytes"), node, $"'{text}' is not an upload size from 1 B to "
                + $"{ByteSize.Format(MaxUploadBytes)}; write a number with B, KB or MB, e.g. body-bytes: 1MB");
            return null;
        }

        return RandomNumberGenerator.GetBytes((int)length);
    }

    /// <summary>The constant Content-Type the request's headers give, if any.</summary>
    public static string? ContentTypeOf(IEnumerable<KeyValuePair<string, Template>> headers) => headers
        .Where(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && h.Value.IsConstant)
        .Select(h => h.Value.ToString())
        .FirstOrDefault();
}
