#!/usr/bin/env bash
# Runs every Uplink test. Installs what the tests need when it is missing (Debian's Chromium for
# the browser tests, PostgreSQL and the npm packages for the Parse Server example), so that it
# passes on a fresh machine. No test is skipped for a missing dependency: a missing one fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    as_root apt-get update -qq
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_packages+=(postgresql)
command -v curl >/dev/null || need_packages+=(curl)
if [ "${#need_packages[@]}" -gt 0 ]; then
  echo "Installing ${need_packages[*]} ..."
  apt_install "${need_packages[@]}"
fi

node_ok() {
  command -v node >/dev/null || return 1
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}
if ! node_ok; then
  echo "The Parse Server example needs Node.js 20.19 or later; found: $(node --version 2>/dev/null || echo none)." >&2
  echo "Install a current Node.js (for example from your distribution or nodejs.org) and run again." >&2
  exit 1
fi

echo "Installing the Parse Server example's npm packages ..."
(cd examples/parse-server && npm ci --no-audit --no-fund --loglevel=error)

dotnet build Uplink.slnx -c Release -warnaserror --nologo -v quiet

results="$(mktemp -d)"
status=0
dotnet test Uplink.slnx -c Release --no-build --nologo --results-directory "$results" \
  --logger "console;verbosity=normal" --logger "trx" "$@" | tee "$results/output.txt" || status=$?

# One closing line for the whole run, summed over the test assemblies' summaries.
awk '$1 == "Passed:" && NF == 2 { passed += $2 }
     $1 == "Failed:" && NF == 2 { failed += $2 }
     $1 == "Skipped:" && NF == 2 { skipped += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/output.txt"

exit "$status"
