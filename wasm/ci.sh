#!/usr/bin/env bash
# CI of the WebAssembly package and its demo, on a fresh Debian machine with Rust (rustup) and
# Node ≥ 20: installs what it needs (the wasm32 target, wasm-bindgen-cli pinned to the crate's
# wasm-bindgen, the npm tooling from package-lock.json, Debian's chromium), builds the CLI and the
# package, then runs the Node tests and the Chromium end-to-end test. Exits non-zero on failure.
#
#   bash wasm/ci.sh            (from anywhere; uses CARGO_TARGET_DIR or <repo>/target)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
export CARGO_TERM_COLOR=never
export PATH="$HOME/.cargo/bin:$PATH"
start=$SECONDS
step() { printf '\n== wasm: %s (%ss)\n' "$*" "$((SECONDS - start))"; }
need() { command -v "$1" >/dev/null || { echo "wasm/ci.sh: $1 is required ($2)" >&2; exit 1; }; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need cargo "install Rust with rustup"
need node "install Node 20 or later"
need npm "install Node 20 or later"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
    echo "wasm/ci.sh: Node 20 or later is required (found $(node --version))" >&2
    exit 1
fi

step "rust target wasm32-unknown-unknown"
if command -v rustup >/dev/null; then
    rustup target add wasm32-unknown-unknown
fi

want="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' wasm/Cargo.toml)"
step "wasm-bindgen-cli $want"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    cargo install --locked wasm-bindgen-cli --version "$want"
fi
wasm-bindgen --version

step "npm ci (wasm/package-lock.json)"
(cd wasm && npm ci --no-audit --no-fund)

step "chromium (Debian)"
if [ ! -x /usr/bin/chromium ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | head -1

step "clippy of the bindings for wasm32"
cargo clippy -p vanban-wasm --no-deps --target wasm32-unknown-unknown -- -D warnings

step "the CLI (parity reference)"
cargo build --release -p vanban-cli

step "build the package (wasm/build.sh)"
bash wasm/build.sh

step "node tests"
(cd wasm && node --test test/)

step "end-to-end test in Chromium"
(cd wasm && node --test e2e/)

step "done"
