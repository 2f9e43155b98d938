#!/usr/bin/env bash
# Payment matching quality end to end: match_quality_gen writes a labelled scenario (open items
# CSV, one camt.053 month, the truth), `kontorctl match --json` decides every entry, and
# match_quality_eval.py scores the decisions against the truth per class: precision of the
# automatic postings, automatic share of the unique entries, review and unmatched counts, and
# automatic postings on noise (which must be none). Exits non-zero when precision is below
# 99.9 %, so it works as a check by hand; it is not part of CI (README.md, "Payment matching").
#
#   bench/match_quality.sh [PAYMENTS] [BUILD_DIR] [SEED]
#   defaults: 10000 build/release 1; EXAMPLES=K shows K examples per class, KEEP=1 keeps the files
set -euo pipefail
payments=${1:-10000}
build=${2:-build/release}
seed=${3:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /var/tmp/kontor-match-quality-XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then
  echo "files kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi

ctl="$build/daemon/kontorctl"
"$build/bench/match_quality_gen" --payments "$payments" --seed "$seed" \
  --open-items "$work/open-items.csv" --statement "$work/statement.xml" --truth "$work/truth.jsonl"

# The build tree's plugins, not the installed ones, when kontorctl can be told where they are.
plugin_args=()
if "$ctl" match --help 2> /dev/null | grep -q -- --plugin-dir; then
  plugin_args=(--plugin-dir "$build/plugins")
fi
"$ctl" match --open-items "$work/open-items.csv" --statement "$work/statement.xml" --json \
  --timings "${plugin_args[@]}" > "$work/match.json" 2> "$work/stderr" || {
  cat "$work/stderr" >&2
  exit 2
}
grep -E '^[a-z]+_seconds=' "$work/stderr" | tr '\n' ' '
echo

/usr/bin/python3 "$here/bench/match_quality_eval.py" "$work/truth.jsonl" "$work/match.json" \
  --examples "${EXAMPLES:-5}"
