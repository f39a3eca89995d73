using System.Diagnostics;
using System.Text;

namespace Uplink.EndToEnd;

/// <summary>
/// Runs the Parse Server example (<c>examples/parse-server/run.sh</c>): a real, unmodified mobile backend on a
/// private PostgreSQL cluster, on loopback only. Starts it once for a test class and stops it afterwards.
/// A failing start fails the tests with the script's output; it never skips them.
/// </summary>
public sealed class ParseServerFixture : IAsyncLifetime
{
    /// <summary>The variables <c>run.sh env</c> prints and <c>uplink.yaml</c> uses.</summary>
    public static readonly IReadOnlyList<string> VariableNames =
        ["PARSE_URL", "PARSE_APP_ID", "PARSE_REST_KEY", "PARSE_PASSWORD"];

    // The first start on a new machine may install PostgreSQL and the npm packages.
    private static readonly TimeSpan _startTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _envTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public ParseServerFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        ExampleDirectory = Path.Combine(RepositoryRoot, "examples", "parse-server");
        ScriptPath = Path.Combine(ExampleDirectory, "run.sh");
        ConfigPath = Path.Combine(ExampleDirectory, "uplink.yaml");
    }

    /// <summary>The folder that holds <c>Uplink.slnx</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary><c>examples/parse-server</c>.</summary>
    public string ExampleDirectory { get; }

    /// <summary><c>examples/parse-server/run.sh</c>.</summary>
    public string ScriptPath { get; }

    /// <summary><c>examples/parse-server/uplink.yaml</c>, the config that watches this Parse Server.</summary>
    public string ConfigPath { get; }

    /// <summary>PARSE_URL, PARSE_APP_ID, PARSE_REST_KEY and PARSE_PASSWORD, as <c>run.sh env</c> prints them.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The Parse Server REST root, for example <c>http://127.0.0.1:1337/parse</c>.</summary>
    public string ParseUrl => _environment["PARSE_URL"];

    /// <summary>Whether Parse Server is meant to be running (false between Stop and Start).</summary>
    public bool IsRunning { get; private set; }

    public async Task InitializeAsync()
    {
        await StartParseAsync();
        _environment = await ReadEnvironmentAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await StopParseAsync();
        }
        finally
        {
            _gate.Dispose();
        }
    }

    /// <summary>Starts PostgreSQL and Parse Server (a no-op when they run) and waits until Parse is healthy.</summary>
    public async Task StartParseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await RunScriptAsync(_startTimeout, "start");
            IsRunning = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops Parse Server and its PostgreSQL, keeping the data, so that checks against it fail.</summary>
    public async Task StopParseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await RunScriptAsync(_stopTimeout, "stop");
            IsRunning = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The environment a child process (for example <c>uplink check</c>) needs for <see cref="ConfigPath"/>,
    /// with optional overrides such as a wrong PARSE_PASSWORD.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentWith(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var merged = new Dictionary<string, string>(_environment, StringComparer.Ordinal);
        if (overrides is not null)
        {
            foreach (var (name, value) in overrides)
            {
                merged[name] = value;
            }
        }

        return merged;
    }

    private async Task<Dictionary<string, string>> ReadEnvironmentAsync()
    {
        var output = await RunScriptAsync(_envTimeout, "env");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in output.StandardOutput.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            values[line[..equals]] = Unquote(line[(equals + 1)..]);
        }

        var missing = VariableNames.Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"'run.sh env' did not print {string.Join(", ", missing)}.{System.Environment.NewLine}{output}");
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[^1] == value[0])
        {
            return value[1..^1];
        }

        return value;
    }

    private async Task<ScriptOutput> RunScriptAsync(TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(ScriptPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var command = $"run.sh {string.Join(' ', arguments)}";
        using var process = new Process { StartInfo = startInfo };
        var standardOutput = new StringBuilder();
        var standardError = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(standardOutput, e.Data);
        process.ErrorDataReceived += (_, e) => Append(standardError, e.Data);

        if (!process.Start())
        {
            throw new InvalidOperationException($"{command}: bash could not be started");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(
                $"{command} did not finish within {timeout.TotalSeconds:0} s.{System.Environment.NewLine}"
                + new ScriptOutput(Read(standardOutput), Read(standardError)));
        }

        var output = new ScriptOutput(Read(standardOutput), Read(standardError));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} exited with code {process.ExitCode}.{System.Environment.NewLine}{output}");
        }

        return output;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Uplink.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds Uplink.slnx; cannot find examples/parse-server.");
    }

    private sealed record ScriptOutput(string StandardOutput, string StandardError)
    {
        public override string ToString() =>
            $"--- stdout ---{System.Environment.NewLine}{StandardOutput}"
            + $"--- stderr ---{System.Environment.NewLine}{StandardError}";
    }
}
