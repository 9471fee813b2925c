// Parsing off the main thread, as promises: `createParserWorker()` starts one module worker
// running the package (`./worker.js`); `parseInWorker(text)` uses one shared worker, started on
// first use. Bundlers that know `new Worker(new URL(…, import.meta.url))` (Vite, webpack 5,
// Parcel) emit the worker and the wasm beside it.

function toError(e) {
  const err = e && e.code === "input_too_large" ? new RangeError(e.message) : new Error(e?.message ?? String(e));
  if (e && e.code) err.code = e.code;
  return err;
}

export function createParserWorker({ url } = {}) {
  const worker = new Worker(url ?? new URL("./worker.js", import.meta.url), { type: "module" });
  const pending = new Map();
  let seq = 0;
  let started;
  let failed = null;
  const ready = new Promise((resolve, reject) => (started = { resolve, reject }));
  ready.catch(() => {});
  const failAll = (error) => {
    failed = error;
    started.reject(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") return started.resolve({ version: data.version, schemaVersion: data.schemaVersion });
    if (data.type === "fatal") return failAll(toError(data.error));
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    if (data.type === "result") p.resolve(p.bytes ? { text: data.text, document: data.doc } : data.doc);
    else p.reject(toError(data.error));
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    failAll(new Error(e.message || "the vanban worker could not start"));
  };
  const send = (message, bytes) =>
    failed
      ? Promise.reject(failed)
      : new Promise((resolve, reject) => {
          const id = ++seq;
          pending.set(id, { resolve, reject, bytes });
          worker.postMessage({ id, ...message });
        });
  return {
    ready,
    parse: (text, options) => send({ text, options }, false),
    parseBytes: (bytes, options) => send({ bytes, options }, true),
    terminate() {
      worker.terminate();
      failAll(new Error("the vanban worker was terminated"));
    },
  };
}

let shared = null;

export function parseInWorker(text, options) {
  shared ??= createParserWorker();
  return shared.parse(text, options);
}
