import type { Document, ParseOptions, ParsedBytes } from "./vanban.js";

/** A parser running in its own module worker. */
export interface ParserWorker {
  /** Resolves when the worker has loaded the wasm (rejects if it could not). */
  readonly ready: Promise<{ version: string; schemaVersion: string }>;
  /** `parse` in the worker; rejects with a `VanbanError` as `parse` throws one. */
  parse(text: string, options?: ParseOptions): Promise<Document>;
  /** `parseBytes` in the worker (a dropped file's contents). */
  parseBytes(bytes: Uint8Array | ArrayBuffer, options?: ParseOptions): Promise<ParsedBytes>;
  /** Stops the worker; pending parses reject. */
  terminate(): void;
}

/** Starts a module worker running the package (`url`: another copy of `vanban/worker`). */
export function createParserWorker(options?: { url?: string | URL }): ParserWorker;

/** Parses off the main thread, in one worker shared by every call (started on first use). */
export function parseInWorker(text: string, options?: ParseOptions): Promise<Document>;
