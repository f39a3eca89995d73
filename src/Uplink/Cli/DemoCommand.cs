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
            var folder = parse.GetRequiredValue(data);
            Directory.CreateDirectory(folder);
            var configPath = Path.Combine(folder, "demo.yaml");
            await File.WriteAllTextAsync(configPath, DemoConfig.Yaml(api), cancellationToken);

            var loaded = ConfigLoader.Load(configPath, Environment.GetEnvironmentVariable);
            if (loaded.Config is not { } config)
            {
                error.WriteLine(string.Join(Environment.NewLine, loaded.Errors));
                return ExitCodes.BadConfig;
            }

            await using var demoApi = DemoApi.Build(api);
            await demoApi.StartAsync(cancellationToken);
            await using var app = UplinkHost.Build(config, new ServeSettings { Urls = parse.GetRequiredValue(urls), DataFolder = folder });
            await app.StartAsync(cancellationToken);
            output.WriteLine($"Stand-in mobile API at {api}; its config is {configPath}");
            output.WriteLine($"Uplink dashboard at {string.Join(", ", app.Urls)} (Ctrl+C stops)");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
