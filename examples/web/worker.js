// Parses off the main thread. Messages in: { id, text }. Messages out: { type: "ready", version,
// schemaVersion } once, then { type: "result", id, doc, ms } or { type: "error", id, error }.
import init, { parse, schemaVersion, version } from "../../wasm/pkg/web/vanban.js";

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
  const { id, text } = data;
  const t0 = performance.now();
  try {
    const doc = parse(text);
    postMessage({ type: "result", id, doc, ms: performance.now() - t0 });
  } catch (e) {
    postMessage({ type: "error", id, error: { message: e.message, code: e.code ?? null } });
  }
};
