// The package as a user installs it: `npm pack` of wasm/pkg installed into a scratch project,
// the README's quick starts run as written, and its TypeScript snippet type-checked with tsc
// against the generated declarations (Node and bundler resolution).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { packedProject, pkgDir, readmeSnippets, root, vanban, wasmDir } from "./helpers.mjs";

const dir = packedProject();
const run = (file) => execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" });

test("the README has the snippets this test runs", () => {
  assert.deepEqual(Object.keys(readmeSnippets()).sort(), ["check.ts", "errors.mjs", "index.html", "quickstart.cjs", "quickstart.mjs"]);
});

test("package.json: name, version, exports, files", () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(pkg.name, "vanban");
  assert.equal(pkg.version, vanban.version());
  assert.equal(pkg.exports["."].node.require.default, "./node/vanban.js");
  assert.equal(pkg.exports["."].node.import.default, "./node/index.mjs");
  assert.equal(pkg.exports["."].default.default, "./web/index.js");
  assert.equal(pkg.exports["./worker"], "./web/worker.js");
  const installed = JSON.parse(readFileSync(join(dir, "node_modules", "vanban", "package.json"), "utf8"));
  assert.equal(installed.version, pkg.version);
  for (const f of ["web/index.js", "web/vanban.js", "web/vanban_bg.wasm", "web/vanban.d.ts", "web/types.d.ts", "web/worker.js",
    "web/worker-client.js", "web/highlight.js", "node/vanban.js", "node/index.mjs", "node/types.d.ts"]) {
    assert.ok(readFileSync(join(dir, "node_modules", "vanban", f)).length > 0, f);
  }
});

test("the tarball ships the wasm once", () => {
  const out = execFileSync("npm", ["pack", pkgDir, "--dry-run", "--json", "--loglevel=error"], { cwd: dir, encoding: "utf8" });
  const [info] = JSON.parse(out);
  const wasm = info.files.filter((f) => f.path.endsWith(".wasm"));
  assert.deepEqual(wasm.map((f) => f.path), ["web/vanban_bg.wasm"]);
  assert.ok(info.unpackedSize < wasm[0].size + 200_000, `unpacked ${info.unpackedSize} bytes`);
});

test("one way to start in every environment: import init, { parse }; await init()", () => {
  const esm = `
    import init, { initSync, parse } from "vanban";
    await init();
    initSync();
    console.log(parse("Số: 12/CT-UBND\\nCHỈ THỊ\\n1. Một.\\n").symbol);`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", esm], { cwd: dir, encoding: "utf8" });
  assert.equal(out.trim(), "12/CT-UBND");
  const cjs = `
    const vanban = require("vanban");
    vanban.default().then(() => { vanban.initSync(); console.log(vanban.parse("Số: 12/CT-UBND\\nCHỈ THỊ\\n").symbol); });`;
  const out2 = execFileSync(process.execPath, ["-e", cjs], { cwd: dir, encoding: "utf8" });
  assert.equal(out2.trim(), "12/CT-UBND");
  // The same names in both entries.
  const names = `
    import * as node from "vanban";
    const web = await import("vanban/web");
    const n = Object.keys(node).sort(), w = Object.keys(web).filter((k) => !["createParserWorker", "parseInWorker"].includes(k)).sort();
    console.log(JSON.stringify(n) === JSON.stringify(w) ? "same" : JSON.stringify({ n, w }));`;
  assert.equal(execFileSync(process.execPath, ["--input-type=module", "-e", names], { cwd: dir, encoding: "utf8" }).trim(), "same");
});

test("vanban/highlight marks a parsed document's spans (in Node too)", () => {
  const code = `
    import { parse } from "vanban";
    import { collectMarks, renderText } from "vanban/highlight";
    const text = "Số: 12/CT-UBND\\nCHỈ THỊ\\n1. Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020.\\n";
    const marks = collectMarks(parse(text));
    console.log(marks.some((m) => m.kind === "citation"), renderText(text, marks).includes("hl-citation"));`;
  assert.equal(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: dir, encoding: "utf8" }).trim(), "true true");
});

test("TypeScript: the browser types check without the DOM lib (bundler, es2022)", () => {
  const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
  const code = [
    'import init, { parse, parseBytes, parseInWorker, createParserWorker, type Document, type VanbanError } from "vanban";',
    'import { collectMarks, renderText, type Mark } from "vanban/highlight";',
    "await init();",
    'const doc: Document = parse("x", { fields: ["kind", "symbol"] });',
    "const marks: Mark[] = collectMarks(doc);",
    'const html: string = renderText("x", marks);',
    "const bytes = parseBytes(new Uint8Array([120]));",
    "const t: string = bytes.text;",
    'const later: Promise<Document> = parseInWorker("x");',
    "const w = createParserWorker();",
    "w.terminate();",
    'export { html, t, later };',
  ].join("\n");
  execFileSync(process.execPath, ["-e", `require("fs").writeFileSync("bundler.ts", ${JSON.stringify(code)})`], { cwd: dir });
  const args = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "bundler.ts"];
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

test("README quick start (Node, ESM) runs as written", () => {
  const out = run("quickstart.mjs");
  assert.match(out, new RegExp(`^${vanban.version().replace(/\./g, "\\.")} chi_thi 12/CT-UBND 2024-01-05$`, "m"));
  assert.match(out, /^1\. Sở Y tế chủ trì, phối hợp với các sở, ngành\.$/m);
  assert.match(out, /^Nguyễn Văn An$/m);
});

test("README quick start (Node, CommonJS) runs as written", () => {
  const out = run("quickstart.cjs");
  assert.match(out, /^symbol: +12\/CT-UBND$/m);
  assert.match(out, /^# /m);
  assert.match(out, /^12\/CT-UBND$/m);
});

test("README error example runs as written", () => {
  assert.equal(run("errors.mjs"), "true input_too_large\ninvalid_options\n");
});

test("the web build also loads in Node from bytes (initSync)", () => {
  const code = `
    import { readFileSync } from "node:fs";
    import { initSync, parse } from "vanban/web";
    initSync({ module: readFileSync(new URL("./node_modules/vanban/web/vanban_bg.wasm", import.meta.url)) });
    console.log(parse("ỦY BAN NHÂN DÂN\\nTỈNH AN GIANG\\nSố: 12/CT-UBND\\n\\nCHỈ THỊ\\nVề việc phòng, chống dịch\\n\\n1. Sở Y tế chủ trì.\\n").symbol);`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: dir, encoding: "utf8" });
  assert.equal(out.trim(), "12/CT-UBND");
});

for (const [resolution, module] of [["nodenext", "nodenext"], ["bundler", "esnext"]]) {
  test(`TypeScript: the README snippet type-checks (moduleResolution ${resolution})`, () => {
    const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
    const args = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", module, "--moduleResolution", resolution, "check.ts"];
    try {
      execFileSync(process.execPath, [tsc, ...args], { cwd: dir, encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}

test("TypeScript: a wrong field is an error (the types are not `any`)", () => {
  const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
  const bad = 'import { parse } from "vanban";\nconst n: number = parse("x").symbol;\nparse("x").no_such_field;\n';
  execFileSync(process.execPath, ["-e", `require("fs").writeFileSync("bad.ts", ${JSON.stringify(bad)})`], { cwd: dir });
  let out = "";
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "bad.ts"], { cwd: dir, encoding: "utf8" });
  } catch (e) {
    out = e.stdout;
  }
  assert.match(out, /bad\.ts\(2,7\).*Type 'string \| null' is not assignable to type 'number'/);
  assert.match(out, /bad\.ts\(3,12\).*no_such_field/);
});

test("every type of the schema is declared", () => {
  const schema = JSON.parse(readFileSync(join(root, "schema", "document.schema.json"), "utf8"));
  const dts = readFileSync(join(pkgDir, "web", "types.d.ts"), "utf8");
  for (const name of ["Document", ...Object.keys(schema.$defs ?? {}), "ParseOptions"]) {
    assert.match(dts, new RegExp(`^export (interface|type) ${name}\\b`, "m"), name);
  }
  for (const key of Object.keys(schema.properties)) assert.match(dts, new RegExp(`^  ${key}: `, "m"), key);
});

test("esbuild: the README's recipe emits the wasm and the bundle loads it by that name", () => {
  const esbuild = join(wasmDir, "node_modules", ".bin", "esbuild");
  const app = [
    'import init, { parse } from "vanban";',
    'import wasmUrl from "vanban/web/vanban_bg.wasm";',
    "await init({ module_or_path: wasmUrl });",
    'console.log(parse("Số: 12/CT-UBND\\nCHỈ THỊ\\n").symbol);',
  ].join("\n");
  execFileSync(process.execPath, ["-e", `require("fs").writeFileSync("esbuild-app.js", ${JSON.stringify(app)})`], { cwd: dir });
  execFileSync(esbuild, ["esbuild-app.js", "--bundle", "--format=esm", "--platform=browser", "--loader:.wasm=file", "--outdir=dist-esbuild", "--log-level=error"], { cwd: dir });
  const out = join(dir, "dist-esbuild");
  const wasm = readdirSync(out).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "one .wasm emitted");
  assert.deepEqual(readFileSync(join(out, wasm[0])), readFileSync(join(pkgDir, "web", "vanban_bg.wasm")));
  const bundle = readFileSync(join(out, "esbuild-app.js"), "utf8");
  assert.ok(bundle.includes(`"./${wasm[0]}"`), "the bundle names the emitted file");
  // The bundle runs where the page would: init with the emitted file's bytes.
  const run = `
    import { readFileSync } from "node:fs";
    globalThis.fetch = async () => new Response(readFileSync(${JSON.stringify(join(out, wasm[0]))}), { headers: { "Content-Type": "application/wasm" } });
    await import(${JSON.stringify(join(out, "esbuild-app.js"))});`;
  assert.equal(execFileSync(process.execPath, ["--input-type=module", "-e", run], { cwd: dir, encoding: "utf8" }).trim(), "12/CT-UBND");
});
