#!/usr/bin/env bash
# Builds the Python package from python/ (maturin, release, in its own venv and Cargo target
# dir: target/perf), then runs benches/compare.py with it:
#
#   bash benches/compare.sh [compare.py options]
#
# Set VANBAN_COMPARE_CLI=1 to compare with the CLI instead (builds target/release/vanban).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
cd "$repo"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$repo/target/perf}
venv=$CARGO_TARGET_DIR/venv
if [ "${VANBAN_COMPARE_CLI:-0}" = "1" ]; then
  cargo build --release -q -p vanban-cli
  exec python3 benches/compare.py --force-cli --cli "$CARGO_TARGET_DIR/release/vanban" "$@"
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q "maturin==1.16.0"
rm -rf "$CARGO_TARGET_DIR/dist"
(cd python && "$venv/bin/maturin" build --release -q -o "$CARGO_TARGET_DIR/dist")
"$venv/bin/pip" install -q --force-reinstall --no-deps "$CARGO_TARGET_DIR"/dist/vanban-*.whl
exec "$venv/bin/python" benches/compare.py "$@"
