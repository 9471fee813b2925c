// Refusals are JS Errors with a stable `code`, never a wasm trap; the module keeps working after.
import assert from "node:assert/strict";
import { test } from "node:test";
import { vanban } from "./helpers.mjs";

const text = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 1/CT-UBND\nAn Giang, ngày 05 tháng 01 năm 2024\n\nCHỈ THỊ\nVề việc phòng, chống dịch\n\n1. Sở Y tế chủ trì.\n";
const bytes = Buffer.byteLength(text);
const fns = ["parse", "parseJson", "outline", "markdown"];

function throwsCode(fn, code, ctor) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, "expected a throw");
  assert.ok(caught instanceof Error, `an Error, got ${caught}`);
  assert.ok(!(caught instanceof WebAssembly.RuntimeError), "not a wasm trap");
  assert.ok(caught instanceof ctor, `${caught.name} is a ${ctor.name}`);
  assert.equal(caught.code, code);
  assert.match(caught.message, /^vanban: /);
  return caught;
}

test("the size limit counts UTF-8 bytes and throws input_too_large", () => {
  for (const f of fns) {
    const e = throwsCode(() => vanban[f](text, { maxBytes: bytes - 1 }), "input_too_large", RangeError);
    assert.match(e.message, new RegExp(`${bytes} bytes.*limit of ${bytes - 1} bytes`));
    assert.doesNotThrow(() => vanban[f](text, { maxBytes: bytes }));
  }
  throwsCode(() => vanban.parse("x", { maxBytes: 0 }), "input_too_large", RangeError);
  assert.equal(vanban.parse("", { maxBytes: 0 }).input_len, 0);
});

test("bad options throw invalid_options", () => {
  const bad = [
    { maxBytes: -1 },
    { maxBytes: 1.5 },
    { maxBytes: "10" },
    { max_bytes: 10 },
    { unknown: true },
    { maxBytes: 10n },
    42,
    "options",
    [],
  ];
  for (const o of bad) {
    for (const f of fns) throwsCode(() => vanban[f](text, o), "invalid_options", TypeError);
  }
});

test("a text that is not a string throws invalid_input", () => {
  for (const t of [undefined, null, 42, {}, ["a"], new Uint8Array(3)]) {
    for (const f of fns) throwsCode(() => vanban[f](t), "invalid_input", TypeError);
  }
});

test("the module keeps working after errors", () => {
  for (let i = 0; i < 50; i++) {
    assert.throws(() => vanban.parse(text, { maxBytes: 1 }));
    assert.throws(() => vanban.parse(text, { nope: 1 }));
  }
  assert.equal(vanban.parse(text).symbol, "1/CT-UBND");
});
