#!/usr/bin/env bash
# Runs N HTTP monitors every 30 s against a loopback Kestrel target in the same process, a tenth
# of them hanging until their 5 s timeout, with a fresh connection per check and with keep-alive.
# Prints one table row per case: schedule lag (start less planned time, measured after the first
# interval that spreads the first runs), CPU, memory and checks per second. Bounded: each case
# lasts the given seconds.
#
#   bench/scheduler-load.sh [seconds per case, default 120] [monitor counts, default "1000 10000"]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet build "$root/bench/SchedulerLoad" -c Release --nologo -v quiet >/dev/null
echo "| monitors | connections | lag p50 ms | lag p99 ms | lag max ms | CPU | peak working set | managed heap | checks/s | up / not up |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in ${2:-1000 10000}; do
  for mode in fresh keep-alive; do
    dotnet "$root/bench/SchedulerLoad/bin/Release/net10.0/SchedulerLoad.dll" "$n" "${1:-120}" "$mode"
  done
done
