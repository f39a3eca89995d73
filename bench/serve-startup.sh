#!/usr/bin/env bash
# Measures how long `uplink serve` takes to answer its API and how much memory it holds, on the
# config given (the Parse Server example by default, which must be started first:
# examples/parse-server/run.sh start). Talks only to 127.0.0.1.
#
#   bench/serve-startup.sh [config] [seconds to watch, default 120]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="$(realpath "${1:-$root/examples/parse-server/uplink.yaml}")"
watch_seconds="${2:-120}"
port=18080
data="$(mktemp -d)"

if [ "$config" = "$root/examples/parse-server/uplink.yaml" ]; then
  "$root/examples/parse-server/run.sh" start
  eval "$("$root/examples/parse-server/run.sh" env)"
fi

dotnet build "$root/src/Uplink" -c Release --nologo -v quiet >/dev/null
exe="$root/src/Uplink/bin/Release/net10.0/uplink.dll"

start_ns=$(date +%s%N)
dotnet "$exe" serve --config "$config" --urls "http://127.0.0.1:$port" --data "$data" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/api/monitors" >/dev/null 2>&1; then break; fi
  sleep 0.05
done
ready_ns=$(date +%s%N)
curl -fsS "http://127.0.0.1:$port/" >/dev/null || { cat "$data/serve.log"; exit 1; }
first_page_ns=$(date +%s%N)

echo "config:            $config"
echo "API answering in:  $(( (ready_ns - start_ns) / 1000000 )) ms"
echo "dashboard page in: $(( (first_page_ns - start_ns) / 1000000 )) ms"
rss() { awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }
peak() { awk '/^VmHWM/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }
echo "memory at start:   $(rss) (resident)"
sleep "$watch_seconds"
echo "memory after ${watch_seconds}s: $(rss) resident, $(peak) peak"
echo "results stored:    $(curl -fsS "http://127.0.0.1:$port/api/monitors" | grep -o '"health"' | wc -l) monitors with a result"
