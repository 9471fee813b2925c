// End-to-end test of the demo page in real headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core): serve the repository on loopback, paste a document, check the header
// card, the outline, the highlights, the assignments table and the panels, drop a file, time a
// 100 KB document, and save screenshots to wasm/test-results/.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../examples/web/serve.mjs";
import { packedProject, root, vanban, wasmDir } from "../test/helpers.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const shots = join(wasmDir, "test-results");
const samples = join(root, "examples", "web", "samples");
const party = readFileSync(join(samples, "chi-thi-15-ct-tu.txt"), "utf8");
const state = readFileSync(join(samples, "cong-van-123-ubnd-vx.txt"), "utf8");

let server;
let base;
let context;
let page;
let profile;
const problems = [];

const allItems = (items) => items.flatMap((it) => [it, ...allItems(it.children)]);
const fmtDate = (iso) => iso.split("-").reverse().join("/");

before(async () => {
  mkdirSync(shots, { recursive: true });
  ({ server, url: base } = await serve({ root }));
  profile = mkdtempSync(join(tmpdir(), "vanban-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(`${base}/examples/web/?empty`);
  await page.waitForSelector("body[data-state=parsed], body[data-state=error]", { timeout: 60_000 });
  assert.equal(await page.getAttribute("body", "data-state"), "parsed", await page.textContent("#status"));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Pastes `text` over the input (clipboard + Ctrl+V) and waits for the page to draw its parse. */
async function paste(text) {
  const before = Number((await page.getAttribute("body", "data-renders")) ?? 0);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator("#input").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.getElementById("input").value), text);
}

test("a pasted Party directive: header card, outline, highlights, panels", async () => {
  const doc = vanban.parse(party);
  await paste(party);

  // Header card.
  assert.equal(await page.textContent(".kind-badge"), "Chỉ thị");
  const field = (name) => page.textContent(`#header-card [data-field=${name}] dd`);
  assert.equal(await field("symbol"), doc.symbol);
  assert.match(await field("date"), new RegExp(fmtDate(doc.date)));
  assert.match(await field("issuer"), new RegExp(doc.issuer));
  assert.equal(await page.textContent("#header-card .subject"), doc.title);

  // Outline: one entry per item, labels in order.
  const items = allItems(doc.items);
  assert.deepEqual(await page.locator("#outline .ol-label").allTextContents(), items.map((i) => i.label));

  // Highlights over the text: every item label, paragraphs, header fields, the header date.
  assert.equal(await page.locator("#text .hl-label").count(), items.length);
  assert.ok((await page.locator("#text .hl-paragraph").count()) > 0);
  assert.ok((await page.locator("#text .hl-header").count()) >= 5);
  assert.equal(await page.locator("#text .hl-header-symbol").textContent(), doc.header.symbol.text);
  assert.ok((await page.locator("#text .hl-date").count()) >= 1);
  // The page shows exactly the source text.
  assert.equal(await page.evaluate(() => document.getElementById("text").textContent), party);

  // Citations (none until the parser extracts them; strict once it does).
  if (doc.citations.length > 0) {
    assert.ok((await page.locator("#text .hl-citation").count()) > 0, "a highlighted citation");
    assert.equal(await page.locator("#citations li").count(), doc.citations.length);
  } else {
    assert.equal(await page.locator("#citations .empty").count(), 1);
  }
  // Actors likewise.
  const actors = items.flatMap((i) => i.actors);
  if (actors.length > 0) assert.ok((await page.locator("#text .hl-actor").count()) > 0);

  // Assignments: items[].assignments when the model has it, the actors before that, else empty.
  const hasField = items.some((i) => Array.isArray(i.assignments));
  const assignments = hasField ? items.flatMap((i) => i.assignments) : actors;
  if (assignments.length > 0) {
    assert.equal(await page.locator("#assignments tbody tr").count(), assignments.length);
  } else {
    assert.equal(await page.locator("#assignments .empty").count(), 1);
  }

  // Signature and recipients.
  assert.match(await page.textContent("#signature"), new RegExp(doc.signatures[0].signer));
  assert.equal(await page.locator("#recipients li").count(), doc.recipients.length);

  // Hovering a highlight shows its parsed value.
  await page.locator("#text .hl-header-date").hover();
  await page.waitForSelector("#tooltip:not([hidden])");
  assert.match(await page.textContent("#tooltip"), new RegExp(doc.date));

  // The outline navigates: the clicked item's element flashes.
  await page.locator("#outline .ol-item").nth(1).click();
  const m = await page.locator("#outline .ol-item").nth(1).getAttribute("data-m");
  await page.waitForSelector(`#text [data-m="${m}"].flash`);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1800);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, "demo-party.png"), fullPage: true });
});

test("a dropped .txt file: the State công văn", async () => {
  const doc = vanban.parse(state);
  const before = Number(await page.getAttribute("body", "data-renders"));
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "cong-van.txt", { type: "text/plain" }));
    for (const type of ["dragenter", "dragover", "drop"]) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, state);
  await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before);
  assert.equal(await page.textContent(".kind-badge"), "Công văn");
  assert.equal(await page.textContent("#header-card [data-field=symbol] dd"), doc.symbol);
  assert.equal(await page.locator("#header-card .addressees .chip").count(), doc.addressees.length);
  assert.equal(await page.locator("#outline .ol-item").count(), allItems(doc.items).length);
  assert.match(await page.textContent("#input-meta"), /cong-van\.txt/);
  assert.ok(await page.locator("#drop-overlay").isHidden());
  await page.screenshot({ path: join(shots, "demo-cong-van.png"), fullPage: true });
});

/** Drops a file of `bytes` named `name` on the page, as a user's drag and drop does. */
function dropFile(name, bytes) {
  return page.evaluate(
    ([name, bytes]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      for (const type of ["dragenter", "dragover", "drop"]) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    [name, bytes],
  );
}

test("a dropped PDF or binary .txt is refused and nothing of the previous document stays", async () => {
  const cases = [
    ["scan.pdf", [..."%PDF-1.7\n%\xe2\xe3\n1 0 obj"].map((c) => c.charCodeAt(0)), "ocr_unavailable", /native/],
    ["garbage.txt", [0, 1, 0, 0, 0, 0, 9, 0, 0, 0, 7, 0], "binary_input", /binary/],
    ["letter.doc", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)], "unsupported_format", /DOC/],
  ];
  for (const [name, bytes, code, message] of cases) {
    assert.ok(await page.locator("#header-card [data-field=symbol]").count(), "a document is on screen before the drop");
    const before = Number(await page.getAttribute("body", "data-renders"));
    await dropFile(name, bytes);
    await page.waitForFunction((n) => Number(document.body.dataset.renders) > n && document.body.dataset.state === "refused", before);
    const status = await page.textContent("#status");
    assert.ok(status.includes(`${name}: not read (${code})`), status);
    assert.match(status, message);
    assert.equal(await page.locator("#header-card [data-field=symbol]").count(), 0, "the previous header is gone");
    assert.equal(await page.locator("#outline .ol-item").count(), 0, "the previous outline is gone");
    assert.match(await page.textContent("#text"), new RegExp(`${name.replace(".", "\\.")} was not read`));
    assert.equal(await page.inputValue("#input"), "");
    // Put a document back for the next case.
    await paste(state);
  }
});

test("a dropped web page or Word file is read as the CLI reads it", async () => {
  for (const name of ["cong_van_trang_web.html", "quyet_dinh_word.docx"]) {
    const bytes = [...readFileSync(join(root, "tests", "fixtures", "formats", name))];
    const want = vanban.parseBytes(new Uint8Array(bytes)).document;
    const before = Number(await page.getAttribute("body", "data-renders"));
    await dropFile(name, bytes);
    await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before);
    assert.equal(await page.textContent("#header-card [data-field=symbol] dd"), want.symbol, name);
    assert.equal(await page.locator("#outline .ol-item").count(), allItems(want.items).length, name);
  }
  await paste(state);
});

test("a 100 KB document parses and draws quickly", async () => {
  const body = state.slice(state.indexOf("1. Sở Y tế"), state.indexOf("Yêu cầu Thủ trưởng"));
  let text = state.slice(0, state.indexOf("1. Sở Y tế"));
  for (let sec = 1; Buffer.byteLength(text) < 100_000; sec++) {
    text += `${"IVX"[sec % 3]}. NHÓM NHIỆM VỤ ${sec}\n\n${body}`;
  }
  text += state.slice(state.indexOf("Yêu cầu Thủ trưởng"));
  const t0 = Date.now();
  await paste(text);
  const ms = Date.now() - t0;
  console.log(`# 100 KB document (${text.length} chars): pasted, parsed and drawn in ${ms} ms (${await page.textContent("#status")})`);
  assert.ok(ms < 4000, `${ms} ms`);
  assert.equal(await page.evaluate(() => document.getElementById("text").textContent), text);
  assert.ok((await page.locator("#outline .ol-item").count()) > 100);
});

test("the README's browser quick start runs as written (packed package, no bundler)", async () => {
  const dir = packedProject();
  const { server: other, url } = await serve({ root: dir });
  const p = await context.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  try {
    await p.goto(`${url}/index.html`);
    await p.waitForFunction(() => document.getElementById("out").textContent !== "parsing…", null, { timeout: 30_000 });
    assert.equal(await p.textContent("#out"), "chi_thi 12/CT-UBND: 1 item(s)");
    assert.deepEqual(errors, []);
  } finally {
    await p.close();
    other.close();
  }
});

test("no page errors, console errors or failed requests", () => {
  assert.deepEqual(problems, []);
});

test("the package's parseInWorker and createParserWorker parse off the main thread", async () => {
  const doc = vanban.parse(state);
  const out = await page.evaluate(async (text) => {
    // The one way to start that works everywhere, on the page itself.
    const vanban = await import("/wasm/pkg/web/index.js");
    await vanban.default();
    if (vanban.parse(text).symbol === null) throw new Error("no symbol on the main thread");
    const { parseInWorker, createParserWorker } = vanban;
    const shared = await parseInWorker(text);
    const w = createParserWorker();
    const info = await w.ready;
    const fromBytes = await w.parseBytes(new TextEncoder().encode(text));
    let refusal = null;
    try {
      await w.parseBytes(new TextEncoder().encode("%PDF-1.7 x"));
    } catch (e) {
      refusal = e.code;
    }
    w.terminate();
    return { symbol: shared.symbol, items: shared.items.length, version: info.version, bytesSymbol: fromBytes.document.symbol, same: fromBytes.text === text, refusal };
  }, state);
  assert.deepEqual(out, {
    symbol: doc.symbol,
    items: doc.items.length,
    version: vanban.version(),
    bytesSymbol: doc.symbol,
    same: true,
    refusal: "ocr_unavailable",
  });
});
