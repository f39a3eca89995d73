namespace Uplink.Storage;

/// <summary>
/// The SQLite schema as an ordered list of steps. The database's <c>user_version</c> says how many
/// have run; start-up runs the rest, each in its own transaction. Steps are only ever appended.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE results (
            id INTEGER PRIMARY KEY,
            monitor TEXT NOT NULL,
            region TEXT NOT NULL,
            planned_at INTEGER NOT NULL,
            started_at INTEGER NOT NULL,
            duration_ms REAL NOT NULL,
            health TEXT NOT NULL,
            error TEXT,
            bytes INTEGER NOT NULL
        );
        CREATE INDEX ix_results_monitor_started ON results (monitor, started_at);
        CREATE TABLE result_steps (
            result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            operation TEXT NOT NULL,
            target_ms REAL NOT NULL,
            warning_ms REAL NOT NULL,
            critical_ms REAL NOT NULL,
            method TEXT NOT NULL,
            url TEXT NOT NULL,
            status_code INTEGER,
            duration_ms REAL NOT NULL,
            band TEXT NOT NULL,
            dns_ms REAL,
            connect_ms REAL,
            tls_ms REAL,
            first_byte_ms REAL,
            download_ms REAL,
            bytes INTEGER NOT NULL,
            failed_phase TEXT,
            error TEXT,
            conditions TEXT NOT NULL,
            PRIMARY KEY (result_id, position)
        );
        """,
        """
        CREATE TABLE heartbeat_pings (
            id INTEGER PRIMARY KEY,
            monitor TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            exit_code INTEGER,
            run_id TEXT,
            source TEXT,
            user_agent TEXT,
            query TEXT,
            body TEXT,
            body_truncated INTEGER NOT NULL,
            duration_ms REAL
        );
        CREATE INDEX ix_heartbeat_pings_monitor ON heartbeat_pings (monitor, id);
        CREATE TABLE heartbeat_states (
            id INTEGER PRIMARY KEY,
            monitor TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            since INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL
        );
        CREATE INDEX ix_heartbeat_states_monitor ON heartbeat_states (monitor, id);
        CREATE TABLE heartbeat_tokens (
            monitor TEXT PRIMARY KEY,
            token TEXT NOT NULL
        );
        """,
        """
        ALTER TABLE result_steps ADD COLUMN tls TEXT;
        """,
        """
        ALTER TABLE result_steps ADD COLUMN http_version TEXT;
        ALTER TABLE result_steps ADD COLUMN redirects INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE result_steps ADD COLUMN cdn_cache TEXT;
        """,
        """
        ALTER TABLE result_steps ADD COLUMN transfer TEXT;
        ALTER TABLE results ADD COLUMN variant_of TEXT;
        ALTER TABLE results ADD COLUMN api_version TEXT;
        ALTER TABLE results ADD COLUMN client_version TEXT;
        """,
    ];
}
