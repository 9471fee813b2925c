// The package's entry for browsers and bundlers: the bindings (`await init()` once, then call),
// and parsing off the main thread (`parseInWorker`, `createParserWorker`).
export * from "./vanban.js";
export { default } from "./vanban.js";
export { createParserWorker, parseInWorker } from "./worker-client.js";
