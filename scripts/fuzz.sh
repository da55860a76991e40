#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer and AddressSanitizer for SECONDS.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#   scripts/fuzz.sh TARGET replay FILE...     (runs inputs once, e.g. to confirm a fix)
#
# Targets: html text decode warc jsonl config feed (Fuzz/Targets/FuzzTarget.swift says what each does).
# Seeds: the small inputs committed under Fuzz/corpus/TARGET plus a sample of ../shared/bench,
# copied into the working corpus ($SCOUR_FUZZ_WORK/TARGET, default /tmp/scour-fuzz) on its first run;
# the corpus grows there and is reused by later runs. Crashers, timeouts and out-of-memory inputs are
# written to Fuzz/regressions/TARGET/: commit them, and `swift test` replays them from then on.
# The driver is built in its own folder ($SCOUR_FUZZ_BUILD, default .build-fuzz), never in .build,
# optimised by default (several times the executions of a debug build; SCOUR_FUZZ_CONFIG=debug for one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets="html text decode warc jsonl config feed"

usage() {
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...] | scripts/fuzz.sh TARGET replay FILE..." >&2
  echo "targets: $targets" >&2
  exit 2
}
[ $# -ge 2 ] || usage
target=$1
mode=$2
shift 2
[[ " $targets " == *" $target "* ]] || usage
[[ $mode =~ ^[0-9]+$ || $mode == replay ]] || usage

bench=${SCOUR_BENCH:-$root/../shared/bench}
build=${SCOUR_FUZZ_BUILD:-$root/.build-fuzz}
configuration=${SCOUR_FUZZ_CONFIG:-release}
work=${SCOUR_FUZZ_WORK:-/tmp/scour-fuzz}/$target
regressions=$root/Fuzz/regressions/$target
mkdir -p "$work/corpus" "$regressions"

# Two runs may start together (one per core): the build folder takes one build at a time.
# SCOUR_FUZZ_DRIVER names a driver built before, to start a campaign without a build.
if [ -n "${SCOUR_FUZZ_DRIVER:-}" ]; then
  cp "$SCOUR_FUZZ_DRIVER" "$work/scour-fuzz"
else
  echo "scour-fuzz: building the driver in $build (log: $work/build.log)" >&2
  # SwiftPM's incremental release build can keep a module compiled against an older layout of a
  # struct from another module (seen here: the driver copied 1,712 bytes of a 1,744-byte harness,
  # which AddressSanitizer reports as a stack overflow). Any change to the sources builds afresh.
  sources=$(cd "$root" && find Package.swift Sources Fuzz -type f \( -name '*.swift' -o -name '*.h' -o -name '*.c' -o -name '*.json' -o -name '*.modulemap' \) \
    -not -path 'Fuzz/corpus/*' -not -path 'Fuzz/regressions/*' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-64)
  if [ "$(cat "$build/.sources" 2>/dev/null)" != "$sources" ]; then
    flock "$build.lock" sh -c 'rm -rf "$1" && mkdir -p "$1" && printf "%s" "$2" > "$1/.sources"' _ "$build" "$sources"
  fi
  if ! flock "$build.lock" env SCOUR_FUZZ=1 swift build -c "$configuration" --scratch-path "$build" --product scour-fuzz \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$work/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$work/build.log" | tail -40 >&2
    exit 1
  fi
  # A copy per target, so a rebuild while a campaign runs does not pull the binary from under it.
  cp "$build/$configuration/scour-fuzz" "$work/scour-fuzz"
fi
driver=$work/scour-fuzz

# Swift's runtime keeps some allocations for the life of the process; leaks are not what this looks for.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export SCOUR_FUZZ_TARGET=$target

if [ "$mode" = replay ]; then
  [ $# -ge 1 ] || usage
  exec "$driver" -runs=1 "$@"
fi

if [ -z "$(ls -A "$work/corpus")" ] && [ -d "$bench" ]; then
  python3 "$root/Fuzz/make_seeds.py" "$target" "$bench" "$work/corpus" "${SCOUR_FUZZ_SEEDS:-60}"
fi

log=$work/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log
started=$work/started
touch "$started"
echo "scour-fuzz: $target for ${mode}s, log $log" >&2
status=0
# -max_len keeps mutations fast on large pages (longer seeds are read up to it); -timeout flags a
# single input taking over 30 s as a hang; -rss_limit_mb flags memory growth past 2 GB.
"$driver" -max_total_time="$mode" -max_len="${SCOUR_FUZZ_MAX_LEN:-65536}" -timeout=30 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$regressions/" "$@" "$work/corpus" "$root/Fuzz/corpus/$target" \
  >"$log" 2>&1 || status=$?

# One summary line: executions, speed, coverage (edges and features), corpus, new regression inputs.
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
corpus=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' <<<"$last" | cut -d' ' -f2 || true)
new=$(find "$regressions" -type f -newer "$started")
found=$(grep -c . <<<"$new" || true)
echo "scour-fuzz: target=$target seconds=$mode execs=${execs:-?} exec/s=${speed:-?} cov=${cov:-?} ft=${ft:-?} corpus=${corpus:-?} new_regressions=$found exit=$status"
if [ "$found" -gt 0 ]; then
  grep -E 'ERROR: |SUMMARY: |Fatal error|==[0-9]+==' "$log" | head -20 >&2
  sed "s|^$root/|scour-fuzz: new input: |" <<<"$new" >&2
  exit 1
fi
exit "$status"
