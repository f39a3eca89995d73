#!/usr/bin/env bash
# Runs an unmodified Parse Server on a private PostgreSQL cluster, on loopback only, for Uplink
# to watch. Everything it creates lives in .state/ beside this file.
#
#   run.sh start          install what is missing, start PostgreSQL and Parse Server, seed once
#   run.sh stop [--clean] stop both (data is kept; --clean also deletes .state/)
#   run.sh status         print what runs
#   run.sh env            print export lines for: eval "$(run.sh env)"
#
# Environment: PARSE_PORT (default 1337), PARSE_PG_PORT (default 54329),
# PARSE_START_TIMEOUT seconds to wait for /parse/health (default 60).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="$HERE/.state"
PG_DATA="$STATE/pg"
PG_SOCKET_DIR="$STATE/pg-socket"
# A Unix socket path may hold at most 107 bytes; fall back to /tmp for a deep checkout.
if ((${#PG_SOCKET_DIR} > 80)); then
  PG_SOCKET_DIR="/tmp/uplink-parse-pg-$(printf '%s' "$HERE" | cksum | cut -d' ' -f1)"
fi
PG_LOG="$STATE/postgres.log"
PARSE_LOG="$STATE/parse-server.log"
PARSE_PID_FILE="$STATE/parse-server.pid"
SECRETS_FILE="$STATE/secrets.env"
SEEDED_MARKER="$STATE/seeded"

PARSE_PORT="${PARSE_PORT:-1337}"
PG_PORT="${PARSE_PG_PORT:-54329}"
START_TIMEOUT="${PARSE_START_TIMEOUT:-60}"
APP_ID="uplink-example"
DEMO_USER="demo"
DEMO_PASSWORD="demo-password"
PARSE_URL="http://127.0.0.1:$PARSE_PORT/parse"
MIN_NODE_MAJOR=20
MIN_NODE_MINOR=19

log() { printf 'run.sh: %s\n' "$*" >&2; }
die() {
  printf 'run.sh: error: %s\n' "$*" >&2
  exit 1
}

# Show the end of a log after a failure.
tail_log() {
  local file="$1"
  if [[ -f "$file" ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 40 "$file" >&2 || true
    printf -- '--- end of %s ---\n' "$file" >&2
  fi
}

as_postgres() {
  # PostgreSQL refuses to run as root; run its tools as the postgres user from a folder
  # that user can read.
  (cd "$STATE" && runuser -u postgres -- "$@")
}

pg_bin() {
  # The newest installed PostgreSQL major version.
  local newest dir
  newest="$(for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" ]]; then printf '%s\n' "$dir"; fi
  done | sort -V | tail -n 1)"
  [[ -n "$newest" ]] || die "no PostgreSQL found under /usr/lib/postgresql"
  printf '%s\n' "$newest"
}

random_hex() {
  od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# ---------------------------------------------------------------------------------------------
# Installation

ensure_postgres_installed() {
  if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    return
  fi
  command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is not available"
  log "installing PostgreSQL (apt-get)"
  # Only the binaries are wanted: do not let the package create and start a system cluster.
  mkdir -p /etc/postgresql-common/createcluster.d
  printf 'create_main_cluster = false\n' >/etc/postgresql-common/createcluster.d/uplink-example.conf
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || die "PostgreSQL installed, but no initdb found"
}

ensure_node() {
  command -v node >/dev/null || die "Node.js is not installed; Parse Server needs Node.js >= 20.19"
  command -v npm >/dev/null || die "npm is not installed; Parse Server needs it to install"
  local version major minor
  version="$(node --version)"
  version="${version#v}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  if ((major < MIN_NODE_MAJOR || (major == MIN_NODE_MAJOR && minor < MIN_NODE_MINOR))); then
    die "Node.js $version is too old; Parse Server 9 needs Node.js >= $MIN_NODE_MAJOR.$MIN_NODE_MINOR"
  fi
}

ensure_node_modules() {
  local marker="$HERE/node_modules/.package-lock.json"
  if [[ -f "$marker" && -f "$HERE/node_modules/parse-server/package.json" \
    && ! "$HERE/package-lock.json" -nt "$marker" && ! "$HERE/package.json" -nt "$marker" ]]; then
    return
  fi
  log "installing Parse Server (npm)"
  if [[ -f "$HERE/package-lock.json" ]]; then
    (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
  else
    (cd "$HERE" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

ensure_secrets() {
  mkdir -p "$STATE"
  if [[ ! -s "$SECRETS_FILE" ]]; then
    (
      umask 077
      {
        printf 'MASTER_KEY=%s\n' "$(random_hex 24)"
        printf 'REST_KEY=%s\n' "$(random_hex 16)"
        printf 'PG_PASSWORD=%s\n' "$(random_hex 16)"
      } >"$SECRETS_FILE.tmp"
      mv "$SECRETS_FILE.tmp" "$SECRETS_FILE"
    )
  fi
  local key value
  while IFS='=' read -r key value; do
    case "$key" in
      MASTER_KEY) MASTER_KEY="$value" ;;
      REST_KEY) REST_KEY="$value" ;;
      PG_PASSWORD) PG_PASSWORD="$value" ;;
      *) ;;
    esac
  done <"$SECRETS_FILE"
  [[ -n "${MASTER_KEY:-}" && -n "${REST_KEY:-}" && -n "${PG_PASSWORD:-}" ]] \
    || die "$SECRETS_FILE is incomplete; run 'run.sh stop --clean' and start again"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

check_traversable() {
  if ! runuser -u postgres -- test -x "$STATE"; then
    die "the postgres user cannot enter $STATE; every parent folder needs o+x (chmod o+x ...)"
  fi
}

init_cluster() {
  local bin="$1"
  if [[ -f "$PG_DATA/PG_VERSION" ]]; then
    return
  fi
  log "creating a private PostgreSQL cluster in $PG_DATA"
  rm -rf "$PG_DATA"
  mkdir -p "$PG_DATA"
  chown postgres:postgres "$PG_DATA"
  chmod 700 "$PG_DATA"
  local pwfile
  pwfile="$(mktemp "$STATE/pgpass.XXXXXX")"
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  chown postgres:postgres "$pwfile"
  if ! as_postgres "$bin/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" --encoding=UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 --no-sync >"$STATE/initdb.log" 2>&1; then
    rm -f "$pwfile"
    tail_log "$STATE/initdb.log"
    rm -rf "$PG_DATA"
    die "initdb failed"
  fi
  rm -f "$pwfile"
  printf "\ninclude_if_exists = 'uplink-example.conf'\n" >>"$PG_DATA/postgresql.conf"
}

write_pg_settings() {
  # Rewritten on every start so that PARSE_PG_PORT can change between runs.
  local conf="$PG_DATA/uplink-example.conf"
  {
    printf "listen_addresses = '127.0.0.1'\n"
    printf 'port = %s\n' "$PG_PORT"
    printf "unix_socket_directories = '%s'\n" "$PG_SOCKET_DIR"
    printf 'max_connections = 50\n'
    printf 'synchronous_commit = off\n'
  } >"$conf"
  chown postgres:postgres "$conf"
}

start_postgres() {
  local bin
  bin="$(pg_bin)"
  check_traversable
  init_cluster "$bin"
  mkdir -p "$PG_SOCKET_DIR"
  chown postgres:postgres "$PG_SOCKET_DIR"
  chmod 700 "$PG_SOCKET_DIR"
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"
  if pg_running; then
    log "PostgreSQL already runs"
  else
    if port_in_use "$PG_PORT"; then
      die "port $PG_PORT is taken by another program; set PARSE_PG_PORT to a free port"
    fi
    write_pg_settings
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    if ! as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$START_TIMEOUT" start >/dev/null; then
      tail_log "$PG_LOG"
      die "PostgreSQL did not start"
    fi
  fi
  local exists
  exists="$(as_postgres "$bin/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'parse'")"
  if [[ "$exists" != "1" ]]; then
    log "creating database parse"
    as_postgres "$bin/createdb" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres parse
  fi
}

stop_postgres() {
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    return
  fi
  if pg_running; then
    log "stopping PostgreSQL"
    as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  fi
}

# ---------------------------------------------------------------------------------------------
# Parse Server

parse_pid() {
  # Prints the pid of our Parse Server if it runs; the pid file alone could name a reused pid.
  [[ -f "$PARSE_PID_FILE" ]] || return 1
  local pid
  pid="$(<"$PARSE_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$HERE/server.js" || return 1
  printf '%s\n' "$pid"
}

healthy() {
  curl -fsS --max-time 2 "$PARSE_URL/health" 2>/dev/null | grep -q '"status":"ok"'
}

start_parse() {
  local pid
  if pid="$(parse_pid)"; then
    log "Parse Server already runs (pid $pid)"
  else
    if port_in_use "$PARSE_PORT"; then
      die "port $PARSE_PORT is taken by another program; set PARSE_PORT to a free port"
    fi
    log "starting Parse Server on $PARSE_URL"
    printf '\n=== start %s ===\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$PARSE_LOG"
    # Parse Server's default logger writes ./logs when it is loaded; run it inside .state and
    # turn those files off (its output goes to $PARSE_LOG).
    (
      cd "$STATE"
      export PARSE_STATE_DIR="$STATE" PARSE_PORT="$PARSE_PORT" PARSE_APP_ID="$APP_ID" \
        PARSE_MASTER_KEY="$MASTER_KEY" PARSE_REST_KEY="$REST_KEY" PARSE_SERVER_LOGS_FOLDER=null \
        PARSE_DATABASE_URI="postgres://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/parse"
      exec setsid node "$HERE/server.js" </dev/null >>"$PARSE_LOG" 2>&1
    ) &
    pid=$!
    printf '%s\n' "$pid" >"$PARSE_PID_FILE"
  fi
  local waited=0
  until healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail_log "$PARSE_LOG"
      rm -f "$PARSE_PID_FILE"
      die "Parse Server exited during start"
    fi
    if ((waited >= START_TIMEOUT * 4)); then
      tail_log "$PARSE_LOG"
      die "Parse Server did not answer ok on $PARSE_URL/health within ${START_TIMEOUT}s"
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
}

stop_parse() {
  local pid
  if pid="$(parse_pid)"; then
    log "stopping Parse Server (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local waited=0
    while kill -0 "$pid" 2>/dev/null; do
      if ((waited >= 40)); then
        log "Parse Server did not stop within 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.25
      waited=$((waited + 1))
    done
  fi
  rm -f "$PARSE_PID_FILE"
}

# ---------------------------------------------------------------------------------------------
# Seeding, through Parse Server's own REST API

# api METHOD PATH [BODY]: a master-key request; prints the body, fails on a non-2xx status.
api() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS --max-time 30 -X "$method" -w '\n%{http_code}'
    -H "X-Parse-Application-Id: $APP_ID" -H "X-Parse-Master-Key: $MASTER_KEY")
  if [[ -n "$body" ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$body")
  fi
  local response status
  response="$(curl "${args[@]}" "$PARSE_URL$path")"
  status="${response##*$'\n'}"
  API_BODY="${response%$'\n'*}"
  API_STATUS="$status"
  [[ "$status" == 2* ]]
}

seed() {
  if [[ -f "$SEEDED_MARKER" ]]; then
    return
  fi
  log "seeding classes, the demo user, configuration and products"

  # Clients may read and search products; only the master key may write them or add fields.
  local clp='{"find":{"*":true},"get":{"*":true},"count":{"*":true},"create":{},"update":{},
    "delete":{},"addField":{},"protectedFields":{"*":[]}}'
  api GET /schemas || die "reading the schemas failed ($API_STATUS): $API_BODY"
  if ! grep -q '"className":"Product"' <<<"$API_BODY"; then
    api POST /schemas/Product "{\"className\":\"Product\",\"fields\":{
      \"name\":{\"type\":\"String\"},\"price\":{\"type\":\"Number\"},
      \"category\":{\"type\":\"String\"},\"sku\":{\"type\":\"String\"},
      \"inStock\":{\"type\":\"Boolean\"}},\"classLevelPermissions\":$clp}" \
      || die "creating class Product failed ($API_STATUS): $API_BODY"
  fi

  # The demo user signs up like an app would, with the REST key.
  local signup status
  signup="$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST \
    -H "X-Parse-Application-Id: $APP_ID" -H "X-Parse-REST-API-Key: $REST_KEY" \
    -H 'X-Parse-Revocable-Session: 1' -H 'Content-Type: application/json' \
    --data-binary "{\"username\":\"$DEMO_USER\",\"password\":\"$DEMO_PASSWORD\"}" "$PARSE_URL/users")"
  status="${signup##*$'\n'}"
  if [[ "$status" != 201 ]] && ! grep -q '"code":202' <<<"$signup"; then
    die "signing up user $DEMO_USER failed ($status): ${signup%$'\n'*}"
  fi

  api PUT /config '{"params":{"minimumAppVersion":"5.0.0","latestAppVersion":"5.3.1",
    "featureFlags":{"newCheckout":true,"darkMode":false,"searchSuggestions":true},
    "supportEmail":"support@example.com"}}' \
    || die "setting the configuration failed ($API_STATUS): $API_BODY"

  api GET '/classes/Product?limit=0&count=1' || die "counting products failed ($API_STATUS): $API_BODY"
  if grep -q '"count":0' <<<"$API_BODY"; then
    local products=(
      'Wireless Headphones|129.99|audio' 'Bluetooth Speaker|59.5|audio' 'Studio Monitor|249|audio'
      'Earbuds Pro|179|audio' 'Headphone Stand|19.99|audio'
      'Phone Case|24.99|accessories' 'USB-C Cable|9.99|accessories' 'Wall Charger|29|accessories'
      'Screen Protector|12.5|accessories' 'Car Mount|34.99|accessories'
      'Smart Watch|299|wearables' 'Fitness Band|79|wearables' 'Watch Strap|25|wearables'
      'Sleep Tracker|99|wearables' 'Smart Ring|349|wearables'
      'Tablet 10 inch|399|tablets' 'Tablet Keyboard|89|tablets' 'Stylus Pen|49|tablets'
      'Tablet Sleeve|29.99|tablets' 'E-Reader|139|tablets'
    )
    local requests="" entry name price category index=0
    for entry in "${products[@]}"; do
      IFS='|' read -r name price category <<<"$entry"
      index=$((index + 1))
      [[ -z "$requests" ]] || requests+=","
      requests+="{\"method\":\"POST\",\"path\":\"/parse/classes/Product\",\"body\":{
        \"name\":\"$name\",\"price\":$price,\"category\":\"$category\",
        \"sku\":\"SKU-$(printf '%03d' "$index")\",\"inStock\":true,\"ACL\":{\"*\":{\"read\":true}}}}"
    done
    api POST /batch "{\"requests\":[$requests]}" || die "creating products failed ($API_STATUS): $API_BODY"
    if grep -q '"error"' <<<"$API_BODY"; then
      die "creating products failed: $API_BODY"
    fi
  fi
  touch "$SEEDED_MARKER"
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_start() {
  [[ "$(id -u)" == 0 ]] || die "run as root (it installs packages and runs PostgreSQL as postgres)"
  ensure_postgres_installed
  ensure_node
  ensure_node_modules
  command -v curl >/dev/null || die "curl is missing (apt-get install -y curl)"
  ensure_secrets
  start_postgres
  start_parse
  seed
  log "ready: $PARSE_URL (app id $APP_ID); eval \"\$($HERE/run.sh env)\" to use it"
}

cmd_stop() {
  local clean=false
  case "${1:-}" in
    --clean) clean=true ;;
    "") ;;
    *) die "unknown option for stop: $1 (only --clean)" ;;
  esac
  stop_parse
  if [[ -d "$STATE" ]]; then
    stop_postgres
  fi
  if [[ "$clean" == true ]]; then
    log "deleting $STATE"
    rm -rf "$STATE"
    if [[ "$PG_SOCKET_DIR" != "$STATE"/* ]]; then
      rm -rf "$PG_SOCKET_DIR"
    fi
  fi
}

cmd_status() {
  local pid
  if pid="$(parse_pid)"; then
    if healthy; then
      printf 'parse-server: running (pid %s) at %s, health ok\n' "$pid" "$PARSE_URL"
    else
      printf 'parse-server: running (pid %s) at %s, health NOT ok\n' "$pid" "$PARSE_URL"
    fi
  else
    printf 'parse-server: stopped\n'
  fi
  if [[ -f "$PG_DATA/PG_VERSION" ]] && pg_running; then
    printf 'postgresql: running at 127.0.0.1:%s (data %s)\n' "$PG_PORT" "$PG_DATA"
  elif [[ -f "$PG_DATA/PG_VERSION" ]]; then
    printf 'postgresql: stopped (data %s)\n' "$PG_DATA"
  else
    printf 'postgresql: no cluster yet\n'
  fi
}

cmd_env() {
  ensure_secrets
  printf 'export PARSE_URL=%s\n' "$PARSE_URL"
  printf 'export PARSE_APP_ID=%s\n' "$APP_ID"
  printf 'export PARSE_REST_KEY=%s\n' "$REST_KEY"
  printf 'export PARSE_PASSWORD=%s\n' "$DEMO_PASSWORD"
}

usage() {
  printf 'usage: %s start | stop [--clean] | status | env\n' "$0" >&2
  exit 2
}

main() {
  local command="${1:-}"
  if [[ $# -gt 0 ]]; then shift; fi
  case "$command" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    env) cmd_env "$@" ;;
    *) usage ;;
  esac
}

main "$@"
