// Spans are UTF-16 code units: `text.slice(span.start, span.end)` is the source, also for
// decomposed (NFD) Vietnamese and characters outside the BMP.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { root, spanProblems, vanban } from "./helpers.mjs";

const sample = readFileSync(join(root, "examples", "web", "samples", "cong-van-123-ubnd-vx.txt"), "utf8");

function checkSlices(text) {
  const doc = vanban.parse(text);
  assert.deepStrictEqual(spanProblems(doc, text), []);
  const nfc = (s) => s.normalize("NFC");
  for (const it of doc.items) {
    assert.equal(text.slice(it.label_span.start, it.label_span.end), it.label);
    assert.ok(nfc(text.slice(it.span.start, it.span.end)).startsWith(nfc(it.label)));
  }
  const sym = doc.header.symbol;
  assert.ok(sym, "a symbol field");
  assert.equal(nfc(text.slice(sym.span.start, sym.span.end)).replace(/\s/g, ""), nfc(sym.text).replace(/\s/g, ""));
  const s = doc.signatures[0].span;
  assert.ok(nfc(text.slice(s.start, s.end)).includes("Lê Thị Hương"));
  for (const a of doc.addressees) {
    assert.ok(nfc(text.slice(a.span.start, a.span.end)).includes(nfc(a.name)), a.name);
  }
  return doc;
}

test("NFC text", () => {
  const doc = checkSlices(sample);
  assert.equal(doc.input_len, sample.length);
});

test("NFD text (decomposed letters: more UTF-16 units than NFC)", () => {
  const nfd = sample.normalize("NFD");
  assert.ok(nfd.length > sample.length);
  const doc = checkSlices(nfd);
  assert.equal(doc.input_len, nfd.length);
  // Values are read as NFC whatever the input form.
  assert.deepStrictEqual(
    [doc.symbol, doc.kind, doc.date, doc.issuer, doc.title],
    (({ symbol, kind, date, issuer, title }) => [symbol, kind, date, issuer, title])(vanban.parse(sample)),
  );
});

test("characters outside the BMP (surrogate pairs) before and inside spans", () => {
  const astral = sample
    .replace("V/v tăng cường", "V/v 📄 tăng cường 𠀀")
    .replace("1. Sở Y tế chủ trì", "1. Sở Y tế 🏥 chủ trì")
    .replace("2. Sở Giáo dục", "2. 𝐒ở Giáo dục");
  const doc = checkSlices(astral);
  assert.equal(doc.input_len, astral.length);
  assert.ok(doc.title.includes("📄") && doc.title.includes("𠀀"));
  const p = doc.items[0].paragraphs[0];
  assert.equal(astral.slice(p.span.start, p.span.start + 16), "Sở Y tế 🏥 chủ t");
});

test("CRLF line ends, a BOM and mixed NFC/NFD", () => {
  const mixed = "\u{FEFF}" + sample.slice(0, 400) + sample.slice(400).normalize("NFD");
  checkSlices(mixed.replace(/\n/g, "\r\n"));
});

test("lone surrogates are read as U+FFFD without moving offsets", () => {
  const lone = sample.replace("1. Sở Y tế", "\uD800 \uDC00\n1. Sở Y tế");
  const doc = checkSlices(lone);
  assert.equal(doc.input_len, lone.length);
});
