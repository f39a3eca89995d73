#!/usr/bin/env bash
# A background sync job that reports every run to an Uplink heartbeat: a start ping when the run
# begins, then its log with the exit code when it ends (0 is success, anything else a failure).
# Uplink measures the run from start to end, and marks the heartbeat down when the job fails,
# runs longer than max-runtime, or stops running at all.
#
#   UPLINK_PING_URL=http://127.0.0.1:8080/ping/TOKEN examples/heartbeat/sync-job.sh [COMMAND ...]
#
# Without a command it syncs SYNC_FROM into SYNC_TO (folders), the stand-in for a real sync.
# Each ping is retried by curl a few times (Uplink answers 503 when it could not store a ping),
# and a failed ping never changes the job's own exit code.
set -uo pipefail

url="${UPLINK_PING_URL:?set UPLINK_PING_URL to the ping URL of the heartbeat, e.g. http://127.0.0.1:8080/ping/TOKEN}"
url="${url%/}"
run_id="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || echo "$$-$(date +%s)")"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

ping_uplink() {
  # $1: the path after the ping URL ("" for success, /start, /fail or /CODE); the body comes on stdin.
  curl --silent --show-error --fail --max-time 10 --retry 5 --retry-max-time 60 \
    --user-agent "sync-job.sh" --data-binary @- --output /dev/null "$url$1?rid=$run_id" \
    || echo "sync-job: could not ping Uplink at $url$1" >&2
}

sync_folders() {
  local from="${SYNC_FROM:?set SYNC_FROM and SYNC_TO, or give the command to run}"
  local to="${SYNC_TO:?set SYNC_TO}"
  mkdir -p "$to" && cp -Rpv "$from/." "$to/"
}

ping_uplink /start </dev/null

if [ "$#" -gt 0 ]; then
  "$@" >"$log" 2>&1
else
  sync_folders >"$log" 2>&1
fi
code=$?

# The last 100 KB of the log go with the ping; Uplink keeps up to 100 KB of a ping's body.
if [ "$code" -eq 0 ]; then
  tail -c 102400 "$log" | ping_uplink ""
else
  tail -c 102400 "$log" | ping_uplink "/$code"
fi

cat "$log"
exit "$code"
