#!/usr/bin/env bash
# End-to-end import of large bank statements: kontord --once with folder-source, the mt940 or
# camt parser and import_statements into a fresh SQLite store (one store step per file), timed
# and measured (peak RSS) with GNU time, beside two references run in the same run:
#   - the parser alone, `kontorctl parse --summary` of the same file: how much is reading;
#   - the floor: sqlite3's .import of a CSV with as many rows (ten columns, the size of a stored
#     transaction's fields) into one bare table — no identities, indexes or events.
#
#   bench/import_statements.sh [ENTRIES] [BUILD_DIR] [FORMATS]
#   defaults: 100000 build/release "mt940 camt"
set -euo pipefail
entries=${1:-100000}
build=${2:-build/release}
formats=${3:-mt940 camt}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /var/tmp/kontor-statements-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

# The generators' accounts: mt940_gen writes BLZ 76069559 / account 0003267288, camt_gen the IBAN.
mt940_iban=DE09760695590003267288
camt_iban=DE89370400440532013000

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN{printf "%.3f", (b-a)/1e9}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%d", (s > 0 ? n/s : 0)}'; }

for format in $formats; do
  rm -rf "$work/inbox" "$work/state" "$work/floor.db"*
  mkdir -p "$work/inbox" "$work/state"
  if [ "$format" = mt940 ]; then
    "$build/bench/mt940_gen" --entries "$entries" --out "$work/statements.sta" > /dev/null
    file="$work/statements.sta"
  else
    "$build/bench/camt_gen" --entries "$entries" --out "$work/statements.xml" > /dev/null
    file="$work/statements.xml"
  fi
  bytes=$(stat -c %s "$file")
  cat > "$work/kontor.yaml" << YAML
daemon: {state_dir: $work/state, plugin_dir: $here/$build/plugins, log_level: warn}
company:
  legal_name: Bench GmbH
  address: {street: a, postcode: "1", city: b, country: DE}
  timezone: Europe/Berlin
  bank_accounts:
    - {iban: $mt940_iban, bic: WELADED1XXX, ledger_account: "1200"}
    - {iban: $camt_iban, bic: COBADEFFXXX, ledger_account: "1210"}
instances:
  drop: {plugin: folder-source, path: $work/inbox, settle: 0s}
  mt940: {plugin: mt940, max_file_size: 8589934592}
  camt: {plugin: camt, max_file_size: 8589934592}
jobs:
  statements: {engine: import_statements, inputs: [drop], parsers: [$format]}
YAML
  echo "$format: $entries entries, $((bytes / 1048576)) MiB"

  cp "$file" "$work/inbox/"
  start=$(now_ns)
  /usr/bin/time -f "%M" -o "$work/kontord.time" \
    "$build/daemon/kontord" --config "$work/kontor.yaml" --once 2> "$work/kontord.log" || {
    cat "$work/kontord.log"
    exit 1
  }
  seconds=$(seconds_since "$start")
  read -r rss_kib < "$work/kontord.time"
  stored=$(sqlite3 "$work/state/kontor.db" "SELECT count(*) FROM bank_transactions")
  echo "  kontord --once (parse + store, one step): ${seconds} s, $(rate "$entries" "$seconds") entries/s, peak RSS $((rss_kib / 1024)) MiB, $stored transactions stored (batch entries are one per detail), store $(($(stat -c %s "$work/state/kontor.db") / 1048576)) MiB"

  start=$(now_ns)
  /usr/bin/time -f "%M" -o "$work/parse.time" \
    "$build/daemon/kontorctl" parse "$file" --format "$format" --summary \
    --set max_file_size=8589934592 --plugin-dir "$build/plugins" > /dev/null
  parse_seconds=$(seconds_since "$start")
  read -r parse_kib < "$work/parse.time"
  echo "  parser alone (kontorctl parse --summary): ${parse_seconds} s, peak RSS $((parse_kib / 1024)) MiB"

  awk -v n="$stored" 'BEGIN{for (i = 1; i <= n; i++)
      printf "DE09760695590003267288,2026-11-%02d,2026-11-%02d,%d.%02d,EUR,REF%09d,E2E%012d,Kunde %d GmbH,DE89370400440532013000,Rechnung R-2026-%06d\n",
             i % 28 + 1, i % 28 + 1, i % 9000, i % 100, i, i, i, i}' > "$work/floor.csv"
  start=$(now_ns)
  /usr/bin/time -f "%M" -o "$work/sqlite.time" sqlite3 "$work/floor.db" \
    "PRAGMA journal_mode=WAL;" \
    "CREATE TABLE rows (account, booked, valued, amount, currency, ref, e2e, name, iban, text);" \
    ".mode csv" ".import $work/floor.csv rows" > /dev/null
  floor_seconds=$(seconds_since "$start")
  echo "  floor, sqlite3 .import of $stored rows: ${floor_seconds} s, $(rate "$stored" "$floor_seconds") rows/s"
  awk -v a="$seconds" -v b="$floor_seconds" -v p="$parse_seconds" \
    'BEGIN{printf "  kontord takes %.1f x the floor'"'"'s time; parsing is %.0f %% of its time\n", a/b, 100*p/a}'

  # Again: the same file adds nothing (it is known by its SHA-256).
  cp "$file" "$work/inbox/again-$(basename "$file")"
  "$build/daemon/kontord" --config "$work/kontor.yaml" --once 2> "$work/again.log" || {
    cat "$work/again.log"
    exit 1
  }
  again=$(sqlite3 "$work/state/kontor.db" "SELECT count(*) FROM bank_transactions")
  [ "$again" = "$stored" ] || {
    echo "the same file imported again changed the count: $stored -> $again" >&2
    exit 1
  }
  rm -f "$file"
done
