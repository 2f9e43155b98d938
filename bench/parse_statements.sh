#!/usr/bin/env bash
# Bank statement parsing end to end, as a user runs it: `kontorctl parse FILE --summary` (process
# start, plugin load, probe, streamed parse, the summary) on generated German MT940 and camt.053,
# timed and measured (peak RSS) with GNU time. In the same run, on the same files, AqBanking's
# importers (Debian `aqbanking-tools`, not a build dependency: install it by hand) as the peer;
# its transaction count must equal ours before a ratio is printed.
#
#   bench/parse_statements.sh [BUILD_DIR] [SIZES...]   # defaults: build/release 10000 100000 1000000
#
# The 1M camt.053 is about 2 GB, beyond the camt parser's default max_file_size of 256 MiB: it is
# read with `--set max_file_size=...`, as an instance in kontor.yaml would raise it. AqBanking is
# run on the files up to 100k entries (it holds the whole document; the 1M files take it minutes).
set -euo pipefail
build=${1:-build/release}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
peer_limit=100000
work=$(mktemp -d /var/tmp/kontor-parse-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

have_peer=1
command -v aqbanking-cli >/dev/null || {
  have_peer=0
  echo "aqbanking-cli not found (apt-get install aqbanking-tools): measuring kontorctl alone"
}

# Wall time in seconds with millisecond resolution (GNU time's %e has only centiseconds).
now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN{printf "%.3f", (b-a)/1e9}'; }

mib() { awk -v b="$1" 'BEGIN{printf "%.1f", b/1048576}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%d", (s > 0 ? n/s : 0)}'; }

# kontorctl parse FILE --format F --summary [--set ...]: prints "seconds rss_kib entries".
run_kontorctl() {
  local file=$1 format=$2
  shift 2
  local start
  start=$(now_ns)
  /usr/bin/time -f "%M" -o "$work/time" \
    "$build/daemon/kontorctl" parse "$file" --format "$format" --summary \
    --plugin-dir "$build/plugins" "$@" > "$work/summary" 2> "$work/stderr" || {
    cat "$work/summary" "$work/stderr" >&2
    exit 1
  }
  local seconds rss
  seconds=$(seconds_since "$start")
  read -r rss < "$work/time"
  local entries
  entries=$(sed -n 's/^.*: \([0-9]*\) entries,.*$/\1/p' "$work/summary" | awk '{n+=$1} END{print n+0}')
  if grep -q "do NOT add up" "$work/summary"; then
    echo "kontorctl says the generated balances do not add up:" >&2
    grep "do NOT" "$work/summary" | head -3 >&2
    exit 1
  fi
  echo "$seconds $rss $entries"
}

# aqbanking-cli import into a context file: prints "seconds rss_kib transactions".
run_aqbanking() {
  local file=$1 importer=$2 profile=$3
  rm -rf "$work/aq" "$work/ctx"
  local start
  start=$(now_ns)
  /usr/bin/time -f "%M" -o "$work/time" \
    aqbanking-cli -D "$work/aq" import --importer="$importer" --profile="$profile" \
    -f "$file" -c "$work/ctx" > /dev/null 2> "$work/aq.log" || {
    tail -5 "$work/aq.log" >&2
    exit 1
  }
  local seconds rss
  seconds=$(seconds_since "$start")
  read -r rss < "$work/time"
  local count
  count=$(aqbanking-cli -D "$work/aq" listtrans -c "$work/ctx" 2> /dev/null | wc -l)
  echo "$seconds $rss $count"
}

printf "%-9s %9s %9s %8s %12s %8s %12s   %s\n" format entries MiB seconds entries/s MB/s \
  "RSS MiB" "AqBanking (same file)"
for format in mt940 camt; do
  for n in "${sizes[@]}"; do
    file="$work/$format-$n"
    set_args=()
    if [ "$format" = mt940 ]; then
      "$build/bench/mt940_gen" --entries "$n" --out "$file" > /dev/null
    else
      "$build/bench/camt_gen" --entries "$n" --out "$file" > /dev/null
      set_args=(--set max_file_size=8589934592)
    fi
    bytes=$(stat -c %s "$file")
    read -r seconds rss entries < <(run_kontorctl "$file" "$format" "${set_args[@]}")
    if [ "$entries" != "$n" ]; then
      echo "$format $n: kontorctl read $entries entries, the generator wrote $n" >&2
      exit 1
    fi
    peer="-"
    if [ "$have_peer" = 1 ] && [ "$n" -le "$peer_limit" ]; then
      if [ "$format" = mt940 ]; then
        read -r p_seconds p_rss p_count < <(run_aqbanking "$file" swift SWIFT-MT940)
      else
        read -r p_seconds p_rss p_count < <(run_aqbanking "$file" xml camt_053_001_04)
      fi
      if [ "$p_count" != "$entries" ]; then
        peer="counts differ: AqBanking $p_count transactions, kontor $entries entries (no ratio)"
      else
        peer=$(awk -v a="$p_seconds" -v k="$seconds" -v r="$p_rss" -v kr="$rss" \
          'BEGIN{printf "%.3f s, RSS %d MiB: %.1f x our time, %.1f x our memory", a, r/1024, (k > 0 ? a/k : 0), r/kr}')
      fi
    fi
    printf "%-9s %9d %9s %8s %12s %8s %5d (%.2f x)   %s\n" "$format" "$entries" "$(mib "$bytes")" \
      "$seconds" "$(rate "$entries" "$seconds")" "$(awk -v b="$bytes" -v s="$seconds" \
      'BEGIN{printf "%d", (s > 0 ? b/1000000/s : 0)}')" "$((rss / 1024))" \
      "$(awk -v r="$rss" -v b="$bytes" 'BEGIN{print r*1024/b}')" "$peer"
    rm -f "$file"
  done
done
