using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Uplink.TestSupport;

/// <summary>
/// The real <c>uplink</c> command, run as its own process from the build output the way a user
/// or a CI pipeline runs it.
/// </summary>
public sealed class UplinkProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private UplinkProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs a command to its end and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        params string[] args)
    {
        await using var uplink = Start(environment, args);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await uplink._process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"uplink {string.Join(' ', args)} did not end within {timeout}:\n{uplink.Output}");
        }

        uplink._process.WaitForExit();
        return (uplink._process.ExitCode, uplink.Output);
    }

    /// <summary>Starts a long-running command such as <c>serve</c>; disposing stops it.</summary>
    public static UplinkProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "uplink.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var uplink = new UplinkProcess(process);
        process.OutputDataReceived += (_, e) => uplink.Append(e.Data);
        process.ErrorDataReceived += (_, e) => uplink.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return uplink;
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
