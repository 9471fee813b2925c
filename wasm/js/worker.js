// The parser in a Web Worker (module worker): `new Worker(new URL("vanban/worker", …), { type:
// "module" })`, or through `createParserWorker()` / `parseInWorker()` of the package's main entry.
//
// Messages in:  { id, text, options? }  or  { id, bytes, options? }  (bytes: a file's contents).
// Messages out: { type: "ready", version, schemaVersion } once, then for each message
//               { type: "result", id, doc, text?, ms }  (text: the decoded bytes) or
//               { type: "error", id, error: { message, code } };
//               { type: "fatal", error: { message } } if the module cannot start.
import init, { parse, parseBytes, schemaVersion, version } from "./vanban.js";

const ready = (async () => {
  await init();
  // The first parse compiles the parser's patterns: do it now, not on the user's first paste.
  parse("ỦY BAN NHÂN DÂN\nSố: 1/UBND\nCÔNG VĂN\n1. Khởi động.\n");
  postMessage({ type: "ready", version: version(), schemaVersion: schemaVersion() });
})().catch((e) => {
  postMessage({ type: "fatal", error: { message: String(e && e.message ? e.message : e) } });
  throw e;
});

onmessage = async ({ data }) => {
  await ready;
  const { id, text, bytes, options } = data;
  const t0 = performance.now();
  try {
    if (bytes !== undefined) {
      const out = parseBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), options);
      postMessage({ type: "result", id, doc: out.document, text: out.text, ms: performance.now() - t0 });
    } else {
      postMessage({ type: "result", id, doc: parse(text, options), ms: performance.now() - t0 });
    }
  } catch (e) {
    postMessage({ type: "error", id, error: { message: e.message, code: e.code ?? null } });
  }
};
