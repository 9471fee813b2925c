export * from "./vanban.js";
export { default } from "./vanban.js";
export { createParserWorker, parseInWorker } from "./worker-client.js";
export type { ParserWorker } from "./worker-client.js";
