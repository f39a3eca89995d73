namespace Uplink.Hosting;

/// <summary>Where the server listens and keeps its data.</summary>
public sealed record ServeSettings
{
    /// <value>http://127.0.0.1:8080: loopback only until the user opens it up.</value>
    public string Urls { get; init; } = DefaultUrls;

    /// <value>./data, relative to the working directory.</value>
    public string DataFolder { get; init; } = "data";

    public const string DefaultUrls = "http://127.0.0.1:8080";
}
