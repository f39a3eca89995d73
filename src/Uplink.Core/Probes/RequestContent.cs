namespace Uplink.Probes;

/// <summary>
/// A request body given as bytes: generated, read from a file, or sent as the one file part of a
/// multipart form.
/// </summary>
/// <param name="Bytes">The bytes to send.</param>
/// <param name="ContentType">The body's (or the file part's) media type.</param>
/// <param name="FormField">The form field that carries the bytes in a multipart form; null sends them raw.</param>
/// <param name="FileName">The file name of the form part.</param>
public sealed record RequestContent(
    ReadOnlyMemory<byte> Bytes,
    string ContentType,
    string? FormField = null,
    string FileName = "upload.bin");
