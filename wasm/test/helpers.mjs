// Shared helpers of the Node tests: the built package, fixtures, the Rust CLI, span walking.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const wasmDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const root = join(wasmDir, "..");
export const pkgDir = join(wasmDir, "pkg");

if (!existsSync(join(pkgDir, "node", "vanban.js"))) {
  throw new Error("wasm/pkg is not built: run `bash wasm/build.sh` first");
}

/** The package's Node entry (CommonJS). */
export const vanban = createRequire(import.meta.url)(join(pkgDir, "node", "vanban.js"));

/** `[name, text]` of every shared fixture (tests/fixtures/*.txt|*.md) and demo sample. */
export function fixtures() {
  const out = [];
  for (const dir of [join(root, "tests", "fixtures"), join(root, "examples", "web", "samples")]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (/\.(txt|md)$/.test(f)) out.push([join(dir, f), readFileSync(join(dir, f), "utf8")]);
    }
  }
  return out;
}

/** The Rust CLI (`cargo build --release -p vanban-cli`); VANBAN_CLI overrides the path. */
export function cliPath() {
  const candidates = [
    process.env.VANBAN_CLI,
    process.env.CARGO_TARGET_DIR && join(process.env.CARGO_TARGET_DIR, "release", "vanban"),
    join(root, "target", "release", "vanban"),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `the vanban CLI is not built (looked at ${candidates.join(", ")}): ` +
        "run `cargo build --release -p vanban-cli` or set VANBAN_CLI",
    );
  }
  return found;
}

/** The CLI's contract JSON of a file (spans in UTF-8 bytes). */
export function cliJson(file) {
  const out = execFileSync(cliPath(), ["parse", "--json", "--lossy", file], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return JSON.parse(out);
}

/**
 * Maps UTF-8 byte offsets of `text` to UTF-16 offsets, as the core's OffsetConverter does
 * (offsets inside a character round down, past the end clamp).
 */
export function byteToUtf16(text) {
  const bytes = Buffer.byteLength(text, "utf8");
  const map = new Int32Array(bytes + 1);
  let b = 0;
  let u = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = u;
    b += n;
    u += ch.length;
  }
  map[bytes] = u;
  return (off) => map[Math.min(off, bytes)];
}

/** Converts the spans of a byte-offset document like `OffsetConverter::convert_json_spans`. */
export function convertSpans(value, conv) {
  if (Array.isArray(value)) return value.map((v) => convertSpans(v, conv));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (
    keys.length === 2 &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    value.start >= 0 &&
    value.end >= 0
  ) {
    return { start: conv(value.start), end: conv(value.end) };
  }
  const out = {};
  for (const k of keys) {
    out[k] =
      k === "input_len" && Number.isInteger(value[k]) ? conv(value[k]) : convertSpans(value[k], conv);
  }
  return out;
}

/** Every `{start, end}` span in a document, with its JSON path. */
export function spans(doc) {
  const out = [];
  const walk = (v, path) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length === 2 && Number.isInteger(v.start) && Number.isInteger(v.end)) {
        out.push([path, v]);
      } else for (const k of keys) walk(v[k], `${path}.${k}`);
    }
  };
  walk(doc, "$");
  return out;
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/** Problems with a document's spans over `text` (empty when all are in bounds and on characters). */
export function spanProblems(doc, text) {
  const bad = [];
  if (doc.input_len !== text.length) bad.push(`input_len ${doc.input_len} != ${text.length}`);
  for (const [path, s] of spans(doc)) {
    if (!(0 <= s.start && s.start <= s.end && s.end <= text.length)) {
      bad.push(`${path} ${s.start}..${s.end} out of 0..${text.length}`);
      continue;
    }
    for (const at of [s.start, s.end]) {
      if (at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) {
        bad.push(`${path} ${s.start}..${s.end} splits a surrogate pair at ${at}`);
      }
    }
  }
  return bad;
}

/** The snippets of wasm/README.md marked `<!-- file: NAME -->`, as `{ NAME: code }`. */
export function readmeSnippets() {
  const md = readFileSync(join(wasmDir, "README.md"), "utf8");
  const out = {};
  for (const m of md.matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) out[m[1]] = m[2];
  return out;
}

let project;
/**
 * A scratch npm project with the packed package installed from its tarball (as a user would get
 * it) and the README's snippets written out. Built once per process.
 */
export function packedProject() {
  if (project) return project;
  const dir = mkdtempSync(join(tmpdir(), "vanban-npm-"));
  const npm = (args, cwd) =>
    execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });
  const tgz = npm(["pack", pkgDir, "--pack-destination", dir], dir).trim().split("\n").pop();
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "quickstart", private: true, type: "module" }));
  npm(["install", "--offline", join(dir, tgz)], dir);
  for (const [name, code] of Object.entries(readmeSnippets())) writeFileSync(join(dir, name), code);
  project = dir;
  return dir;
}
