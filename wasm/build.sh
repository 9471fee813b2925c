#!/usr/bin/env bash
# Builds the npm package of vanban's WebAssembly bindings into wasm/pkg:
#
#   pkg/package.json      the package (name "vanban"), exports for browsers/bundlers and Node
#   pkg/web/              ESM (`wasm-bindgen --target web`): `await init()` then call
#   pkg/node/             CommonJS for Node (`--target nodejs`): loads the wasm on require/import
#   pkg/*/types.d.ts      the data types, generated from the committed JSON Schemas
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of exactly the wasm-bindgen version
# pinned in wasm/Cargo.toml, and `npm ci` in wasm/ (json-schema-to-typescript, binaryen's wasm-opt).
# ci.sh installs all of them. Env: CARGO_TARGET_DIR (default: <repo>/target), WASM_OPT (the
# wasm-opt level, default -O1; 0 skips it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$here"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
want_bindgen="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
if [ -z "$want_bindgen" ]; then
    echo "build.sh: cannot read the pinned wasm-bindgen version from wasm/Cargo.toml" >&2
    exit 1
fi
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_bindgen" != "$want_bindgen" ]; then
    echo "build.sh: need wasm-bindgen-cli $want_bindgen (found '${have_bindgen:-none}'):" >&2
    echo "    cargo install --locked wasm-bindgen-cli --version $want_bindgen" >&2
    exit 1
fi
if [ ! -x node_modules/.bin/json2ts ] || [ ! -x node_modules/.bin/wasm-opt ]; then
    echo "build.sh: installing the npm tooling (npm ci)" >&2
    npm ci --no-audit --no-fund
fi

echo "==> cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build --config "$here/cargo-wasm.toml" -p vanban-wasm \
    --target wasm32-unknown-unknown --profile wasm-release
raw="$target_dir/wasm32-unknown-unknown/wasm-release/vanban_wasm.wasm"

rm -rf pkg
mkdir -p pkg
for t in web nodejs; do
    echo "==> wasm-bindgen --target $t"
    wasm-bindgen "$raw" --target "$t" --out-dir "pkg/${t%js}" --out-name vanban
done
# wasm-opt (binaryen's, from npm). Measured on this crate: -Oz shrinks the raw file by 7% but
# grows the gzipped one by 4%; -O1 shrinks both (raw -3.5%, gzip -0.6%), so it is the default.
opt_level="${WASM_OPT:--O1}"
if [ "$opt_level" != 0 ]; then
    echo "==> wasm-opt $opt_level"
    node_modules/.bin/wasm-opt pkg/web/vanban_bg.wasm "$opt_level" \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        -o pkg/web/vanban_bg.opt.wasm
    # Both targets' modules are the same bytes: optimise once when they are.
    if cmp -s pkg/web/vanban_bg.wasm pkg/node/vanban_bg.wasm; then
        cp pkg/web/vanban_bg.opt.wasm pkg/node/vanban_bg.wasm
    else
        node_modules/.bin/wasm-opt pkg/node/vanban_bg.wasm "$opt_level" \
            --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue \
            -o pkg/node/vanban_bg.wasm
    fi
    mv pkg/web/vanban_bg.opt.wasm pkg/web/vanban_bg.wasm
fi

echo "==> TypeScript types from the JSON Schemas"
node scripts/gen-types.mjs pkg/types.d.ts
cp pkg/types.d.ts pkg/web/types.d.ts
mv pkg/types.d.ts pkg/node/types.d.ts
# Each half says how Node should read its .js files.
echo '{ "type": "module" }' >pkg/web/package.json
echo '{ "type": "commonjs" }' >pkg/node/package.json

echo "==> one wasm file for both halves"
# The two targets' modules are the same bytes: the Node glue loads the web half's copy, so the
# package ships the 0.7 MB module once.
if ! cmp -s pkg/web/vanban_bg.wasm pkg/node/vanban_bg.wasm; then
    echo "build.sh: the web and nodejs modules differ; cannot ship one" >&2
    exit 1
fi
load='const wasmPath = `${__dirname}/vanban_bg.wasm`;'
if ! grep -qF "$load" pkg/node/vanban.js; then
    echo "build.sh: the nodejs glue of this wasm-bindgen does not load the module as expected" >&2
    exit 1
fi
sed -i 's|const wasmPath = `${__dirname}/vanban_bg.wasm`;|const wasmPath = `${__dirname}/../web/vanban_bg.wasm`;|' pkg/node/vanban.js
rm pkg/node/vanban_bg.wasm pkg/node/vanban_bg.wasm.d.ts

echo "==> one way to start everywhere: init() and initSync() in Node too"
cat >>pkg/node/vanban.js <<'JS'

// One way to start in every environment: `await init()` / `initSync()` do nothing here, where
// the module is loaded on require, and resolve as they do in browsers.
exports.initSync = function initSync() {};
exports.default = async function init() {};
JS
cat >>pkg/node/vanban.d.ts <<'TS'

/** Does nothing in Node (the module is loaded on require); here so that code written for the
 * browser (`initSync(...)`) runs unchanged. */
export function initSync(module?: unknown): void;
/** Resolves at once in Node (the module is loaded on require): `await init()` works everywhere. */
declare function init(module_or_path?: unknown): Promise<void>;
export default init;
TS
names="$(node -e 'console.log(Object.keys(require(process.argv[1])).filter((k) => k !== "default" && k !== "initSync").join(", "))' "$here/pkg/node/vanban.js")"
cat >pkg/node/index.mjs <<JS
// The Node entry for \`import\`: the CommonJS bindings beside it, with the same names as the
// browser entry, a default \`init\` and \`initSync\` that resolve at once.
import { createRequire } from "node:module";

const bindings = createRequire(import.meta.url)("./vanban.js");
export const { $names } = bindings;
export const initSync = bindings.initSync;
export default bindings.default;
JS
cat >pkg/node/index.d.mts <<'TS'
export * from "./vanban.js";
export { default } from "./vanban.js";
TS

echo "==> the package's own modules (worker, highlighting) and the browser entry"
cp js/index.js js/index.d.ts js/worker.js js/worker-client.js js/worker-client.d.ts \
    js/highlight.js js/highlight.d.ts pkg/web/
# The browser declarations name DOM types (RequestInfo, Response): say so, so that a project
# compiled without the DOM lib (`--lib es2022`, a worker or server build) still type-checks.
sed -i '1i /// <reference lib="dom" />' pkg/web/vanban.d.ts

echo "==> package.json"
node scripts/package-json.mjs >pkg/package.json
cp README.md pkg/README.md
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" pkg/

wasm=pkg/web/vanban_bg.wasm
printf '==> %s: %s bytes raw, %s bytes gzip -9 (cargo output: %s bytes)\n' "$wasm" \
    "$(wc -c <"$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" "$(wc -c <"$raw")"
