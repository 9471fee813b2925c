#!/usr/bin/env bash
# CI smoke run of every fuzz target: each for FUZZ_SECONDS (default 75 s, at most 120 s), so
# that the runs and the build stay under 5 minutes. Fails on any crash, panic, broken
# invariant or input slower than 2 s; the input is left in fuzz/artifacts/<target>/.
#
#   bash fuzz/run-short.sh
#
# Needs `rustup toolchain install nightly` and `cargo install cargo-fuzz --locked`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seconds=${FUZZ_SECONDS:-75}
if [ "$seconds" -gt 120 ]; then
  seconds=120
fi
cd "$here"
# Build first, so that the time limit is spent fuzzing.
nice -n 19 cargo +nightly fuzz build --sanitizer none
for t in parse_bytes parse_structured read_html read_docx; do
  echo "== fuzz $t for ${seconds}s"
  bash "$here/run.sh" "$t" "$seconds"
done
echo "fuzz: no crash, panic or slow input"
