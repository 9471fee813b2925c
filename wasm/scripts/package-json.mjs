// Prints pkg/package.json: version and license from the Cargo workspace.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const ws = cargo.split(/^\[workspace\.package\]$/m)[1]?.split(/^\[/m)[0] ?? "";
const field = (k) => new RegExp(`^${k}\\s*=\\s*"([^"]*)"`, "m").exec(ws)?.[1];

const web = { types: "./web/index.d.ts", default: "./web/index.js" };
const node = {
  import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
  require: { types: "./node/vanban.d.ts", default: "./node/vanban.js" },
};
const pkg = {
  name: "vanban",
  version: field("version") ?? "0.0.0",
  description:
    "Parser for Vietnamese directive documents (chỉ thị, công văn, quyết định ...) — WebAssembly build for browsers and Node",
  license: field("license") ?? "MIT OR Apache-2.0",
  keywords: ["vietnamese", "parser", "legal", "documents", "wasm"],
  main: "./node/vanban.js",
  module: "./web/index.js",
  types: "./node/vanban.d.ts",
  exports: {
    ".": { node, default: web },
    "./web": web,
    "./node": node,
    "./worker": "./web/worker.js",
    "./highlight": { types: "./web/highlight.d.ts", default: "./web/highlight.js" },
    "./web/vanban_bg.wasm": "./web/vanban_bg.wasm",
    "./package.json": "./package.json",
  },
  files: ["web", "node", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  engines: { node: ">=18" },
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
