using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Uplink.Checks;
using Uplink.Judging;
using Uplink.Mobile;
using Uplink.Probes;
using Uplink.Tls;

namespace Uplink.Storage;

/// <summary>
/// Stores results in a SQLite file in write-ahead-log mode, so the dashboard can read while the
/// scheduler writes. Times are stored as Unix milliseconds, durations as milliseconds.
/// </summary>
public sealed class SqliteResultStore : IResultStore
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "uplink.db";

    private readonly string _connectionString;

    public SqliteResultStore(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        DatabasePath = Path.GetFullPath(Path.Combine(dataFolder, FileName));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var version = await connection.ExecuteScalarAsync<long>("PRAGMA user_version;");
        for (var step = (int)version; step < SqliteMigrations.Steps.Count; step++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(SqliteMigrations.Steps[step], transaction: transaction);
            await connection.ExecuteAsync($"PRAGMA user_version = {step + 1};", transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task SaveAsync(IReadOnlyList<CheckResult> results, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var result in results)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(
                    ResultRow.Insert, ResultRow.From(result), transaction, cancellationToken: cancellationToken));
            var steps = result.Steps.Select((step, position) => StepRow.From(id, position, step));
            await connection.ExecuteAsync(
                new CommandDefinition(StepRow.Insert, steps, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CheckResult>> GetResultsAsync(
        string monitor,
        DateTimeOffset from,
        DateTimeOffset to,
        int limit,
        CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT * FROM (
                SELECT * FROM results
                WHERE monitor = @monitor AND started_at >= @from AND started_at < @to
                ORDER BY started_at DESC, id DESC
                LIMIT @limit)
            ORDER BY started_at, id
            """;
        var args = new { monitor, from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds(), limit };

        await using var connection = await OpenAsync(cancellationToken);
        var query = new CommandDefinition(Sql, args, cancellationToken: cancellationToken);
        var rows = await connection.QueryAsync<ResultRow>(query);
        return await WithStepsAsync(connection, rows.ToList(), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CheckResult>> GetLatestAsync(CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT r.* FROM results r
            JOIN (SELECT monitor, MAX(id) AS id FROM results GROUP BY monitor) newest ON r.id = newest.id
            """;

        await using var connection = await OpenAsync(cancellationToken);
        var query = new CommandDefinition(Sql, cancellationToken: cancellationToken);
        var rows = await connection.QueryAsync<ResultRow>(query);
        var results = await WithStepsAsync(connection, rows.ToList(), cancellationToken);
        return results.ToDictionary(r => r.Monitor, StringComparer.Ordinal);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IReadOnlyList<CheckResult>> WithStepsAsync(
        SqliteConnection connection,
        List<ResultRow> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        const string Sql = "SELECT * FROM result_steps WHERE result_id IN @ids ORDER BY result_id, position";
        var ids = rows.Select(r => r.Id).ToArray();
        var query = new CommandDefinition(Sql, new { ids }, cancellationToken: cancellationToken);
        var steps = (await connection.QueryAsync<StepRow>(query))
            .ToLookup(s => s.ResultId);

        return rows.Select(r => r.ToResult(steps[r.Id].Select(s => s.ToStep()).ToList())).ToList();
    }

    /// <summary>One row of <c>results</c>, named so that Dapper maps its snake_case columns.</summary>
    private sealed class ResultRow
    {
        public const string Insert = """
            INSERT INTO results (monitor, region, planned_at, started_at, duration_ms, health, error, bytes,
                variant_of, api_version, client_version)
            VALUES (@Monitor, @Region, @Planned_At, @Started_At, @Duration_Ms, @Health, @Error, @Bytes,
                @Variant_Of, @Api_Version, @Client_Version)
            RETURNING id
            """;

        public long Id { get; set; }

        public string Monitor { get; set; } = "";

        public string Region { get; set; } = "";

        public long Planned_At { get; set; }

        public long Started_At { get; set; }

        public double Duration_Ms { get; set; }

        public string Health { get; set; } = "";

        public string? Error { get; set; }

        public long Bytes { get; set; }

        /// <summary>The monitor a variant was expanded from; null for a monitor with no variants.</summary>
        public string? Variant_Of { get; set; }

        public string? Api_Version { get; set; }

        public string? Client_Version { get; set; }

        public static ResultRow From(CheckResult result) => new()
        {
            Monitor = result.Monitor,
            Region = result.Region,
            Planned_At = result.PlannedAt.ToUnixTimeMilliseconds(),
            Started_At = result.StartedAt.ToUnixTimeMilliseconds(),
            Duration_Ms = result.Duration.TotalMilliseconds,
            Health = result.Health.Name(),
            Error = result.Error,
            Bytes = result.BytesReceived,
            Variant_Of = result.Variant?.Base,
            Api_Version = result.Variant?.ApiVersion,
            Client_Version = result.Variant?.ClientVersion,
        };

        public CheckResult ToResult(IReadOnlyList<StepResult> steps) => new()
        {
            Monitor = Monitor,
            Region = Region,
            PlannedAt = DateTimeOffset.FromUnixTimeMilliseconds(Planned_At),
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(Started_At),
            Duration = TimeSpan.FromMilliseconds(Duration_Ms),
            Health = HealthNames.ParseHealth(Health),
            Error = Error,
            Steps = steps,
            Variant = Variant_Of is null ? null : new MonitorVariant(Variant_Of, Api_Version, Client_Version),
        };
    }

    /// <summary>One row of <c>result_steps</c>.</summary>
    private sealed class StepRow
    {
        public const string Insert = """
            INSERT INTO result_steps (result_id, position, name, operation, target_ms, warning_ms, critical_ms,
                method, url, status_code, duration_ms, band, dns_ms, connect_ms, tls_ms, first_byte_ms,
                download_ms, bytes, failed_phase, error, conditions, tls, http_version, redirects, cdn_cache,
                transfer)
            VALUES (@Result_Id, @Position, @Name, @Operation, @Target_Ms, @Warning_Ms, @Critical_Ms,
                @Method, @Url, @Status_Code, @Duration_Ms, @Band, @Dns_Ms, @Connect_Ms, @Tls_Ms, @First_Byte_Ms,
                @Download_Ms, @Bytes, @Failed_Phase, @Error, @Conditions, @Tls, @Http_Version, @Redirects,
                @Cdn_Cache, @Transfer)
            """;

        public long Result_Id { get; set; }

        public long ResultId => Result_Id;

        public long Position { get; set; }

        public string Name { get; set; } = "";

        public string Operation { get; set; } = "";

        public double Target_Ms { get; set; }

        public double Warning_Ms { get; set; }

        public double Critical_Ms { get; set; }

        public string Method { get; set; } = "";

        public string Url { get; set; } = "";

        public long? Status_Code { get; set; }

        public double Duration_Ms { get; set; }

        public string Band { get; set; } = "";

        public double? Dns_Ms { get; set; }

        public double? Connect_Ms { get; set; }

        public double? Tls_Ms { get; set; }

        public double? First_Byte_Ms { get; set; }

        public double? Download_Ms { get; set; }

        public long Bytes { get; set; }

        public string? Failed_Phase { get; set; }

        public string? Error { get; set; }

        public string Conditions { get; set; } = "[]";

        /// <summary>The step's <see cref="TlsReport"/> as JSON; null for plain http.</summary>
        public string? Tls { get; set; }

        public string? Http_Version { get; set; }

        public long Redirects { get; set; }

        public string? Cdn_Cache { get; set; }

        /// <summary>The step's <see cref="TransferReport"/> as JSON; null when no request was made.</summary>
        public string? Transfer { get; set; }

        public static StepRow From(long resultId, int position, StepResult step) => new()
        {
            Result_Id = resultId,
            Position = position,
            Name = step.Name,
            Operation = step.Operation,
            Target_Ms = step.Thresholds.Target.TotalMilliseconds,
            Warning_Ms = step.Thresholds.Warning.TotalMilliseconds,
            Critical_Ms = step.Thresholds.Critical.TotalMilliseconds,
            Method = step.Method,
            Url = step.Url,
            Status_Code = step.StatusCode,
            Duration_Ms = step.Duration.TotalMilliseconds,
            Band = step.Band.Name(),
            Dns_Ms = step.Timings.Dns?.TotalMilliseconds,
            Connect_Ms = step.Timings.Connect?.TotalMilliseconds,
            Tls_Ms = step.Timings.Tls?.TotalMilliseconds,
            First_Byte_Ms = step.Timings.FirstByte?.TotalMilliseconds,
            Download_Ms = step.Timings.Download?.TotalMilliseconds,
            Bytes = step.BytesReceived,
            Failed_Phase = step.FailedPhase?.ToString(),
            Error = step.Error,
            Conditions = JsonSerializer.Serialize(step.Conditions),
            Tls = step.Tls is null ? null : JsonSerializer.Serialize(step.Tls),
            Http_Version = step.HttpVersion,
            Redirects = step.Redirects,
            Cdn_Cache = step.CdnCache,
            Transfer = step.Transfer is null ? null : JsonSerializer.Serialize(step.Transfer),
        };

        public StepResult ToStep() => new()
        {
            Name = Name,
            Operation = Operation,
            Thresholds = new Thresholds(Ms(Target_Ms), Ms(Warning_Ms), Ms(Critical_Ms)),
            Method = Method,
            Url = Url,
            StatusCode = (int?)Status_Code,
            Duration = Ms(Duration_Ms),
            Band = HealthNames.ParseBand(Band),
            Timings = new PhaseTimings(Ms(Dns_Ms), Ms(Connect_Ms), Ms(Tls_Ms), Ms(First_Byte_Ms), Ms(Download_Ms)),
            BytesReceived = Bytes,
            FailedPhase = Failed_Phase is null ? null : Enum.Parse<ProbePhase>(Failed_Phase),
            Error = Error,
            Conditions = JsonSerializer.Deserialize<List<ConditionOutcome>>(Conditions) ?? [],
            Tls = Tls is null ? null : JsonSerializer.Deserialize<TlsReport>(Tls),
            HttpVersion = Http_Version,
            Redirects = (int)Redirects,
            CdnCache = Cdn_Cache,
            Transfer = Transfer is null ? null : JsonSerializer.Deserialize<TransferReport>(Transfer),
        };

        private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

        private static TimeSpan? Ms(double? ms) => ms is { } value ? TimeSpan.FromMilliseconds(value) : null;
    }
}
