using System.CommandLine;

namespace Uplink.Cli;

/// <summary>The <c>uplink</c> command and its subcommands.</summary>
public static class UplinkCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Uplink watches the backend of a mobile app the way the app uses it.")
        {
            ServeCommand.Create(output, error),
            CheckCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            DemoCommand.Create(output, error),
            PinsCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine(problem.Message);
            }

            error.WriteLine("Run 'uplink --help' for the commands and their options.");
            return ExitCodes.BadConfig;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    internal static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = "The YAML config file.",
        Required = true,
    };

    internal static Option<string> UrlsOption() => new("--urls")
    {
        Description = "Where the dashboard and API listen.",
        DefaultValueFactory = _ => Hosting.ServeSettings.DefaultUrls,
    };

    internal static Option<string> DataOption() => new("--data")
    {
        Description = "The data folder, which holds the SQLite database.",
        DefaultValueFactory = _ => "data",
    };
}
