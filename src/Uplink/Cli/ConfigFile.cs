using Uplink.Configuration;

namespace Uplink.Cli;

/// <summary>Loads a config for a command and prints every error it has.</summary>
internal static class ConfigFile
{
    public static UplinkConfig? Load(string path, TextWriter error)
    {
        var loaded = ConfigLoader.Load(path, Environment.GetEnvironmentVariable);
        if (loaded.Config is { } config)
        {
            return config;
        }

        error.WriteLine($"{path}: {loaded.Errors.Count} error(s)");
        foreach (var problem in loaded.Errors)
        {
            error.WriteLine($"  {problem}");
        }

        return null;
    }
}
