#!/usr/bin/env bash
# fuzz/run.sh NAME [SECONDS]: fuzzes one target with libFuzzer for SECONDS (default 60).
#
# Builds the same sources as the replay build, with clang-14 and
# -fsanitize=fuzzer,address,undefined, in its own tree (build/fuzz), then runs the target on
# fuzz/corpus/NAME/ (and fuzz/crashes/NAME/). New interesting inputs go to build/fuzz/corpus/NAME/
# (the committed seeds stay as they are); inputs that crash, leak, time out or run out of memory
# are copied to fuzz/crashes/NAME/ — commit them with the fix as regression inputs, and the ci
# build's replay test runs them from then on. Exit status: 0 when nothing was found.
#
# Needs clang-14 and libclang-rt-14-dev (Debian 12), which the ci build does not.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: fuzz/run.sh NAME [SECONDS]   (targets: fuzz/*.cmake, e.g. open_items)" >&2
  exit 2
fi
name=$1
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/fuzz
seeds=$root/fuzz/corpus/$name
crashes=$root/fuzz/crashes/$name
work=$build/corpus/$name
artifacts=$build/artifacts/$name

if [ ! -d "$seeds" ]; then
  echo "fuzz/run.sh: no seed corpus $seeds" >&2
  exit 2
fi
for tool in clang-14 clang++-14; do
  command -v "$tool" >/dev/null || { echo "fuzz/run.sh: $tool not found (apt install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
done

flags="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE= -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DKONTOR_FUZZ_ENGINE=libfuzzer -DKONTOR_BUILD_TESTS=OFF -DKONTOR_BUILD_BENCH=OFF \
  -DKONTOR_SANITIZE=OFF -DKONTOR_WERROR=OFF >/dev/null
cmake --build "$build" --target "fuzz_$name" -- -j"${FUZZ_BUILD_JOBS:-1}"

# Artifacts of an earlier run were copied to fuzz/crashes/ then; left here they would be
# reported as this run's findings.
rm -rf "$artifacts"
mkdir -p "$work" "$artifacts"
inputs=("$work" "$seeds")
[ -d "$crashes" ] && inputs+=("$crashes")
echo "fuzz/run.sh: fuzzing $name for ${seconds}s on ${inputs[*]}"
set +e
ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/fuzz_$name" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${inputs[@]}"
status=$?
set -e

found=0
for artifact in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
  [ -e "$artifact" ] || continue
  mkdir -p "$crashes"
  if [ ! -e "$crashes/$(basename "$artifact")" ]; then
    cp "$artifact" "$crashes/"
    echo "fuzz/run.sh: new finding fuzz/crashes/$name/$(basename "$artifact")"
  fi
  found=1
done
if [ "$found" = 1 ] || [ "$status" != 0 ]; then
  echo "fuzz/run.sh: $name found a problem (libFuzzer exit $status); replay it with"
  echo "  $build/fuzz/fuzz_$name fuzz/crashes/$name/<file>"
  exit 1
fi
echo "fuzz/run.sh: nothing found in ${seconds}s; corpus grew to $(ls "$work" | wc -l) inputs in $work"
