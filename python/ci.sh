#!/usr/bin/env bash
# CI of the Python package: build the abi3 wheel (and sdist), install it in a venv, run the
# pytest suite (incl. parity with the Rust CLI), the notebook headless and the Spark example.
#
#   bash python/ci.sh
#
# Needs Python >= 3.9 (with venv) and Rust; fetches the rest from the package registries.
# Cache-friendly: it builds in the workspace's Cargo target dir (after `cargo build --release
# -p vanban-cli` only pyo3 and the binding are left to compile) and keeps its venv there.
#
# Environment:
#   PYTHON=python3          interpreter that creates the venv
#   CARGO_TARGET_DIR=...    default: <repo>/target
#   VANBAN_PY_VENV=...      default: <target>/py-venv
#   VANBAN_SPARK=0          skip the Spark example (pyspark is a ~460 MB download)
#   VANBAN_CORPUS=DIR       extra documents for the parity tests, notebook and Spark
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
cd "$repo"

target=${CARGO_TARGET_DIR:-$repo/target}
mkdir -p "$target"
target=$(cd "$target" && pwd -P)  # the real path: target/ may be a link to a cache
venv=${VANBAN_PY_VENV:-$target/py-venv}
dist=$target/py-dist
python=${PYTHON:-python3}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

t0=$SECONDS
step() { printf '\n==> [%3ds] %s\n' $((SECONDS - t0)) "$*"; }

step "venv ($venv) and tools"
base=$("$python" -c 'import sys; assert sys.version_info >= (3, 9), sys.version; print(sys.executable, sys.version)')
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
  # Debian's own python3 ships venv/ensurepip apart.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt-get update -qq && apt-get install -y -qq "python$ver-venv" >/dev/null
  else
    echo "python/ci.sh: $python has no venv module: install python3-venv" >&2
    exit 1
  fi
fi
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.base" 2>/dev/null)" != "$base" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  echo "$base" > "$venv/.base"
fi
export VIRTUAL_ENV=$venv PATH="$venv/bin:$PATH"
python -m pip install -q -r python/requirements-ci.txt

step "generated types are up to date"
python python/tools/gen_types.py --check

step "cargo fmt / clippy (vanban-python)"
cargo fmt -p vanban-python --check
cargo clippy -q -p vanban-python --no-deps --all-targets -- -D warnings

step "build the Rust CLI (for the parity tests)"
cargo build -q --release -p vanban-cli
cli=$target/release/vanban

step "build the wheel (maturin, abi3)"
rm -rf "$dist"
(cd python && maturin build --release -o "$dist")
wheel=$(ls "$dist"/vanban-*-cp39-abi3-*.whl)
echo "wheel: $(basename "$wheel")"
if [ -f README.md ]; then
  (cd python && maturin sdist -o "$dist")
  echo "sdist: $(basename "$(ls "$dist"/vanban-*.tar.gz)")"
else
  # The core's Cargo.toml points its readme at the repository's README.md.
  echo "skipping the sdist: there is no README.md at the repository root yet"
fi
python -m pip install -q --force-reinstall --no-deps "$wheel"

step "pip install ./python in a clean venv (PEP 517 build through maturin)"
clean=$target/py-clean-venv
rm -rf "$clean"
"$python" -m venv "$clean"
CARGO_TARGET_DIR=$target "$clean/bin/python" -m pip install -q ./python
"$clean/bin/python" -c 'import vanban; d = vanban.parse("Số: 12/CT-UBND\nCHỈ THỊ\n1. Một.\n"); assert d.symbol == "12/CT-UBND", d; print("ok:", repr(d))'
rm -rf "$clean"

step "pytest (installed wheel)"
(cd python && VANBAN_CLI="$cli" python -m pytest -q -p no:cacheprovider)

step "notebook (headless)"
python - "$repo/examples/notebook.ipynb" "$dist/notebook.out.ipynb" <<'PY'
import sys
import nbformat
from nbclient import NotebookClient

src, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(src, as_version=4)
try:
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": src.rsplit("/", 1)[0]}}).execute()
finally:
    nbformat.write(nb, out)
cells = sum(1 for c in nb.cells if c.cell_type == "code")
print(f"notebook: {cells} code cells ran without error (output: {out})")
PY

if [ "${VANBAN_SPARK:-1}" != "0" ]; then
  step "Spark example (local mode)"
  if command -v java >/dev/null 2>&1; then
    python -m pip install -q -r python/requirements-spark.txt
    python examples/spark_parse.py
  else
    echo "skipping: no java on PATH (Spark needs Java 17+)"
  fi
fi

step "python/ci.sh passed"
