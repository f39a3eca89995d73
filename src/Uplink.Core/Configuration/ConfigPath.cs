namespace Uplink.Configuration;

/// <summary>Builds the paths that name a place in the config, such as <c>monitors[2].steps[1].url</c>.</summary>
internal static class ConfigPath
{
    /// <summary>The path of the whole config, used for errors about its top level.</summary>
    public const string Root = "(config)";

    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Show(string path) => path.Length == 0 ? Root : path;
}
