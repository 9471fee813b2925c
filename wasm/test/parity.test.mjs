// The wasm package gives the same document as the Rust CLI on every shared fixture (and on the
// demo's samples, in NFC and NFD): the CLI's UTF-8 byte spans converted to UTF-16 must equal the
// package's spans, and every other value must be identical.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { byteToUtf16, cliJson, convertSpans, fixtures, root, spanProblems, vanban } from "./helpers.mjs";

const all = fixtures();
const tmp = mkdtempSync(join(tmpdir(), "vanban-parity-"));

test("there are fixtures to compare", () => {
  assert.ok(all.length >= 2, "expected the demo samples at least");
});

for (const [file, text] of all) {
  test(`parity with the CLI: ${basename(file)}`, () => {
    const want = convertSpans(cliJson(file), byteToUtf16(text));
    const have = vanban.parse(text);
    assert.deepStrictEqual(have, want);
    assert.deepStrictEqual(spanProblems(have, text), []);
    assert.equal(vanban.parseJson(text), JSON.stringify(have));
  });

  test(`parity with the CLI in NFD and with astral characters: ${basename(file)}`, () => {
    // Decomposed Vietnamese (2-3 code units a letter) and characters outside the BMP (surrogate
    // pairs) move every UTF-16 offset away from both the byte and the code point offsets.
    const variant = text.normalize("NFD").replace(/\n\n/g, "\n\n\u{1F4C4}\u{20000} ");
    const f = join(tmp, basename(file));
    writeFileSync(f, variant);
    const want = convertSpans(cliJson(f), byteToUtf16(variant));
    const have = vanban.parse(variant);
    assert.deepStrictEqual(have, want);
    assert.deepStrictEqual(spanProblems(have, variant), []);
  });
}

// Other formats (tests/fixtures/formats: an HTML page, a Word file): parseBytes reads them as the
// CLI does; spans point into the source it returns (the page itself for HTML).
const formats = join(root, "tests", "fixtures", "formats");
for (const name of readdirSync(formats).sort()) {
  test(`parity with the CLI on bytes: ${name}`, () => {
    const file = join(formats, name);
    const { text, document } = vanban.parseBytes(new Uint8Array(readFileSync(file)));
    const want = convertSpans(cliJson(file), byteToUtf16(text));
    assert.deepStrictEqual(document, want);
    if (name.endsWith(".html")) assert.equal(text, readFileSync(file, "utf8"));
    assert.ok(document.symbol, "a symbol");
  });
}
