// The demo page: input (paste, file, drop, samples) -> parse in a Web Worker -> render the
// header card, outline, highlighted text, side panels and the assignments table.
import { collectMarks, countKinds, describe, escapeHtml, KINDS, NOT_INLINE, renderText } from "../../wasm/pkg/web/highlight.js";

const $ = (id) => document.getElementById(id);
const esc = (v) => escapeHtml(String(v ?? ""));
const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

const KIND_NAMES = {
  chi_thi: "Chỉ thị",
  cong_van: "Công văn",
  quyet_dinh: "Quyết định",
  nghi_quyet: "Nghị quyết",
  nghi_dinh: "Nghị định",
  thong_tu: "Thông tư",
  ket_luan: "Kết luận",
  thong_bao: "Thông báo",
  thong_bao_ket_luan: "Thông báo kết luận",
  ke_hoach: "Kế hoạch",
  cong_dien: "Công điện",
  huong_dan: "Hướng dẫn",
  quy_dinh: "Quy định",
  bao_cao: "Báo cáo",
  to_trinh: "Tờ trình",
  chuong_trinh: "Chương trình",
  luat: "Luật",
};
const FAMILY_NAMES = { state: "State · NĐ 30/2020", party: "Party · HD 36" };
const ROLE_NAMES = {
  lead: "chủ trì",
  coordinate: "phối hợp",
  responsible: "chịu trách nhiệm",
  advise: "tham mưu",
  monitor: "theo dõi, đôn đốc",
  subject: "thực hiện",
};
const PURPOSE_NAMES = {
  report: "để báo cáo",
  info: "để biết",
  execute: "để thực hiện",
  coordinate: "để phối hợp",
  direct: "để chỉ đạo",
  monitor: "để theo dõi",
};
/** Layers always listed in the legend, so their arrival is visible. */
const ALWAYS_LISTED = ["label", "paragraph", "header", "date", "citation", "actor"];

const state = {
  ready: false,
  seq: 0,
  want: null,
  busy: false,
  doc: null,
  text: "",
  marks: [],
  itemMark: new Map(),
  hidden: new Set(["item"]),
  renders: 0,
  /** A dropped file the parser refused, shown once the panels are cleared. */
  refusal: null,
};

// ---------------------------------------------------------------------------------------------
// Parsing in a worker: at most one parse in flight; only the newest text is parsed next.

// The package's own worker (vanban/worker): { id, text } or { id, bytes } in, results out.
const worker = new Worker(new URL("../../wasm/pkg/web/worker.js", import.meta.url), { type: "module" });
let debounce = 0;

worker.onmessage = ({ data }) => {
  if (data.type === "ready") {
    state.ready = true;
    $("version").textContent = `vanban ${data.version} · schema ${data.schemaVersion}`;
    document.body.dataset.state = "ready";
    setStatus("Ready.");
    pump();
  } else if (data.type === "fatal") {
    fatal(data.error.message);
  } else {
    state.busy = false;
    const current = state.want === null && data.id === state.seq;
    if (current && data.type === "result") {
      if (data.text !== undefined) {
        // A file's bytes, decoded by the parser: show the text its spans point into.
        input.value = data.text;
        input.scrollTop = 0;
        updateInputMeta(state.pendingName);
      }
      render(data.doc, data.text ?? state.pendingText, data.ms);
    } else if (current && state.pendingName) refuse(state.pendingName, data.error);
    else if (current) setStatus(`Not parsed: ${data.error.message}`, "error");
    pump();
  }
};
worker.onerror = (e) => {
  e.preventDefault?.();
  fatal(e.message || "the worker could not start");
};

function fatal(message) {
  document.body.dataset.state = "error";
  setStatus(
    `Could not load the parser (${message}). Build the package with “bash wasm/build.sh” and serve the repository root.`,
    "error",
  );
}

function request(text, delay, bytes = null, name = null) {
  clearTimeout(debounce);
  const go = () => {
    state.want = bytes ? { id: ++state.seq, bytes, name } : { id: ++state.seq, text };
    pump();
  };
  if (delay > 0) debounce = setTimeout(go, delay);
  else go();
}

function pump() {
  if (!state.ready || state.busy || state.want === null) return;
  const w = state.want;
  state.want = null;
  state.busy = true;
  state.pendingText = w.text;
  state.pendingName = w.name ?? null;
  setStatus("Parsing…");
  worker.postMessage(w.bytes ? { id: w.id, bytes: w.bytes } : { id: w.id, text: w.text });
}

function setStatus(text, kind = "") {
  const el = $("status");
  el.textContent = text;
  el.className = `status ${kind}`;
}

// ---------------------------------------------------------------------------------------------
// Input: typing (debounced), paste, file picker, drag and drop, samples.

const input = $("input");

function setInput(text, source) {
  input.value = text;
  input.scrollTop = 0;
  input.setSelectionRange(0, 0);
  state.resetScroll = true;
  updateInputMeta(source);
  request(text, 0);
}

function updateInputMeta(source) {
  const n = input.value.length;
  const kb = (new Blob([input.value]).size / 1024).toFixed(1);
  $("input-meta").textContent = n ? `${source ? source + " · " : ""}${n.toLocaleString()} characters · ${kb} KB` : "";
}

// Typing is debounced; a paste (or a cut, or a drop of text) is parsed at once.
let immediate = false;
for (const ev of ["paste", "cut", "drop"]) input.addEventListener(ev, () => (immediate = true));
input.addEventListener("input", () => {
  updateInputMeta();
  request(input.value, immediate ? 0 : input.value.length > 20000 ? 300 : 150);
  immediate = false;
});

// A file goes to the parser as bytes: it reads text (UTF-8, UTF-16), web pages and Word files as
// the CLI does (a page is shown as its source, highlighted), and refuses scans (OCR is native
// only), damaged files and binary bytes (the refusal replaces the previous document).
async function openFile(file) {
  if (!file) return;
  state.resetScroll = true;
  request(null, 0, new Uint8Array(await file.arrayBuffer()), file.name);
}

/** A file the parser refused: nothing of the previous document stays on screen. */
function refuse(name, error) {
  input.value = "";
  updateInputMeta();
  state.refusal = { name, message: error.message.replace(/^vanban: /, ""), code: error.code ?? "error" };
  request("", 0); // the empty document clears every panel; render() then shows the refusal
}

function showRefusal() {
  const r = state.refusal;
  state.refusal = null;
  $("text").innerHTML = empty(`${r.name} was not read: ${r.message}`);
  setStatus(`${r.name}: not read (${r.code}). ${r.message}`, "error");
  document.body.dataset.state = "refused";
}

$("file").addEventListener("change", (e) => openFile(e.target.files[0]));

let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes("Files");
window.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  dragDepth++;
  $("drop-overlay").hidden = false;
});
window.addEventListener("dragleave", () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    $("drop-overlay").hidden = true;
  }
});
window.addEventListener("dragover", (e) => {
  if (hasFiles(e)) e.preventDefault();
});
window.addEventListener("drop", (e) => {
  e.preventDefault();
  dragDepth = 0;
  $("drop-overlay").hidden = true;
  openFile(e.dataTransfer?.files?.[0]);
});

for (const b of document.querySelectorAll("[data-sample]")) {
  b.addEventListener("click", () => loadSample(b.dataset.sample));
}
async function loadSample(path) {
  const res = await fetch(path);
  setInput(await res.text(), path.split("/").pop());
}
$("clear").addEventListener("click", () => {
  setInput("", "");
  input.focus();
});

// ---------------------------------------------------------------------------------------------
// Rendering.

function render(doc, text, ms) {
  const t0 = performance.now();
  state.doc = doc;
  state.text = text;
  state.marks = collectMarks(doc);
  state.itemMark = new Map(state.marks.filter((m) => m.kind === "item").map((m) => [m.entity, m.id]));
  renderHeader(doc);
  renderOutline(doc);
  renderLegend();
  renderDocText();
  renderSignature(doc);
  renderRecipients(doc);
  renderCitations(doc);
  renderDiagnostics(doc);
  renderAssignments(doc);
  if ($("json-panel").open) renderJson();
  const drawn = performance.now() - t0;
  const items = state.marks.filter((m) => m.kind === "item").length;
  setStatus(
    text.trim()
      ? `Parsed ${(text.length / 1024).toFixed(1)} K characters in ${ms.toFixed(0)} ms, drawn in ${drawn.toFixed(0)} ms · ${items} items · ${doc.diagnostics.length} diagnostics`
      : "Ready.",
  );
  document.body.dataset.state = "parsed";
  document.body.dataset.renders = String(++state.renders);
  if (state.refusal) showRefusal();
}

const empty = (msg) => `<div class="empty">${esc(msg)}</div>`;

function headerMark(field) {
  return state.marks.find((m) => m.kind === "header" && m.field === field);
}

function renderHeader(doc) {
  const el = $("header-card");
  if (!state.text.trim()) {
    el.innerHTML = empty("Paste a document or pick a sample to see its header.");
    return;
  }
  const h = doc.header;
  const kind = doc.kind ? KIND_NAMES[doc.kind] ?? doc.kind : "Unknown type";
  const badges = [h.urgency, h.secrecy].filter(Boolean).map((f) => `<span class="badge alert">${esc(f.text)}</span>`);
  const field = (name, label, value, sub) => {
    const m = headerMark(name);
    const attrs = m ? ` data-m="${m.id}" class="jump" tabindex="0"` : "";
    return `<div class="hc-field" data-field="${name}"><dt>${esc(label)}</dt><dd${attrs}>${
      value ? esc(value) : '<span class="missing">not found</span>'
    }${sub ? `<small>${esc(sub)}</small>` : ""}</dd></div>`;
  };
  const dateSub = doc.date ? formatDate(doc.date) : h.date?.text;
  el.innerHTML = `
    <div class="hc-top">
      <span class="kind-badge" data-field="kind">${esc(kind)}</span>
      ${h.kind ? `<span class="as-written">${esc(h.kind.text)}</span>` : ""}
      ${h.family ? `<span class="family">${esc(FAMILY_NAMES[h.family] ?? h.family)}</span>` : ""}
      ${badges.join("")}
    </div>
    <h3 class="subject" data-field="title">${doc.title ? esc(doc.title) : '<span class="missing">No subject found</span>'}</h3>
    <dl class="hc-grid">
      ${field("symbol", "Số, ký hiệu", doc.symbol)}
      ${field("date", "Ngày ban hành", doc.date ? dateSub : null, doc.date ?? "")}
      ${field("issuer", "Cơ quan ban hành", doc.issuer, h.parent ? `thuộc ${h.parent.text}` : "")}
      ${field("place", "Địa danh", doc.place)}
    </dl>
    ${
      doc.addressees.length
        ? `<div class="addressees"><span class="lbl">Kính gửi</span>${doc.addressees
            .map((a) => `<span class="chip jump" data-span="${a.span.start}:${a.span.end}">${esc(a.name)}</span>`)
            .join("")}</div>`
        : ""
    }`;
}

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function renderOutline(doc) {
  const count = state.itemMark.size;
  $("outline-count").textContent = count ? String(count) : "";
  if (!doc.items.length) {
    $("outline").innerHTML = empty("No numbered or bulleted items found.");
    return;
  }
  const out = [];
  const walk = (items, depth) => {
    out.push(`<ol class="depth-${Math.min(depth, 4)}">`);
    for (const it of items) {
      const first = it.paragraphs[0]?.text ?? "";
      out.push(
        `<li><button type="button" class="ol-item" data-m="${state.itemMark.get(it)}"><span class="ol-label">${esc(
          it.label,
        )}</span><span class="ol-text">${esc(clip(first, 110))}</span></button>`,
      );
      if (it.children.length) walk(it.children, depth + 1);
      out.push("</li>");
    }
    out.push("</ol>");
  };
  walk(doc.items, 0);
  $("outline").innerHTML = out.join("");
}

function renderLegend() {
  const counts = countKinds(state.marks);
  const kinds = [...new Set([...ALWAYS_LISTED, ...Object.keys(counts)])]
    .filter((k) => k !== "item" && !NOT_INLINE.has(k) && !k.startsWith("header-"))
    .sort((a, b) => (KINDS[a] ? Object.keys(KINDS).indexOf(a) : 99) - (KINDS[b] ? Object.keys(KINDS).indexOf(b) : 99));
  $("legend").innerHTML = kinds
    .map((k) => {
      const n = counts[k] ?? 0;
      const label = KINDS[k]?.label ?? k.charAt(0).toUpperCase() + k.slice(1).replace(/_/g, " ");
      const known = KINDS[k] ? "" : " hl-other";
      return `<button type="button" class="layer hl-${k}${known}${state.hidden.has(k) ? " off" : ""}" data-kind="${k}" ${
        n ? "" : "disabled"
      } aria-pressed="${!state.hidden.has(k)}"><i></i>${esc(label)} <b>${n}</b></button>`;
    })
    .join("");
}

$("legend").addEventListener("click", (e) => {
  const b = e.target.closest(".layer");
  if (!b) return;
  const k = b.dataset.kind;
  if (state.hidden.has(k)) state.hidden.delete(k);
  else state.hidden.add(k);
  renderLegend();
  renderDocText();
});

function renderDocText() {
  const el = $("text");
  if (!state.text) {
    el.innerHTML = empty("The text appears here with its parts highlighted.");
    return;
  }
  // Item wrappers are always drawn (they carry the outline's anchors); hiding "item" only hides
  // their outline box.
  const html = renderText(state.text, state.marks, (m) => m.kind === "item" || !m.classes.some((c) => state.hidden.has(c)));
  el.innerHTML = html;
  if (state.resetScroll) {
    el.scrollTop = 0;
    state.resetScroll = false;
  }
  el.classList.toggle("show-items", !state.hidden.has("item"));
  // Unknown kinds (fields the model gains later) get the generic style.
  for (const k of Object.keys(countKinds(state.marks))) {
    if (!KINDS[k]) for (const n of el.querySelectorAll(`.hl-${CSS.escape(k)}`)) n.classList.add("hl-other");
  }
}

function renderSignature(doc) {
  if (!doc.signatures.length) {
    $("signature").innerHTML = empty("No signature block found.");
    return;
  }
  $("signature").innerHTML = doc.signatures
    .map(
      (s) => `<div class="sig jump" data-span="${s.span.start}:${s.span.end}">
        ${s.authority || s.organ ? `<div class="sig-mark">${esc([s.authority, s.organ?.toUpperCase()].filter(Boolean).join(" "))}</div>` : ""}
        ${s.inner.map((m) => `<div class="sig-mark">${esc([m.authority, m.organ?.toUpperCase()].filter(Boolean).join(" "))}</div>`).join("")}
        ${s.position ? `<div class="sig-pos">${esc(s.position.toUpperCase())}</div>` : ""}
        <div class="sig-name">${s.signer ? esc(s.signer) : '<span class="missing">unsigned</span>'}</div>
      </div>`,
    )
    .join("");
}

function renderRecipients(doc) {
  $("recipients-count").textContent = doc.recipients.length ? String(doc.recipients.length) : "";
  const rows = doc.recipients.map(
    (r) =>
      `<li class="jump" data-span="${r.span.start}:${r.span.end}">${esc(r.name)}${
        r.purpose ? ` <span class="chip small">${esc(PURPOSE_NAMES[r.purpose] ?? r.purpose)}</span>` : ""
      }</li>`,
  );
  const archive = doc.archive ? `<div class="archive"><span class="lbl">Lưu</span> ${esc(doc.archive)}</div>` : "";
  $("recipients").innerHTML = rows.length || archive ? `<ul class="plain">${rows.join("")}</ul>${archive}` : empty("No “Nơi nhận” block found.");
}

function renderCitations(doc) {
  const cites = doc.citations ?? [];
  $("citations-count").textContent = cites.length ? String(cites.length) : "";
  if (!cites.length) {
    $("citations").innerHTML = empty("No citations of other documents found.");
    return;
  }
  $("citations").innerHTML = `<ul class="plain cites">${cites
    .map(
      (c) => `<li class="jump" data-span="${c.span.start}:${c.span.end}">
        <b>${esc(c.kind ? KIND_NAMES[c.kind] ?? c.kind : "")} ${esc(c.symbol ?? "")}</b>
        ${c.date ? `<small>${esc(formatDate(c.date))}</small>` : ""}
        ${c.issuer ? `<small>${esc(c.issuer)}</small>` : ""}
        ${c.mentions?.length > 1 ? `<small>· ${c.mentions.length} mentions</small>` : ""}
        <div class="cite-text">${esc(clip(c.text, 120))}</div></li>`,
    )
    .join("")}</ul>`;
}

function renderDiagnostics(doc) {
  const ds = doc.diagnostics;
  $("diagnostics-count").textContent = ds.length ? String(ds.length) : "";
  if (!ds.length) {
    $("diagnostics").innerHTML = `<div class="empty ok">No problems found.</div>`;
    return;
  }
  $("diagnostics").innerHTML = `<ul class="plain diags">${ds
    .map(
      (d) => `<li class="diag ${d.severity} jump" data-span="${d.span.start}:${d.span.end}">
        <span class="sev">${esc(d.severity)}</span><code>${esc(d.code)}</code><div>${esc(d.message)}</div></li>`,
    )
    .join("")}</ul>`;
}

/** Text of a value that may be a string, a `{ text | name | date }` object or a list. */
function show(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(show).filter(Boolean).join("; ");
  if (typeof v === "object") return show(v.name ?? v.text ?? v.date ?? v.value ?? "");
  return String(v);
}

function renderAssignments(doc) {
  const rows = [];
  let hasField = false;
  const walk = (items) => {
    for (const it of items) {
      if (Array.isArray(it.assignments)) {
        hasField = true;
        for (const a of it.assignments) rows.push({ it, a });
      }
      walk(it.children);
    }
  };
  walk(doc.items);
  let source = "assignments";
  if (!hasField) {
    // Until items[].assignments exists, the actors of each item are the best approximation.
    const walkActors = (items) => {
      for (const it of items) {
        for (const actor of it.actors ?? []) rows.push({ it, a: { actor, role: actor.role, span: actor.span } });
        walkActors(it.children);
      }
    };
    walkActors(doc.items);
    source = "actors";
  }
  $("assignments-count").textContent = rows.length ? String(rows.length) : "";
  if (!rows.length) {
    $("assignments").innerHTML = empty(
      hasField || !state.text.trim()
        ? "No assignments found in this document."
        : "No assignments yet: this version of the parser does not extract who must do what by when (items[].assignments).",
    );
    return;
  }
  const body = rows
    .map(({ it, a }) => {
      const span = a.span ?? it.span;
      const action = a.action ?? a.task ?? (source === "actors" ? it.paragraphs[0]?.text : a.text);
      // One actor (`actor`) or several (`actors`), each with its own role when it has one.
      const actors = [a.actor ?? a.actors ?? a.who].flat().filter((x) => x !== null && x !== undefined);
      const who = actors.map((x) => `<div>${esc(show(x))}</div>`).join("");
      const roles = actors
        .map((x) => show(x?.role ?? (actors.length === 1 ? a.role : null)))
        .map((r) => `<div>${r ? `<span class="chip small">${esc(ROLE_NAMES[r] ?? r)}</span>` : "&nbsp;"}</div>`)
        .join("");
      const deadline = [show(a.deadline_text), a.deadline ? formatDate(show(a.deadline)) : ""].filter(Boolean);
      const notes = Object.entries(a)
        .filter(([k, v]) => !ASSIGNMENT_SHOWN.has(k) && !k.endsWith("_span") && v !== null && show(v) !== "" && typeof v !== "boolean")
        .map(([k, v]) => `<small class="note">${esc(k.replace(/_/g, " "))}: ${esc(show(v))}</small>`)
        .join("");
      return `<tr class="jump" data-span="${span.start}:${span.end}">
        <td class="lbl-cell">${esc(it.label)}</td>
        <td>${who}</td>
        <td>${roles}</td>
        <td>${esc(clip(show(action), 160))}${notes}</td>
        <td>${esc(deadline.length === 2 && deadline[0].includes(deadline[1]) ? deadline[0] : deadline.join(" · "))}</td></tr>`;
    })
    .join("");
  $("assignments").innerHTML = `<table class="assign"><thead><tr><th>Item</th><th>Actor</th><th>Role</th><th>Action</th><th>Deadline</th></tr></thead><tbody>${body}</tbody></table>${
    source === "actors" ? `<p class="hint">From the actors named by each item.</p>` : ""
  }`;
}

/** Assignment fields with their own column; any other field is shown as a note under the action. */
const ASSIGNMENT_SHOWN = new Set(["action", "task", "text", "actor", "actors", "who", "role", "deadline", "deadline_text", "due", "span"]);

function renderJson() {
  $("json").textContent = state.doc ? JSON.stringify(state.doc, null, 2) : "";
}
$("json-panel").addEventListener("toggle", () => {
  if ($("json-panel").open) renderJson();
});
$("copy-json").addEventListener("click", async () => {
  await navigator.clipboard?.writeText(JSON.stringify(state.doc, null, 2));
  setStatus("JSON copied.");
});

// ---------------------------------------------------------------------------------------------
// Navigation: outline, header fields, panels -> the text; hover cards over highlights.

function flash(el) {
  el.classList.remove("flash");
  void el.offsetWidth;
  el.classList.add("flash");
}

/** Scrolls the text box (not the page, unless the box is out of view) to show `el`. */
function reveal(el) {
  const box = $("text");
  box.scrollIntoView({ block: "nearest" });
  const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTo({ top: box.scrollTop + top - box.clientHeight / 3, behavior: "smooth" });
}

function jumpToMark(id) {
  const el = $("text").querySelector(`[data-m="${id}"]`);
  if (!el) return;
  reveal(el);
  flash(el);
}

/** Scrolls to the innermost highlight covering a span, or selects the span's text. */
function jumpToSpan(start, end) {
  const m = state.marks.find((x) => x.start === start && x.end === end && !NOT_INLINE.has(x.kind));
  if (m && $("text").querySelector(`[data-m="${m.id}"]`)) return jumpToMark(m.id);
  // No element for it: put a temporary selection on the range.
  const range = rangeAt(start, end);
  if (!range) return;
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  if (range.startContainer.parentElement) reveal(range.startContainer.parentElement);
}

function rangeAt(start, end) {
  const walker = document.createTreeWalker($("text"), NodeFilter.SHOW_TEXT);
  let pos = 0;
  const range = document.createRange();
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!started && start <= pos + len) {
      range.setStart(n, start - pos);
      started = true;
    }
    if (started && end <= pos + len) {
      range.setEnd(n, end - pos);
      return range;
    }
    pos += len;
  }
  return null;
}

document.addEventListener("click", (e) => {
  const ol = e.target.closest(".ol-item");
  if (ol) {
    for (const a of document.querySelectorAll(".ol-item.active")) a.classList.remove("active");
    ol.classList.add("active");
    return jumpToMark(ol.dataset.m);
  }
  const j = e.target.closest(".jump");
  if (!j) return;
  if (j.dataset.m) return jumpToMark(j.dataset.m);
  if (j.dataset.span) {
    const [s, t] = j.dataset.span.split(":").map(Number);
    jumpToSpan(s, t);
  }
});

const tooltip = $("tooltip");
$("text").addEventListener("mouseover", (e) => {
  const el = e.target.closest(".hl:not(.hl-item)");
  if (!el || !state.doc) {
    tooltip.hidden = true;
    return;
  }
  const mark = state.marks[Number(el.dataset.m)];
  const { title, rows } = describe(mark, state.doc);
  const outer = [];
  for (let p = el.parentElement?.closest(".hl"); p; p = p.parentElement?.closest(".hl")) {
    const m = state.marks[Number(p.dataset.m)];
    if (m.kind === "item") {
      outer.push(`in item ${m.entity.label}`);
      break;
    }
  }
  tooltip.innerHTML = `<div class="tt-title"><i class="sw hl-${mark.kind}"></i>${esc(title)}</div>${
    rows.length
      ? `<table>${rows
          .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v === null ? '<span class="missing">null</span>' : esc(clip(String(v), 200))}</td></tr>`)
          .join("")}</table>`
      : ""
  }${outer.length ? `<div class="tt-foot">${esc(outer.join(" · "))} · chars ${mark.start}–${mark.end}</div>` : `<div class="tt-foot">chars ${mark.start}–${mark.end}</div>`}`;
  tooltip.hidden = false;
});
$("text").addEventListener("mousemove", (e) => {
  if (tooltip.hidden) return;
  const pad = 14;
  const w = tooltip.offsetWidth;
  const h = tooltip.offsetHeight;
  let x = e.clientX + pad;
  let y = e.clientY + pad;
  if (x + w > innerWidth - 8) x = e.clientX - w - pad;
  if (y + h > innerHeight - 8) y = e.clientY - h - pad;
  tooltip.style.transform = `translate(${Math.max(4, x)}px, ${Math.max(4, y)}px)`;
});
$("text").addEventListener("mouseleave", () => {
  tooltip.hidden = true;
});

// ---------------------------------------------------------------------------------------------
// Start with a sample, unless the URL asks for an empty page (?empty).

if (!new URLSearchParams(location.search).has("empty")) loadSample("samples/chi-thi-15-ct-tu.txt");
else request("", 0);
