#!/usr/bin/env bash
# Load on the admin API's TCP listener while a job runs (issue 16, part 5): kontord serving with
# daemon.admin_listen, wrk with several connections on the GET endpoints a dashboard and
# Prometheus poll (/metrics, /jobs, /jobs/statements/runs, /health, /files), and an MT940
# import (mt940_gen, folder-source, import_statements) started over TCP with kontorctl --url.
#
# Three phases, each on a fresh state directory:
#   1. reference: the import alone, no load — its run record (counts, duration) and the
#      transactions stored;
#   2. floor: wrk against the idle daemon;
#   3. load: the same import with wrk running for at least as long as the reference import took.
# The import's counts and stored transactions must be the same in 1 and 3, and every answer
# under load a 200; the figures are wrk's requests/s and latency percentiles.
#
#   bench/admin_load.sh [ENTRIES] [BUILD_DIR] [SECONDS] [CONNECTIONS]
#   defaults: 50000 build/release 10 8
set -euo pipefail
entries=${1:-50000}
build=${2:-build/release}
seconds=${3:-10}
connections=${4:-8}
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
work=$(mktemp -d /var/tmp/kontor-admin-load-XXXXXX)
kontord_pid=
cleanup() {
  if [ -n "$kontord_pid" ]; then kill -TERM "$kontord_pid" 2> /dev/null || true; fi
  wait 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

token=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$token" > "$work/token"
chmod 600 "$work/token"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
auth="Authorization: Bearer $token"

"$build/bench/mt940_gen" --entries "$entries" --out "$work/statements.sta" > /dev/null
cat > "$work/kontor.yaml" << YAML
daemon:
  state_dir: $work/state
  plugin_dir: $here/$build/plugins
  admin_socket: $work/admin.sock
  admin_listen: "127.0.0.1:$port"
  admin_token: {file: $work/token}
  log_level: warn
company:
  legal_name: Bench GmbH
  address: {street: a, postcode: "1", city: b, country: DE}
  timezone: Europe/Berlin
  bank_accounts:
    - {iban: DE09760695590003267288, bic: WELADED1XXX, ledger_account: "1200"}
instances:
  drop: {plugin: folder-source, path: $work/inbox, settle: 0s}
  mt940: {plugin: mt940, max_file_size: 8589934592}
jobs:
  # Disabled: runs only when asked (not on the folder's news), so each phase starts it once.
  statements: {engine: import_statements, inputs: [drop], parsers: [mt940], enabled: false}
YAML

start_kontord() {
  rm -rf "$work/state" "$work/inbox"
  mkdir -p "$work/state" "$work/inbox"
  "$build/daemon/kontord" --config "$work/kontor.yaml" 2>> "$work/kontord.log" &
  kontord_pid=$!
  for _ in $(seq 600); do
    curl -sf -H "$auth" "$url/health" > /dev/null && return 0
    sleep 0.1
  done
  echo "kontord did not come up:" >&2
  cat "$work/kontord.log" >&2
  exit 1
}

stop_kontord() {
  kill -TERM "$kontord_pid"
  wait "$kontord_pid"
  kontord_pid=
}

# Drops the statements in and starts the import over TCP, as an operator elsewhere would.
start_import() {
  cp "$work/statements.sta" "$work/inbox/"
  KONTOR_ADMIN_TOKEN=$token "$build/daemon/kontorctl" --url "$url" run statements > /dev/null
}

# Waits for the import's run to end; prints its record as one JSON line.
import_result() {
  while :; do
    run=$(curl -sf -H "$auth" "$url/jobs/statements/runs?limit=1" | jq -c '.[0] // empty')
    if [ -n "$run" ] && [ "$(jq -r .outcome <<< "$run")" != running ]; then
      echo "$run"
      return
    fi
    sleep 0.2
  done
}

run_seconds() {
  python3 -c 'import json, sys, datetime
run = json.loads(sys.argv[1])
at = lambda text: datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
print("%.2f" % (at(run["ended_at"]) - at(run["started_at"])).total_seconds())' "$1"
}
stored() { sqlite3 "$work/state/kontor.db" "SELECT count(*) FROM bank_transactions"; }

# wrk's figures as one line: requests/s, p50, p90, p99, the slowest, and answers other than 2xx.
figures() {
  awk '/Requests\/sec/ {rps = $2}
       $1 == "Latency" && NF >= 5 {max = $4}
       $1 == "50%" {p50 = $2} $1 == "90%" {p90 = $2} $1 == "99%" {p99 = $2}
       /Non-2xx/ {bad = $NF}
       /Socket errors/ {errors = $0; sub(/^ *Socket errors: */, "", errors)}
       /requests in/ {total = $1}
       END {printf "%s requests, %s req/s, p50 %s, p90 %s, p99 %s, max %s, non-2xx %d%s\n",
            total, rps, p50, p90, p99, max, bad, errors == "" ? "" : ", socket errors: " errors}' "$1"
}

load() { # SECONDS OUTPUT
  # A timeout longer than any run, so that a request held up is measured, not dropped.
  wrk -t2 -c"$connections" -d"${1}s" --timeout 120s --latency -H "$auth" -s "$here/bench/admin_load.lua" "$url" > "$2"
}

echo "MT940 import of $entries entries; wrk -t2 -c$connections on $url (build $build)"

start_kontord
start_import
reference=$(import_result)
reference_stored=$(stored)
reference_seconds=$(run_seconds "$reference")
stop_kontord
echo "reference import, no load: $(jq -r .outcome <<< "$reference") in ${reference_seconds} s, counts $(jq -c .counts <<< "$reference"), $reference_stored transactions stored"

start_kontord
load "$seconds" "$work/floor.txt"
echo "floor, idle daemon, ${seconds} s: $(figures "$work/floor.txt")"

# Long enough to cover the whole import (as fast as the reference) and then some.
loaded_seconds=$(awk -v s="$seconds" -v r="$reference_seconds" 'BEGIN{n = int(r) + 3; print (s > n ? s : n)}')
load "$loaded_seconds" "$work/load.txt" &
wrk_pid=$!
sleep 0.5
start_import
loaded=$(import_result)
loaded_stored=$(stored)
wait "$wrk_pid"
stop_kontord
echo "import under load: $(jq -r .outcome <<< "$loaded") in $(run_seconds "$loaded") s, counts $(jq -c .counts <<< "$loaded"), $loaded_stored transactions stored"
echo "load, ${loaded_seconds} s while the import ran: $(figures "$work/load.txt")"
# ADMIN_LOAD_VERBOSE=1 shows wrk's own reports too.
if [ "${ADMIN_LOAD_VERBOSE:-0}" = 1 ]; then cat "$work/floor.txt" "$work/load.txt"; fi

status=0
if [ "$(jq -c '[.outcome, .counts]' <<< "$reference")" != "$(jq -c '[.outcome, .counts]' <<< "$loaded")" ] ||
  [ "$reference_stored" != "$loaded_stored" ]; then
  echo "DIFFERENT: the import's result under load is not the reference's" >&2
  status=1
fi
for file in floor load; do
  if grep -q -e Non-2xx -e "Socket errors" "$work/$file.txt"; then
    echo "$file: answers other than 200, or errors:" >&2
    cat "$work/$file.txt" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "same result with and without load; every answer a 200"
exit "$status"
