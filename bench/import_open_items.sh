#!/usr/bin/env bash
# End-to-end import of a large ERP export: kontord --once with folder-source + open-items into a
# fresh SQLite store, timed and measured (peak RSS) with GNU time, beside two references run on
# the same file in the same run:
#   - the open-items parser alone (open_items_parse_bench): how much of the time is reading;
#   - the floor: sqlite3's .import of the same CSV into one bare table (no keys, no events).
#
#   bench/import_open_items.sh [ROWS] [BUILD_DIR]     # defaults: 1000000 build/release
set -euo pipefail
rows=${1:-1000000}
build=${2:-build/release}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /var/tmp/kontor-import-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/inbox" "$work/state"

"$build/bench/open_items_gen" --rows "$rows" --out "$work/items.csv" >/dev/null
bytes=$(stat -c %s "$work/items.csv")
cat > "$work/kontor.yaml" <<YAML
daemon: {state_dir: $work/state, plugin_dir: $here/$build/plugins, log_level: warn}
company:
  legal_name: Bench GmbH
  address: {street: a, postcode: "1", city: b, country: DE}
  timezone: Europe/Berlin
instances:
  drop: {plugin: folder-source, path: $work/inbox, settle: 0s}
  erp: {plugin: open-items, decimal: comma, grouping: point, date_format: german, max_file_size: "1073741824"}
jobs:
  items: {engine: import_open_items, inputs: [drop], parsers: [erp]}
YAML

echo "file: $rows rows, $((bytes / 1048576)) MiB"

cp "$work/items.csv" "$work/inbox/items.csv"
/usr/bin/time -f "%e %M" -o "$work/kontord.time" \
  "$build/daemon/kontord" --config "$work/kontor.yaml" --once 2> "$work/kontord.log" || {
  cat "$work/kontord.log"; exit 1; }
read -r seconds rss_kib < "$work/kontord.time"
echo "kontord --once (parse + store, one step): ${seconds} s, $(awk -v r="$rows" -v s="$seconds" 'BEGIN{printf "%d", r/s}') rows/s, peak RSS $((rss_kib / 1024)) MiB, store $(( $(stat -c %s "$work/state/kontor.db") / 1048576 )) MiB"
grep -E "customers .* items" "$work/kontord.log" | sed 's/^.*job items: /  /' || true

"$build/bench/open_items_parse_bench" --rows "$rows" --dir "$work" 2>&1 | grep -E "parser|floor|RSS" | sed 's/^/  parser alone: /'

head -1 "$work/items.csv" | tr ';' '\n' | awk '{printf "%s\"c%d\" TEXT", (NR>1?", ":""), NR}' > "$work/columns"
/usr/bin/time -f "%e %M" -o "$work/sqlite.time" sqlite3 "$work/floor.db" \
  "PRAGMA journal_mode=WAL;" "CREATE TABLE rows ($(cat "$work/columns"));" \
  ".mode csv" ".separator ;" ".import --skip 1 $work/items.csv rows" >/dev/null
read -r floor_seconds floor_kib < "$work/sqlite.time"
echo "floor, sqlite3 .import of the same file: ${floor_seconds} s, $(awk -v r="$rows" -v s="$floor_seconds" 'BEGIN{printf "%d", r/s}') rows/s, peak RSS $((floor_kib / 1024)) MiB"
awk -v a="$seconds" -v b="$floor_seconds" 'BEGIN{printf "kontord takes %.1f x the floor'"'"'s time\n", a/b}'
