#!/usr/bin/env bash
# Payment matching speed end to end, as a user runs it: `kontorctl match --timings` on a
# generated book and month of credits (match_quality_gen: N open items, N/4 customers, N
# credits), with the phases kontorctl reports — import (both files parsed into an in-memory
# store), load (the book and the credits out of it), engine (every credit decided), write (the
# decisions recorded) — and the wall time and peak RSS of the whole process (GNU time, else
# getrusage of the child through python).
#
#   bench/match.sh [BUILD_DIR] [PAYMENTS...]
#   defaults: build/release 100000. The parsers' default max_file_size (camt 256 MiB, open items
#   64 MiB) admits about 250000 credits; larger sizes need kontorctl match to take --set.
set -euo pipefail
build=${1:-build/release}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)
work=$(mktemp -d /var/tmp/kontor-match-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
ctl="$build/daemon/kontorctl"

plugin_args=()
if "$ctl" match --help 2> /dev/null | grep -q -- --plugin-dir; then
  plugin_args=(--plugin-dir "$build/plugins")
fi
# Larger files than the parsers' defaults allow (64 MiB of open items) are read when kontorctl
# takes plugin settings.
set_args=()
if "$ctl" match --help 2> /dev/null | grep -q -- --set; then
  set_args=(--set max_file_size=8589934592)
fi

# Runs "$@", prints "seconds peak_rss_kib" to fd 3.
measure() {
  if [ -x /usr/bin/time ]; then
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/time" "$@"
    end=$(date +%s%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", (b-a)/1e9}') $(cat "$work/time")" >&3
  else
    /usr/bin/python3 - "$@" 3>&3 << 'PY'
import os, resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call(sys.argv[1:])
seconds = time.monotonic() - start
os.write(3, ("%.2f %d\n" % (seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)).encode())
sys.exit(code)
PY
  fi
}

printf '| credits | open items | statement | import s | load s | engine s | write s | wall s | credits/s (engine) | peak RSS |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for n in "${sizes[@]}"; do
  "$build/bench/match_quality_gen" --payments "$n" --items "$n" --customers $((n / 4)) \
    --open-items "$work/open-items.csv" --statement "$work/statement.xml" \
    --truth "$work/truth.jsonl" > /dev/null
  mib=$(($(stat -c %s "$work/statement.xml") / 1048576))
  measure "$ctl" match --open-items "$work/open-items.csv" --statement "$work/statement.xml" \
    --json --timings "${plugin_args[@]}" "${set_args[@]}" \
    > "$work/match.json" 2> "$work/stderr" 3> "$work/measured" || {
    cat "$work/stderr" >&2
    exit 2
  }
  read -r wall rss < "$work/measured"
  import=$(sed -n 's/^import_seconds=//p' "$work/stderr")
  load=$(sed -n 's/^load_seconds=//p' "$work/stderr")
  engine=$(sed -n 's/^engine_seconds=//p' "$work/stderr")
  write=$(sed -n 's/^write_seconds=//p' "$work/stderr")
  rate=$(awk -v n="$n" -v s="$engine" 'BEGIN{printf "%d", (s > 0 ? n/s : 0)}')
  printf '| %d | %d | %d MiB | %.2f | %.2f | %.2f | %.2f | %s | %s | %d MiB |\n' "$n" "$n" "$mib" \
    "$import" "$load" "$engine" "$write" "$wall" "$rate" $((rss / 1024))
  rm -f "$work"/*.csv "$work"/*.xml "$work"/*.json "$work"/*.jsonl
done
