using System.CommandLine;
using Uplink.Hosting;

namespace Uplink.Cli;

/// <summary><c>uplink serve</c>: runs the scheduler, the dashboard and the API until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = UplinkCommandLine.ConfigOption();
        var urls = UplinkCommandLine.UrlsOption();
        var data = UplinkCommandLine.DataOption();
        var command = new Command("serve", "Watch every monitor of a config and serve the dashboard and API.")
        {
            config, urls, data,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = ConfigFile.Load(parse.GetRequiredValue(config), error);
            if (loaded is null)
            {
                return ExitCodes.BadConfig;
            }

            var settings = new ServeSettings
            {
                Urls = parse.GetRequiredValue(urls),
                DataFolder = parse.GetRequiredValue(data),
            };
            await using var app = await ServerRun.StartAsync(loaded, settings, error, cancellationToken);
            if (app is null)
            {
                return ExitCodes.BadConfig;
            }

            var where = string.Join(", ", app.Urls);
            output.WriteLine($"Uplink is watching {loaded.Monitors.Count} monitor(s); dashboard at {where}");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
