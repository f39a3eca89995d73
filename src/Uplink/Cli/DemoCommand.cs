using System.CommandLine;
using Uplink.Configuration;
using Uplink.Demo;
using Uplink.Hosting;

namespace Uplink.Cli;

/// <summary>
/// <c>uplink demo</c>: serves a stand-in mobile API on loopback and watches it, so a newcomer sees
/// a living dashboard with nothing else installed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var urls = UplinkCommandLine.UrlsOption();
        var data = UplinkCommandLine.DataOption();
        var apiUrl = new Option<string>("--api-url")
        {
            Description = "Where the stand-in mobile API listens.",
            DefaultValueFactory = _ => "http://127.0.0.1:8081",
        };
        var command = new Command("demo", "Serve a stand-in mobile API on loopback and watch it on the dashboard.")
        {
            urls, data, apiUrl,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var api = parse.GetRequiredValue(apiUrl).TrimEnd('/');
            if (ServerRun.CheckUrls("--api-url", api) is { } badApi)
            {
                error.WriteLine(badApi);
                return ExitCodes.BadConfig;
            }

            var folder = parse.GetRequiredValue(data);
            var config = await WriteConfigAsync(folder, api, error, cancellationToken);
            if (config is null)
            {
                return ExitCodes.BadConfig;
            }

            await using var demoApi = DemoApi.Build(api);
            await demoApi.StartAsync(cancellationToken);
            var settings = new ServeSettings { Urls = parse.GetRequiredValue(urls), DataFolder = folder };
            await using var app = await ServerRun.StartAsync(config, settings, error, cancellationToken);
            if (app is null)
            {
                return ExitCodes.BadConfig;
            }

            var configPath = Path.Combine(folder, ConfigFileName);
            output.WriteLine($"Stand-in mobile API at {api}; its config is {configPath}");
            output.WriteLine($"Uplink dashboard at {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private const string ConfigFileName = "demo.yaml";

    /// <summary>Writes the demo's config into the data folder, for the user to read, and loads it.</summary>
    private static async Task<UplinkConfig?> WriteConfigAsync(
        string folder,
        string apiUrl,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ConfigFileName);
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(path, DemoConfig.Yaml(apiUrl), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--data: cannot use '{folder}' as the data folder: {ex.Message}");
            return null;
        }

        var loaded = ConfigLoader.Load(path, Environment.GetEnvironmentVariable);
        foreach (var problem in loaded.Errors)
        {
            error.WriteLine(problem);
        }

        return loaded.Config;
    }
}
