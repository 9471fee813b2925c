// The package as a user installs it: `npm pack` of wasm/pkg installed into a scratch project,
// the README's quick starts run as written, and its TypeScript snippet type-checked with tsc
// against the generated declarations (Node and bundler resolution).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
  assert.equal(pkg.exports["."].node.default, "./node/vanban.js");
  assert.equal(pkg.exports["."].default.default, "./web/vanban.js");
  const installed = JSON.parse(readFileSync(join(dir, "node_modules", "vanban", "package.json"), "utf8"));
  assert.equal(installed.version, pkg.version);
  for (const f of ["web/vanban.js", "web/vanban_bg.wasm", "web/vanban.d.ts", "web/types.d.ts", "node/vanban.js", "node/vanban_bg.wasm", "node/types.d.ts"]) {
    assert.ok(readFileSync(join(dir, "node_modules", "vanban", f)).length > 0, f);
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
