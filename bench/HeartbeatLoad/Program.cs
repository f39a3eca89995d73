using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Uplink.Bench;

// Starts `uplink serve` with many heartbeats on loopback, then measures acknowledged pings:
// a sustained phase (clients pinging back to back) and a top-of-minute burst (every heartbeat
// pings once, the sends spread evenly over one second). Latency is counted from each ping's
// planned send time, so time spent queueing in the client counts too. At the end the stored
// rows are counted: every 200 must be in the database.
var options = LoadOptions.Parse(args);
var folder = Directory.CreateTempSubdirectory("uplink-bench-").FullName;
var tokens = Enumerable.Range(0, options.Heartbeats).Select(Token).ToArray();
var config = Path.Combine(folder, "uplink.yaml");
await File.WriteAllTextAsync(config, Config(tokens));
var port = FreePort();
using var server = StartServer(options.UplinkDll, config, port, Path.Combine(folder, "data"));
try
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections };
    using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    await WaitUntilServingAsync(client);

    Console.WriteLine($"heartbeats: {options.Heartbeats}, client connections: {options.Connections}, cores: "
        + Environment.ProcessorCount);
    var sustained = await SustainedAsync(client, tokens, options);
    var burst = await BurstAsync(client, tokens, options);
    var stored = CountStored(Path.Combine(folder, "data", "uplink.db"));
    var acknowledged = sustained.Acknowledged + burst.Acknowledged;
    Console.WriteLine($"stored pings: {stored}; acknowledged: {acknowledged}; "
        + (stored >= acknowledged ? "every acknowledged ping is stored" : "MISSING PINGS"));
    return stored >= acknowledged ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static async Task<LatencyStats> SustainedAsync(HttpClient client, string[] tokens, LoadOptions options)
{
    var stats = new LatencyStats();
    var started = Stopwatch.GetTimestamp();
    var end = started + (long)(options.SustainedFor.TotalSeconds * Stopwatch.Frequency);
    var clients = Enumerable.Range(0, options.SustainedClients).Select(async c =>
    {
        for (var i = c; Stopwatch.GetTimestamp() < end; i += options.SustainedClients)
        {
            await PingAsync(client, tokens[i % tokens.Length], $"s{i}", Stopwatch.GetTimestamp(), stats);
        }
    });
    await Task.WhenAll(clients);
    Console.WriteLine($"sustained, {options.SustainedClients} clients back to back: "
        + stats.Summary(Stopwatch.GetElapsedTime(started)));
    return stats;
}

static async Task<LatencyStats> BurstAsync(HttpClient client, string[] tokens, LoadOptions options)
{
    var stats = new LatencyStats();
    var started = Stopwatch.GetTimestamp();
    var window = options.BurstWindow.TotalSeconds * Stopwatch.Frequency;
    var pings = tokens.Select(async (token, i) =>
    {
        var planned = started + (long)(window * i / tokens.Length);
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), planned);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await PingAsync(client, token, $"b{i}", planned, stats);
    });
    await Task.WhenAll(pings);
    Console.WriteLine($"burst, {tokens.Length} heartbeats within {options.BurstWindow.TotalSeconds:0} s: "
        + stats.Summary(Stopwatch.GetElapsedTime(started)));
    return stats;
}

static async Task PingAsync(HttpClient client, string token, string runId, long planned, LatencyStats stats)
{
    int status;
    try
    {
        using var response = await client.GetAsync($"ping/{token}?rid={runId}");
        status = (int)response.StatusCode;
    }
    catch (HttpRequestException)
    {
        status = 0;
    }

    stats.Add(Stopwatch.GetElapsedTime(planned).TotalMilliseconds, status);
}

static string Token(int i) =>
    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"uplink-bench-{i}")))[..32];

static string Config(string[] tokens)
{
    var yaml = new StringBuilder("monitors:\n");
    for (var i = 0; i < tokens.Length; i++)
    {
        yaml.Append(CultureInfo.InvariantCulture,
            $"  - {{ name: job-{i}, kind: heartbeat, period: 1m, grace: 30s, token: {tokens[i]} }}\n");
    }

    return yaml.ToString();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartServer(string dll, string config, int port, string data)
{
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    string[] args = [dll, "serve", "--config", config, "--urls", $"http://127.0.0.1:{port}", "--data", data];
    foreach (var arg in args)
    {
        info.ArgumentList.Add(arg);
    }

    info.Environment["Logging__LogLevel__Default"] = "Warning";
    var process = Process.Start(info) ?? throw new InvalidOperationException("could not start uplink");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            Console.Error.WriteLine(e.Data);
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilServingAsync(HttpClient client)
{
    for (var attempt = 0; attempt < 600; attempt++)
    {
        try
        {
            using var response = await client.GetAsync("api/heartbeats");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("uplink serve did not answer within 60 s");
}

static long CountStored(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM heartbeat_pings";
    return (long)command.ExecuteScalar()!;
}
