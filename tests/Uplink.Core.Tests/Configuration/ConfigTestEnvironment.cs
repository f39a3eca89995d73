namespace Uplink.Configuration;

/// <summary>A fixed environment for config tests, so that no test reads the real one.</summary>
internal static class ConfigTestEnvironment
{
    public static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["API_URL"] = "https://api.example.com",
        ["DEMO_PASSWORD"] = "s3cret",
    };

    public static string? Lookup(string name) => Values.GetValueOrDefault(name);

    public static ConfigLoadResult Parse(string yaml) => ConfigLoader.Parse(yaml, "test.yaml", Lookup);

    public static UplinkConfig ParseValid(string yaml)
    {
        var result = Parse(yaml);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return Assert.IsType<UplinkConfig>(result.Config);
    }
}
