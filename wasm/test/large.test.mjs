// A 1 MB input, and random inputs: no throw, spans in bounds, JSON and objects agree.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fixtures, root, spanProblems, vanban } from "./helpers.mjs";

const sample = readFileSync(join(root, "examples", "web", "samples", "chi-thi-15-ct-tu.txt"), "utf8");

const roman = (n) =>
  [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]].reduce((acc, [v, r]) => {
    while (n >= v) {
      acc += r;
      n -= v;
    }
    return acc;
  }, "");

/** A directive of ~1 MB: sections I, II, ... of 40 numbered items, each with a) and a dash. */
function megabyteDocument() {
  const head = sample.slice(0, sample.indexOf("1. Nâng cao"));
  const tail = sample.slice(sample.indexOf("Chỉ thị này được phổ biến"));
  const parts = [head];
  let size = Buffer.byteLength(head + tail);
  for (let sec = 1; size < 1_050_000; sec++) {
    const heading = `${roman(sec)}. NHIỆM VỤ TRỌNG TÂM NHÓM ${sec}\n\n`;
    parts.push(heading);
    size += Buffer.byteLength(heading);
    for (let n = 1; n <= 40; n++) {
      const item =
        `${n}. Sở ${n % 2 ? "Y tế 🏥" : "Tài chính"} chủ trì, phối hợp với các sở, ngành rà soát, ` +
        `hoàn thiện phương án số ${n}/KH-UBND ngày 0${(n % 9) + 1}/0${(n % 9) + 1}/2024 𠀀.\n` +
        `a) Báo cáo kết quả trước ngày 15/6/2024.\n- Ủy ban nhân dân các huyện thực hiện.\n\n`;
      parts.push(item);
      size += Buffer.byteLength(item);
    }
  }
  parts.push(tail);
  return parts.join("");
}

const countItems = (items) => items.reduce((n, it) => n + 1 + countItems(it.children), 0);

test("a 1 MB document", () => {
  const text = megabyteDocument();
  assert.ok(Buffer.byteLength(text) > 1_000_000);
  const t0 = performance.now();
  const doc = vanban.parse(text);
  const ms = performance.now() - t0;
  const items = countItems(doc.items);
  assert.ok(items > 3000, `${items} items`);
  assert.deepStrictEqual(spanProblems(doc, text), []);
  let last = doc.items.at(-1);
  while (last.children.length) last = last.children.at(-1);
  assert.equal(text.slice(last.label_span.start, last.label_span.end), last.label);
  assert.ok(ms < 20_000, `parse took ${ms} ms`);
  assert.equal(vanban.parseJson(text), JSON.stringify(doc));
  console.log(`# 1 MB parse: ${Math.round(ms)} ms, ${items} items`);
});

test("random inputs never throw and keep spans in bounds", () => {
  // A small deterministic generator (mulberry32) over Vietnamese text, markers and oddities.
  let seed = 0x5eed;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces = [
    "\n", "\n\n", "\r\n", " ", "1. ", "a) ", "- ", "II. ", "Điều 2. ", "Số: 12/CT-UBND", "CHỈ THỊ",
    "Kính gửi:", "Nơi nhận:", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "ngày 05 tháng 01 năm 2024",
    "Sở Y tế chủ trì", "phối hợp", "V/v ", "---", "|", "😀", "𠀀", "\uD800", "\uDFFF", "\u0000",
    "\u0301", "e\u0302\u0301", "ạ", "Ủy", "./.", "(để báo cáo);", "Lưu: VT.", "\t", "\u{FEFF}",
  ];
  for (let k = 0; k < 300; k++) {
    let s = "";
    const n = Math.floor(rand() * 80);
    for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
    const doc = vanban.parse(s);
    assert.deepStrictEqual(spanProblems(doc, s), [], JSON.stringify(s));
  }
});

test("cut and spliced fixtures never throw and keep spans in bounds", () => {
  let seed = 42;
  const rand = (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (const [, text] of fixtures()) {
    for (let k = 0; k < 25; k++) {
      // Cuts may fall inside a surrogate pair or a decomposed letter; splices move blocks around.
      const a = rand(text.length + 1);
      const b = rand(text.length + 1);
      const variants = [
        text.slice(0, a),
        text.slice(a),
        text.slice(Math.min(a, b), Math.max(a, b)),
        text.slice(0, a) + text.slice(b),
        text.slice(b) + "\n" + text.slice(0, a),
      ];
      for (const v of variants) assert.deepStrictEqual(spanProblems(vanban.parse(v), v), []);
    }
  }
});
