// The highlighting of the package (vanban/highlight, wasm/js/highlight.js; the demo uses it) is generic over the model: entity lists the
// parser does not fill yet (citations, actors) and fields it does not have yet (dates, figures,
// items[].assignments) are found by their `span`, and crossing spans still nest.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { collectMarks, countKinds, describe, renderText } from "../js/highlight.js";
import { root, vanban } from "./helpers.mjs";

const unescape = (html) => html.replace(/<[^>]+>/g, "").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(n));

/** Checks that the HTML's tags are balanced and its text is exactly `text`. */
function wellFormed(html, text) {
  let depth = 0;
  for (const tag of html.match(/<\/?span[^>]*>/g) ?? []) {
    depth += tag.startsWith("</") ? -1 : 1;
    assert.ok(depth >= 0, "closing an unopened span");
  }
  assert.equal(depth, 0);
  assert.equal(unescape(html), text);
}

test("real documents: marks for header fields, items, paragraphs; text preserved", () => {
  for (const f of ["chi-thi-15-ct-tu.txt", "cong-van-123-ubnd-vx.txt"]) {
    const text = readFileSync(join(root, "examples", "web", "samples", f), "utf8");
    const doc = vanban.parse(text);
    const marks = collectMarks(doc);
    const n = countKinds(marks);
    assert.ok(n.header >= 5 && n.label > 0 && n.item > 0 && n.paragraph > 0, JSON.stringify(n));
    assert.ok(n["header-symbol"] === 1 && n.date >= 1);
    for (const m of marks) assert.equal(typeof describe(m, doc).title, "string");
    wellFormed(renderText(text, marks), text);
  }
});

test("future entity lists and fields light up without code changes", () => {
  const text = "Thực hiện Chỉ thị số 42-CT/TW ngày 24/3/2020, Sở Y tế chủ trì báo cáo trước ngày 30/4/2024 <ok> & xong.";
  const at = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const doc = {
    header: { symbol: null, date: null },
    citations: [{ kind: "chi_thi", symbol: "42-CT/TW", date: "2020-03-24", text: "Chỉ thị số 42-CT/TW ngày 24/3/2020", span: at("Chỉ thị số 42-CT/TW ngày 24/3/2020") }],
    dates: [{ iso: "2020-03-24", span: at("ngày 24/3/2020") }],
    figures: [{ value: 30, span: at("30") }],
    items: [
      {
        label: "1.",
        span: at("Sở Y tế chủ trì báo cáo trước ngày 30/4/2024 <ok> & xong."),
        label_span: { start: 0, end: 0 },
        paragraphs: [],
        actors: [{ name: "Sở Y tế", role: "lead", span: at("Sở Y tế") }],
        children: [],
        assignments: [
          {
            actor: { name: "Sở Y tế" },
            action: "báo cáo",
            deadline: { date: "2024-04-30", text: "trước ngày 30/4/2024", span: at("trước ngày 30/4/2024") },
            span: at("Sở Y tế chủ trì báo cáo trước ngày 30/4/2024"),
          },
        ],
      },
    ],
    // Crosses the citation's end: must be split, not mis-nested.
    noise: [{ kind: "stamp", span: { start: text.indexOf("2020,") - 3, end: text.indexOf("Sở Y tế") + 2 } }],
  };
  const marks = collectMarks(doc);
  const n = countKinds(marks);
  for (const k of ["citation", "date", "figure", "item", "actor", "assignment", "deadline", "noise"]) {
    assert.ok(n[k] >= 1, `${k}: ${JSON.stringify(n)}`);
  }
  const html = renderText(text, marks);
  wellFormed(html, text);
  assert.match(html, /<span class="hl hl-citation" data-m="\d+">Chỉ thị số 42-CT\/TW <span class="hl hl-date"/);
  assert.ok(html.includes("&#60;ok&#62; &#38; xong"));
  const cite = marks.find((m) => m.kind === "citation");
  assert.deepEqual(
    describe(cite, doc).rows.map(([k]) => k),
    ["kind", "symbol", "date", "text"],
  );
  const deadline = marks.find((m) => m.kind === "deadline");
  assert.deepEqual(describe(deadline, doc).rows, [
    ["date", "2024-04-30"],
    ["text", "trước ngày 30/4/2024"],
  ]);
});
