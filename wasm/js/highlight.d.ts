// Types of `vanban/highlight`: span highlighting over the source text, generic over the model.
import type { Document } from "./types.js";

/** One highlight: a span of the text and the part of the document it is. */
export interface Mark {
  id: number;
  /** `item`, `citation`, `actor`, `header`, `date` ... (named after the list it sits in). */
  kind: string;
  /** CSS classes (`hl-citation` ...); a header date is both a header field and a date. */
  classes: string[];
  start: number;
  end: number;
  /** JSON path of the entity (`$.items[0].actors[1]`). */
  path: string;
  /** The object of the document the mark is. */
  entity: unknown;
  /** For header marks: the header field (`symbol`, `date` ...). */
  field?: string;
}

/** Display names and order of the known kinds of marks. */
export const KINDS: Record<string, { label: string; rank: number }>;
/** Kinds that are listed but never drawn inline (diagnostics). */
export const NOT_INLINE: Set<string>;
/** Every object of the document with a span, as marks. */
export function collectMarks(doc: Document): Mark[];
/** Counts of marks by class. */
export function countKinds(marks: Mark[]): Record<string, number>;
export function escapeHtml(s: string): string;
/** The text as HTML with the marks nested as `<span class="hl hl-KIND" data-m="ID">`. */
export function renderText(text: string, marks: Mark[], enabled?: (mark: Mark) => boolean): string;
/** Title and `[name, value]` rows describing a mark's parsed value (for a hover card). */
export function describe(mark: Mark, doc: Document): { title: string; rows: [string, unknown][] };
