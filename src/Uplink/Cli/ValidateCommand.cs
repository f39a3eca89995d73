using System.CommandLine;

namespace Uplink.Cli;

/// <summary><c>uplink validate FILE</c>: lists every error of a config at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The YAML config file to check." };
        var command = new Command("validate", "Check a config file and list every error in it, with its path.")
        {
            file,
        };

        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            var config = ConfigFile.Load(path, error);
            if (config is null)
            {
                return ExitCodes.BadConfig;
            }

            output.WriteLine($"{path}: valid, {config.Monitors.Count} monitor(s)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
