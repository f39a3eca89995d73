using Uplink.Judging;

namespace Uplink.Configuration;

/// <summary>The operations every config starts with; a config may override any value or add its own.</summary>
public static class Operations
{
    public const string AuthRefresh = "auth-refresh";
    public const string DataFetch = "data-fetch";
    public const string Search = "search";
    public const string FileUpload = "file-upload";

    public static IReadOnlyDictionary<string, Thresholds> BuiltIn { get; } = new Dictionary<string, Thresholds>
    {
        [AuthRefresh] = new(Ms(200), Ms(500), Ms(2000)),
        [DataFetch] = new(Ms(300), Ms(800), Ms(3000)),
        [Search] = new(Ms(500), Ms(1000), Ms(3000)),
        [FileUpload] = new(Ms(2000), Ms(5000), Ms(10000)),
    };

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
