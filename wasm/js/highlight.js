// Entity highlighting over the source text, generic over the document model: every object in the
// parsed document that carries a `span` (or a `*_span`) becomes a mark, named after the list or
// field it sits in (`citations` -> citation, `actors` -> actor, `header.date` -> header + date
// ...). Lists the model adds later (`dates`, `figures`, `items[].assignments` ...) light up with
// no change here. Pure functions, no DOM: the Node tests import this module too.

/** Display names and order of the known kinds; unknown kinds get a generic style. */
export const KINDS = {
  item: { label: "Items", rank: 0 },
  attachment: { label: "Attachments", rank: 1 },
  signature: { label: "Signature", rank: 1 },
  paragraph: { label: "Paragraphs", rank: 2 },
  header: { label: "Header fields", rank: 3 },
  label: { label: "Item labels", rank: 4 },
  date: { label: "Dates", rank: 5 },
  citation: { label: "Citations", rank: 5 },
  mention: { label: "Citation mentions", rank: 6 },
  actor: { label: "Actors", rank: 5 },
  assignment: { label: "Assignments", rank: 4 },
  addressee: { label: "Addressees", rank: 5 },
  recipient: { label: "Recipients", rank: 5 },
  archive: { label: "Archive", rank: 5 },
  figure: { label: "Figures", rank: 5 },
  noise: { label: "Noise", rank: 5 },
  diagnostic: { label: "Diagnostics", rank: 9 },
};

/** Kinds never drawn inline (too large or not text): shown in their own panels. */
export const NOT_INLINE = new Set(["diagnostic"]);

/** Lists whose elements are of a known kind (key -> kind). Others: the key, singular. */
const LIST_KIND = {
  items: "item",
  children: "item",
  paragraphs: "paragraph",
  preamble: "paragraph",
  closing: "paragraph",
  basis: "paragraph",
  citations: "citation",
  mentions: "mention",
  actors: "actor",
  dates: "date",
  addressees: "addressee",
  recipients: "recipient",
  signatures: "signature",
  noise: "noise",
  diagnostics: "diagnostic",
  attachments: "attachment",
  footnotes: "footnote",
  assignments: "assignment",
  figures: "figure",
};

const isSpan = (v) =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  Number.isInteger(v.start) &&
  Number.isInteger(v.end) &&
  Object.keys(v).length === 2;

const singular = (k) => (k.endsWith("ies") ? k.slice(0, -3) + "y" : k.replace(/s$/, ""));

/**
 * Every mark of a document: `{ id, kind, classes, start, end, path, entity, field }`, in document
 * order. `entity` is the object the span belongs to; `field` is the header field name for header
 * marks. Identical (kind, span) pairs are kept once (`basis` repeats `preamble` paragraphs).
 */
export function collectMarks(doc) {
  const marks = [];
  const seen = new Set();
  const add = (kind, extra, span, path, entity, field) => {
    const key = `${kind}:${span.start}:${span.end}`;
    if (seen.has(key)) return;
    // A citation's first mention has the citation's own span: one mark is enough.
    if (kind === "mention" && seen.has(`citation:${span.start}:${span.end}`)) return;
    seen.add(key);
    const classes = [kind, ...extra];
    marks.push({ id: marks.length, kind, classes, start: span.start, end: span.end, path, entity, field });
  };
  const walk = (v, path, listKey, parentKey, inHeader) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, parentKey, parentKey, false));
      return;
    }
    if (v === null || typeof v !== "object" || isSpan(v)) return;
    // The object's own spans first, then what it contains (parents before children).
    for (const [k, x] of Object.entries(v)) {
      if (!isSpan(x)) continue;
      if (k === "span") {
        if (inHeader) add("header", [`header-${parentKey}`, ...(parentKey === "date" ? ["date"] : [])], x, path, v, parentKey);
        else add(LIST_KIND[listKey] ?? singular(listKey ?? parentKey ?? "entity"), [], x, path, v);
      } else if (k.endsWith("_span")) {
        add(k.slice(0, -5), [], x, `${path}.${k}`, v);
      }
    }
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === "object" && !isSpan(x)) {
        walk(x, `${path}.${k}`, Array.isArray(x) ? k : undefined, k, path === "$.header");
      }
    }
  };
  walk(doc, "$", undefined, undefined, false);
  return marks;
}

/** Counts of marks by class (a header date counts as a header field and as a date). */
export function countKinds(marks) {
  const n = {};
  for (const m of marks) for (const c of m.classes) n[c] = (n[c] ?? 0) + 1;
  return n;
}

export function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const rank = (m) => KINDS[m.kind]?.rank ?? 5;

/**
 * The source text as HTML with the marks nested as `<span class="hl hl-KIND" data-m="ID">`.
 * Marks that cross each other are split at the outer one's end, so the output always nests.
 * `enabled(mark)` filters marks; empty spans and NOT_INLINE kinds are skipped.
 */
export function renderText(text, marks, enabled = () => true) {
  const queue = marks
    .filter((m) => m.end > m.start && !NOT_INLINE.has(m.kind) && enabled(m))
    .map((m) => ({ m, start: m.start, end: m.end, first: true }))
    .sort((a, b) => a.start - b.start || b.end - a.end || rank(a.m) - rank(b.m));
  const out = [];
  const stack = [];
  let pos = 0;
  const emit = (to) => {
    if (to > pos) {
      out.push(escapeHtml(text.slice(pos, to)));
      pos = to;
    }
  };
  const closeTo = (at) => {
    while (stack.length && stack[stack.length - 1] <= at) {
      emit(stack.pop());
      out.push("</span>");
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const q = queue[i];
    closeTo(q.start);
    emit(q.start);
    let end = q.end;
    const outer = stack[stack.length - 1];
    if (outer !== undefined && outer < end) {
      // Crosses the enclosing mark: draw up to its end now, the rest after it.
      const rest = { m: q.m, start: outer, end, first: false };
      let j = i + 1;
      while (j < queue.length && (queue[j].start < rest.start || (queue[j].start === rest.start && queue[j].end >= rest.end))) j++;
      queue.splice(j, 0, rest);
      end = outer;
    }
    const cls = q.m.classes.map((c) => `hl-${c}`).join(" ");
    const id = q.first && q.m.kind === "item" ? ` id="item-${q.m.id}"` : "";
    out.push(`<span class="hl ${cls}" data-m="${q.m.id}"${id}>`);
    stack.push(end);
  }
  closeTo(Infinity);
  emit(text.length);
  return out.join("");
}

const scalar = (v) => v === null || ["string", "number", "boolean"].includes(typeof v);

/** Title and `[name, value]` rows describing a mark's parsed value (for the hover card). */
export function describe(mark, doc) {
  const e = mark.entity ?? {};
  const name = KINDS[mark.kind]?.label?.replace(/s$/, "") ?? mark.kind;
  const rows = [];
  if (mark.kind === "header") {
    rows.push(["as written", e.text]);
    const parsed = mark.field === "kind" ? doc.kind : mark.field === "title" ? doc.title : doc[mark.field];
    if (parsed !== undefined && parsed !== e.text) rows.push(["parsed", parsed]);
    return { title: `Header · ${mark.field.replace(/_/g, " ")}`, rows };
  }
  if (mark.kind === "label" || mark.kind === "item") {
    rows.push(["label", e.label], ["marker", e.marker]);
    rows.push(["paragraphs", e.paragraphs?.length ?? 0], ["sub-items", e.children?.length ?? 0]);
    if (e.actors?.length) rows.push(["actors", e.actors.map((a) => a.name).join("; ")]);
    return { title: `Item ${e.label}`, rows };
  }
  if (mark.kind === "archive") return { title: "Archive (Lưu)", rows: [["value", e.archive]] };
  const flat = (obj, prefix) => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === "span" || k.endsWith("_span")) continue;
      if (scalar(v)) rows.push([prefix + k, v]);
      else if (Array.isArray(v)) {
        if (v.length && v.every(scalar)) rows.push([prefix + k, v.join(", ")]);
        else if (v.length) rows.push([prefix + k, `${v.length} ×`]);
      } else if (v && typeof v === "object" && !prefix) flat(v, `${k}.`);
    }
  };
  flat(e, "");
  return { title: name.charAt(0).toUpperCase() + name.slice(1), rows };
}
