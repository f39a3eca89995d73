using Spectre.Console;
using Uplink.Checks;
using Uplink.Judging;

namespace Uplink.Cli;

/// <summary>Prints check results as a table: one row per monitor, and one per step of a flow.</summary>
internal static class CheckTable
{
    public static void Write(TextWriter writer, IReadOnlyList<CheckResult> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected)
        {
            // A CI log has no terminal width to wrap to; keep each row on one line.
            console.Profile.Width = 180;
        }

        var table = new Table().Border(TableBorder.Rounded);
        string[] columns = ["monitor", "health", "step", "duration", "band", "thresholds", "status", "size", "failure"];
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var result in results)
        {
            AddRows(table, result);
        }

        console.Write(table);
        var counts = results.GroupBy(r => r.Health).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}");
        console.WriteLine($"{results.Count} monitor(s): {string.Join(", ", counts)}");
    }

    private static void AddRows(Table table, CheckResult result)
    {
        var health = $"[{Colour(result.Health)}]{result.Health.Name()}[/]";
        if (result.Steps.Count == 0)
        {
            var duration = Durations.Format(result.Duration);
            table.AddRow(Text(result.Monitor), health, "", duration, "", "", "", "", Text(result.Error));
            return;
        }

        // An http monitor's one step carries the monitor's name (a variant's, its base name).
        var ownName = result.Variant?.Base ?? result.Monitor;
        var multi = result.Steps.Count > 1 || result.Steps[0].Name != ownName;
        if (multi)
        {
            table.AddRow(
                Text(result.Monitor), health, "(flow)", Durations.Format(result.Duration), "", "", "",
                ByteSize.Format(result.BytesReceived), Text(result.Error));
        }

        foreach (var step in result.Steps)
        {
            table.AddRow(
                multi ? "" : Text(result.Monitor),
                multi ? $"[{Colour(step.Health)}]{step.Health.Name()}[/]" : health,
                multi ? Text(step.Name) : "",
                Durations.Format(step.Duration),
                step.Band.Name(),
                Text($"{step.Operation} {Durations.Format(step.Thresholds.Target)} / "
                    + $"{Durations.Format(step.Thresholds.Warning)} / {Durations.Format(step.Thresholds.Critical)}"),
                step.StatusCode?.ToString() ?? "-",
                ByteSize.Format(step.BytesReceived),
                Text(step.Failure));
        }
    }

    private static string Text(string? value) => Markup.Escape(value ?? "");

    private static string Colour(Health health) => health switch
    {
        Health.Up => "green",
        Health.Degraded => "yellow",
        Health.Critical => "darkorange",
        _ => "red",
    };
}
