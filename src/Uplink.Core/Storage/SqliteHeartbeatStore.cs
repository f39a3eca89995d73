using Dapper;
using Microsoft.Data.Sqlite;
using Uplink.Heartbeats;

namespace Uplink.Storage;

/// <summary>
/// Keeps heartbeats' pings, state changes and generated tokens in the same SQLite file as the
/// results. Pings are written with <c>synchronous = FULL</c>: a ping is acknowledged only once its
/// transaction is on disk, and many pings share one transaction, so the cost of that is shared too.
/// </summary>
public sealed class SqliteHeartbeatStore(SqliteResultStore results)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = results.DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates or migrates the schema (shared with the results).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => results.InitializeAsync(cancellationToken);

    /// <summary>Stores pings in one durable transaction; throws when they could not be stored.</summary>
    public async Task AppendPingsAsync(IReadOnlyList<Ping> pings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA synchronous = FULL;");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            PingRow.Insert, pings.Select(PingRow.From), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A heartbeat's newest pings, newest first.</summary>
    public async Task<IReadOnlyList<Ping>> GetPingsAsync(string monitor, int limit, CancellationToken cancellationToken)
    {
        const string Sql = "SELECT * FROM heartbeat_pings WHERE monitor = @monitor ORDER BY id DESC LIMIT @limit";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PingRow>(
            new CommandDefinition(Sql, new { monitor, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPing())];
    }

    /// <summary>Stores state changes in one transaction.</summary>
    public async Task SaveStateChangesAsync(
        IReadOnlyList<HeartbeatStateChange> changes,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO heartbeat_states (monitor, state, reason, since, recorded_at)
            VALUES (@Monitor, @State, @Reason, @Since, @RecordedAt)
            """;
        var rows = changes.Select(c => new
        {
            c.Monitor,
            State = c.Status.State.Name(),
            c.Status.Reason,
            Since = c.Status.Since.ToUnixTimeMilliseconds(),
            RecordedAt = c.RecordedAt.ToUnixTimeMilliseconds(),
        });
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            new CommandDefinition(Sql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A heartbeat's stored state changes, newest first.</summary>
    public async Task<IReadOnlyList<StoredHeartbeatState>> GetStatesAsync(
        string monitor,
        int limit,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT monitor, state, reason, since FROM heartbeat_states
            WHERE monitor = @monitor ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(
            new CommandDefinition(Sql, new { monitor, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToState())];
    }

    /// <summary>The newest stored state of each heartbeat that has one.</summary>
    public async Task<IReadOnlyDictionary<string, StoredHeartbeatState>> GetLastStatesAsync(
        CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT s.monitor, s.state, s.reason, s.since FROM heartbeat_states s
            JOIN (SELECT monitor, MAX(id) AS id FROM heartbeat_states GROUP BY monitor) newest ON s.id = newest.id
            """;
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(
            new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToState()).ToDictionary(s => s.Monitor, StringComparer.Ordinal);
    }

    /// <summary>The stored token of a heartbeat, storing <paramref name="candidate"/> if it has none yet.</summary>
    public async Task<string> GetOrCreateTokenAsync(
        string monitor,
        string candidate,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO heartbeat_tokens (monitor, token) VALUES (@monitor, @candidate)
            ON CONFLICT (monitor) DO NOTHING;
            SELECT token FROM heartbeat_tokens WHERE monitor = @monitor;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(
            new CommandDefinition(Sql, new { monitor, candidate }, cancellationToken: cancellationToken)) ?? candidate;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>One row of <c>heartbeat_states</c>.</summary>
    private sealed class StateRow
    {
        public string Monitor { get; set; } = "";

        public string State { get; set; } = "";

        public string? Reason { get; set; }

        public long Since { get; set; }

        public StoredHeartbeatState ToState() => new(
            Monitor,
            HeartbeatStateNames.ParseState(State),
            Reason,
            DateTimeOffset.FromUnixTimeMilliseconds(Since));
    }

    /// <summary>One row of <c>heartbeat_pings</c>, named so that Dapper maps its snake_case columns.</summary>
    private sealed class PingRow
    {
        public const string Insert = """
            INSERT INTO heartbeat_pings (monitor, received_at, kind, exit_code, run_id, source, user_agent, query,
                body, body_truncated, duration_ms)
            VALUES (@Monitor, @Received_At, @Kind, @Exit_Code, @Run_Id, @Source, @User_Agent, @Query,
                @Body, @Body_Truncated, @Duration_Ms)
            """;

        public string Monitor { get; set; } = "";

        public long Received_At { get; set; }

        public string Kind { get; set; } = "";

        public long? Exit_Code { get; set; }

        public string? Run_Id { get; set; }

        public string? Source { get; set; }

        public string? User_Agent { get; set; }

        public string? Query { get; set; }

        public string? Body { get; set; }

        public long Body_Truncated { get; set; }

        public double? Duration_Ms { get; set; }

        public static PingRow From(Ping ping) => new()
        {
            Monitor = ping.Monitor,
            Received_At = ping.ReceivedAt.ToUnixTimeMilliseconds(),
            Kind = ping.Kind.Name(),
            Exit_Code = ping.ExitCode,
            Run_Id = ping.RunId,
            Source = ping.Source,
            User_Agent = ping.UserAgent,
            Query = ping.Query,
            Body = ping.Body,
            Body_Truncated = ping.BodyTruncated ? 1 : 0,
            Duration_Ms = ping.Duration?.TotalMilliseconds,
        };

        public Ping ToPing() => new()
        {
            Monitor = Monitor,
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(Received_At),
            Kind = HeartbeatStateNames.ParseKind(Kind),
            ExitCode = (int?)Exit_Code,
            RunId = Run_Id,
            Source = Source,
            UserAgent = User_Agent,
            Query = Query,
            Body = Body,
            BodyTruncated = Body_Truncated != 0,
            Duration = Duration_Ms is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
    }
}
