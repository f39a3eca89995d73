#!/usr/bin/env bash
# Measures heartbeat pings against a local `uplink serve` (Release build) on 127.0.0.1: pings per
# second sustained, and a top-of-minute burst of every heartbeat pinging within one second, with
# acknowledgement latencies (p50, p99) and a count of stored rows against the 200s. Bounded: the
# sustained phase lasts the given seconds, the burst sends one ping per heartbeat.
#
#   bench/heartbeat-load.sh [heartbeats, default 10000] [sustained seconds, default 20] [clients, default 64]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/src/Uplink" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/bench/HeartbeatLoad" -c Release --nologo -v quiet >/dev/null
dotnet "$root/bench/HeartbeatLoad/bin/Release/net10.0/HeartbeatLoad.dll" \
  "$root/src/Uplink/bin/Release/net10.0/uplink.dll" "${1:-10000}" "${2:-20}" "${3:-64}"
