// The JS surface: plain objects, null for absent values, versions, renderers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { root, vanban } from "./helpers.mjs";

const sample = readFileSync(join(root, "examples", "web", "samples", "cong-van-123-ubnd-vx.txt"), "utf8");

test("exports", () => {
  for (const f of ["parse", "parseJson", "outline", "markdown", "version", "schemaVersion"]) {
    assert.equal(typeof vanban[f], "function", f);
  }
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
  const v = /\[workspace\.package\][^[]*?version\s*=\s*"([^"]+)"/.exec(cargo)[1];
  assert.equal(vanban.version(), v);
  assert.equal(vanban.schemaVersion(), "1");
});

test("parse returns plain objects with null for absent values", () => {
  const doc = vanban.parse(sample);
  const plain = (v, path) => {
    if (Array.isArray(v)) return v.forEach((x, i) => plain(x, `${path}[${i}]`));
    if (v === null || typeof v !== "object") {
      assert.notEqual(v, undefined, path);
      return;
    }
    assert.equal(Object.getPrototypeOf(v), Object.prototype, `${path} is a plain object`);
    for (const [k, x] of Object.entries(v)) plain(x, `${path}.${k}`);
  };
  plain(doc, "$");
  assert.equal(doc.schema_version, "1");
  assert.equal(doc.kind, "cong_van");
  assert.equal(doc.symbol, "123/UBND-VX");
  assert.equal(doc.date, "2024-05-08");
  assert.equal(doc.header.urgency, null);
  assert.equal(doc.header.secrecy, null);
  assert.ok(!(doc instanceof Map));
  assert.equal(doc.items.length, 5);
  assert.equal(doc.items[0].children.length, 3);
  const s = doc.items[1].label_span;
  assert.equal(sample.slice(s.start, s.end), "2.");
  assert.equal(JSON.stringify(doc), vanban.parseJson(sample));
});

test("options: none, undefined, null and {} are the defaults", () => {
  const want = vanban.parseJson(sample);
  for (const o of [undefined, null, {}, { maxBytes: null }, { maxBytes: 1 << 30 }]) {
    assert.equal(vanban.parseJson(sample, o), want, JSON.stringify(o));
  }
});

test("outline and markdown", () => {
  const o = vanban.outline(sample);
  assert.match(o, /^kind: +cong_van$/m);
  assert.match(o, /^symbol: +123\/UBND-VX$/m);
  const md = vanban.markdown(sample);
  assert.match(md, /^# /);
  assert.match(md, /\| symbol \| 123\/UBND-VX \|/);
});

test("empty and whitespace input give a document with diagnostics", () => {
  for (const t of ["", "   \n\n", "\u{FEFF}"]) {
    const d = vanban.parse(t);
    assert.equal(d.input_len, t.length);
    assert.ok(d.diagnostics.length > 0, JSON.stringify(t));
  }
});

test("parseBytes decodes a file's bytes and refuses what is no text", () => {
  const utf16 = Buffer.from("\ufeff" + sample, "utf16le");
  const { text, document } = vanban.parseBytes(new Uint8Array(utf16));
  assert.equal(text, "\ufeff" + sample);
  const direct = vanban.parse(sample);
  assert.equal(document.symbol, direct.symbol);
  const item = document.items[0];
  assert.equal(text.slice(item.span.start, item.span.end), sample.slice(direct.items[0].span.start, direct.items[0].span.end));
  const refusals = [
    [Buffer.from("%PDF-1.7\n%\xe2\xe3\n1 0 obj", "latin1"), "ocr_unavailable", /native builds/],
    [Buffer.from("PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml", "latin1"), "malformed_input", /DOCX/],
    [Buffer.from("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + "\0".repeat(600), "latin1"), "unsupported_format", /DOC/],
    [Buffer.from([0, 1, 0, 0, 0, 0, 9, 0, 0, 0]), "binary_input", /binary/],
    [Buffer.from([0x53, 0xe1, 0x20, 0x31]), "invalid_utf8", /UTF-8/],
  ];
  for (const [bytes, code, message] of refusals) {
    assert.throws(() => vanban.parseBytes(new Uint8Array(bytes)), (e) => e.code === code && message.test(e.message), code);
  }
  assert.throws(() => vanban.parseBytes(new Uint8Array(utf16), { maxBytes: 10 }), (e) => e.code === "input_too_large" && e instanceof RangeError);
});

test("options.fields gives some fields only, in the contract's order", () => {
  const doc = vanban.parse(sample, { fields: ["citations", "symbol", "kind"] });
  assert.deepEqual(Object.keys(doc), ["kind", "symbol", "citations"]);
  assert.deepEqual(doc.citations, vanban.parse(sample).citations);
  assert.throws(() => vanban.parse(sample, { fields: ["sybmol"] }), (e) => e.code === "invalid_options" && /sybmol/.test(e.message));
});

test("annotate marks a text in a <pre> and a page in place", () => {
  const html = vanban.annotate(sample);
  assert.match(html, /<pre>/);
  assert.match(html, /<span class="vb vb-item" data-label="1\."/);
  const page = readFileSync(join(root, "tests", "fixtures", "formats", "cong_van_trang_web.html"));
  const marked = vanban.annotate(new Uint8Array(page));
  assert.ok(marked.startsWith("<!DOCTYPE html>"));
  assert.match(marked, /data-symbol="17\/2023\/TT-BGDĐT"/);
  assert.throws(() => vanban.annotate(42), (e) => e.code === "invalid_input");
});
