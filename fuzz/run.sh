#!/usr/bin/env bash
# Runs one fuzz target for a while, niced, with the project's settings:
#
#   bash fuzz/run.sh parse_bytes 1800        # 30 minutes
#   bash fuzz/run.sh parse_structured 600
#
# Seeds (copied at run time into fuzz/corpus/<target>, gitignored): tests/fixtures/*, and the
# dev corpus ../shared/corpus/docs/* and ../shared/seeds/* when present. Built without a
# sanitizer (the crate forbids unsafe code), with debug assertions and overflow checks.
#
# Slow inputs: every input must parse within 2 s of CPU time. The target measures each parse's
# CPU time itself (fuzz/src/lib.rs) and fails like a crash past that, so a loaded machine cannot
# make a fast input look slow. libFuzzer's -timeout (wall time, 60 s) is only the backstop for a
# hang: its alarm handler allocates, and firing often (a short timeout on a busy machine) can
# deadlock a child inside malloc, which in fork mode stalls the whole run. The run goes on past
# such a timeout (-fork=1 -ignore_timeouts=1) and each timeout input is then replayed alone: it
# fails the run only if it takes more than 2 s of CPU time. A watchdog ends a run stuck past its
# time by 15 minutes, and fails it. Crashes, panics and broken invariants stop the run at once
# (pass -ignore_crashes=1 to go on and collect them all); the run fails if any new one was
# found. Failing inputs stay in fuzz/artifacts/<target>/.
#
# FUZZ_NICE (default 19) is the nice level of the build and the run.
#
# Prints the CPU time the run used. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz --locked`). Extra arguments go to libFuzzer.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
target=${1:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer args]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [libFuzzer args]}
shift 2
niceness=${FUZZ_NICE:-19}

corpus=$here/corpus/$target
artifacts=$here/artifacts/$target
mkdir -p "$corpus" "$artifacts"
cp -n "$repo"/tests/fixtures/* "$repo"/tests/fixtures/formats/* "$repo"/examples/*.html \
  "$corpus"/ 2>/dev/null || true
for d in "$repo/../shared/corpus/docs" "$repo/../shared/seeds"; do
  if [ -d "$d" ]; then
    cp -n "$d"/* "$corpus"/ 2>/dev/null || true
  fi
done

cd "$here"
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked"; exit 1; }
nice -n "$niceness" cargo +nightly fuzz build --sanitizer none "$target"
bin=$here/target/x86_64-unknown-linux-gnu/release/$target
# A target's own dictionary (dict/<target>.dict: HTML's tags for read_html) or the documents'.
dict=$here/dict/$target.dict
[ -f "$dict" ] || dict=$here/dict/vanban.dict
before=$(ls "$artifacts")

cpu0=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
status=0
timeout -k 30 $((seconds + 900)) nice -n "$niceness" "$bin" "$corpus" \
  -max_total_time="$seconds" -timeout=60 -fork=1 -ignore_timeouts=1 -ignore_ooms=0 \
  -rss_limit_mb=4096 -max_len=65536 -dict="$dict" -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@" || status=$?
cpu1=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "STUCK: fuzz $target ran 15 minutes past its time and was ended (a hang: see the log)"
fi
echo "fuzz $target: $(( (cpu1 - cpu0) / $(getconf CLK_TCK) )) s of CPU time in ${seconds} s"

# Replay the new timeout inputs alone: slow only if they still take over 2 s of CPU.
slow=0
for f in "$artifacts"/timeout-*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  if grep -qx "$name" <<<"$before"; then
    continue
  fi
  t0=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  "$bin" -runs=3 "$f" >/dev/null 2>&1 || true
  t1=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  ms=$(( (t1 - t0) * 1000 / $(getconf CLK_TCK) / 3 ))
  if [ "$ms" -gt 2000 ]; then
    echo "SLOW INPUT: $f takes ${ms} ms of CPU per parse"
    slow=1
  else
    echo "timeout under load only (${ms} ms of CPU per parse when replayed): $name, removed"
    rm -f "$f"
  fi
done
# Crashes (also those kept going past with -ignore_crashes=1 in long runs).
crashed=0
for f in "$artifacts"/crash-* "$artifacts"/oom-* "$artifacts"/leak-*; do
  [ -e "$f" ] || continue
  if ! grep -qx "$(basename "$f")" <<<"$before"; then
    echo "CRASH: $f"
    crashed=1
  fi
done
if [ "$status" -ne 0 ] || [ "$slow" -ne 0 ] || [ "$crashed" -ne 0 ]; then
  echo "fuzz $target FAILED: see $artifacts/"
  exit 1
fi
