//! The pipeline: normalise → lines → segment (noise | header | body | tail | attachments) →
//! header, body tree, tail → document with diagnostics. Total: every input yields a document.

use crate::body::{self, Para};
use crate::diagnostics::{Code, Sink};
use crate::header;
use crate::lines::{self, Line, LineKind};
use crate::model::{Attachment, Document, Field, Footnote, Noise, NoiseKind, Paragraph, Span};
use crate::normalize::{normalize, Normalized};
use crate::tail;
use crate::text::is_caps;

/// Shared state of one parse: the normalised text, its offset map and the diagnostics.
pub struct Ctx<'a> {
    /// The normalised text all stages read.
    pub text: &'a str,
    pub norm: &'a Normalized,
    pub sink: Sink,
}

impl<'a> Ctx<'a> {
    /// Input span of a normalised range.
    pub fn span(&self, s: usize, e: usize) -> Span {
        self.norm.span(s, e)
    }
    pub fn field(&self, s: usize, e: usize) -> Field {
        Field {
            text: crate::text::squash_spaces(&self.text[s..e]),
            span: self.span(s, e),
        }
    }
    /// A model paragraph from a built one, skipping `skip` bytes (the label) of its first line.
    pub fn paragraph(&self, p: &Para, skip: usize) -> Paragraph {
        let s = (p.start() + skip).min(p.ranges[0].1);
        let text = p.text(self.text, skip);
        // Start the span at the text (after the label's spaces).
        let first = &self.text[s..p.ranges[0].1];
        let s = s + (first.len() - first.trim_start().len());
        Paragraph {
            text,
            span: self.span(s, p.end().max(s)),
        }
    }
    pub fn diag(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        self.sink.push(code, span, msg);
    }
}

/// Front matter: `---` first, key/value lines, `---`.
fn front_matter(lines: &[Line], norm: &str) -> Option<usize> {
    let first = lines.iter().position(|l| !l.is_blank())?;
    if lines[first].text(norm) != "---" {
        return None;
    }
    let close = (first + 1..lines.len().min(first + 80)).find(|&j| lines[j].text(norm) == "---")?;
    let kv = lines[first + 1..close]
        .iter()
        .filter(|l| l.text(norm).contains(':'))
        .count();
    (kv * 2 >= close - first - 1).then_some(close + 1)
}

/// How many text lines after a national line a header field is looked for.
const NATIONAL_CONFIRM_LINES: usize = 8;

/// Whether a header field (a `Số` line, a date line, a type line) stands on one of the next text
/// lines from `i`, before another national line.
fn confirmed_national(lines: &[Line], norm: &str, i: usize, to: usize) -> bool {
    lines[i.min(to)..to]
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .take(NATIONAL_CONFIRM_LINES)
        .map(|l| (l.text(norm), l.folded.as_str()))
        // Another national line further on is the better candidate.
        .take_while(|&(t, f)| header::national_line(t, f).is_none())
        .any(|(t, f)| {
            header::symbol_in_line(t, f).is_some()
                || header::date_phrase(f).is_some_and(|d| {
                    // The date line of a header ends with its date (`Hà Nội, ngày ... năm 2014`).
                    f[d.end..].bytes().all(|b| !b.is_ascii_alphanumeric())
                })
                || header::type_line(t, f).is_some() && is_caps(t)
        })
}

/// A type line whose type name is in capitals (`CHỈ THỊ`, `CHỈ THỊ CỦA BAN THƯỜNG VỤ TỈNH ỦY Về
/// việc ...` when a wrap joined the subject to it), not a sentence that opens with the name.
fn caps_type_line(l: &Line, norm: &str) -> bool {
    let (t, f) = (l.text(norm), l.folded.as_str());
    header::type_line(t, f).is_some_and(|(_, name_len)| {
        let fv = l.folded_view(norm);
        let name = &t[..fv.src(name_len).min(t.len())];
        is_caps(t) || is_caps(name) && crate::text::letter_count(name) >= 4
    })
}

/// A header's `Số` line: the number alone, or with the place and date written out (`Số:
/// 15/CT-TTg  Hà Nội, ngày 10 tháng 3 năm 2020`), not a sentence that a wrap put `số 16495/BTC
/// ngày 22/10/2025, ...` at a line start.
fn symbol_anchor(t: &str, f: &str) -> bool {
    // `Số` is written with its capital (NĐ 30/2020 Phụ lục I); a wrapped sentence's `số` is not.
    if t.trim_start_matches(['*', '_', ' ', '|']).starts_with('s') {
        return false;
    }
    let Some((_, e)) = header::symbol_in_line(t, f) else {
        return false;
    };
    let rest = crate::text::fold(&t[e..]);
    let rest = rest.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    rest.len() <= SYMBOL_LINE_REST || header::date_phrase(rest).is_some()
}

/// The most text a `Số` line holds after its symbol besides a date (a code, a mark).
const SYMBOL_LINE_REST: usize = 12;

/// Index of the first line of the document proper (after front matter and leading site text).
fn document_start(ctx: &Ctx, lines: &[Line], from: usize, to: usize) -> usize {
    let norm = ctx.text;
    let mut national = None;
    let mut symbol = None;
    let mut typel = None;
    let mut kinh_gui = None;
    let mut first_national = None;
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        if l.kind != LineKind::Text {
            continue;
        }
        let f = l.folded.as_str();
        let t = l.text(norm);
        if header::national_line(t, f).is_some() {
            // A national line that a header field follows (the number, the date, the type
            // line) is the header's; one quoted in a site's summary is not: the first
            // confirmed one wins, the first of all where none is.
            if confirmed_national(lines, norm, i + 1, to) {
                national = Some(i);
                break;
            }
            first_national.get_or_insert(i);
            continue;
        }
        if symbol.is_none() && symbol_anchor(t, f) {
            symbol = Some(i);
        }
        if typel.is_none() && caps_type_line(l, norm) {
            typel = Some(i);
        }
        if kinh_gui.is_none() && crate::keywords::starts(f, crate::keywords::KINH_GUI) {
            kinh_gui = Some(i);
        }
        if symbol.is_some() && typel.is_some() {
            break;
        }
    }
    let national = national.or(first_national);
    let anchor = match (national, symbol) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => match (typel, kinh_gui) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => {
                // No anchor: the first text line that is not site text.
                return (from..to)
                    .find(|&i| {
                        lines[i].kind == LineKind::Text && !lines::is_weak_chrome(&lines[i].folded)
                    })
                    .unwrap_or(from);
            }
        },
    };
    // Walk back over the issuing body's caps lines above the anchor.
    let mut start = anchor;
    let mut caps_seen = 0;
    let mut k = anchor;
    while k > from && anchor - k < 10 {
        k -= 1;
        let l = &lines[k];
        match l.kind {
            LineKind::Blank | LineKind::Decoration => continue,
            LineKind::Text => {
                let t = l.text(norm);
                if is_caps(t) && l.chars <= 90 && caps_seen < 5 && !lines::is_weak_chrome(&l.folded)
                {
                    caps_seen += 1;
                    start = k;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    start
}

/// `Ý KIẾN CHỈ ĐẠO CỦA ĐỒNG CHÍ BÍ THƯ TỈNH ỦY về ...`: where no header names the issuer, the
/// body the title names after `của` (up to `về`, `tại`).
fn issuer_in_title(title: &Field) -> Option<Field> {
    let fv = crate::text::Folded::new(&title.text);
    let k = fv.text.find(" cua ")? + 5;
    let rest = &fv.text[k..];
    let e = [" ve ", " tai ", " trong ", " nam "]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
        .unwrap_or(rest.len());
    let name = title.text[fv.src(k)..fv.src(k + e)].trim();
    // A body, not a document (`... một số điều của Nghị định số 108/2015/NĐ-CP`).
    let cites = name.bytes().any(|b| b.is_ascii_digit())
        || crate::tables::kind_of_name_prefix(&rest[..e]).is_some();
    (!cites && crate::text::letter_count(name) >= 4 && name.split_whitespace().count() <= 8).then(
        || Field {
            text: crate::text::sentence_case(name),
            span: title.span,
        },
    )
}

/// Parses a normalised input into a document.
pub fn run(input: &str) -> Document {
    let mut doc = Document::empty(input.len());
    let norm = normalize(input);
    let text = norm.text.as_str();
    let mut ctx = Ctx {
        text,
        norm: &norm,
        sink: Sink::default(),
    };
    if norm.stats.not_nfc {
        ctx.diag(
            Code::MixedNormalization,
            Span::new(0, input.len()),
            "the input is not in Unicode NFC; it was read as NFC",
        );
    }
    if let Some(at) = norm.stats.first_control {
        ctx.diag(
            Code::ControlCharacters,
            // A C1 control takes two bytes: the span covers the whole char.
            Span::new(
                at,
                at + input[at..].chars().next().map_or(0, char::len_utf8),
            ),
            format!(
                "{} control character(s) were ignored",
                norm.stats.control_chars
            ),
        );
    }
    if let Some(at) = norm.stats.first_replacement {
        ctx.diag(
            Code::ReplacementCharacters,
            Span::new(at, at + 3),
            format!(
                "{} U+FFFD replacement character(s): the text was mis-decoded upstream",
                norm.stats.replacement_chars
            ),
        );
    }
    let lines = lines::split(text);
    if lines.iter().all(|l| l.kind == LineKind::Blank) {
        ctx.diag(
            Code::EmptyInput,
            Span::new(0, input.len()),
            "the input holds no text",
        );
        doc.diagnostics = ctx.sink.finish();
        return doc;
    }
    if crate::mojibake::looks_legacy(text) {
        ctx.diag(
            Code::LegacyEncoding,
            Span::new(0, input.len()),
            "the text looks like TCVN3/VNI font mojibake",
        );
    }
    let n = lines.len();
    let mut noise: Vec<Noise> = Vec::new();
    let mut from = 0;
    if let Some(fm_end) = front_matter(&lines, text) {
        let s = lines[0].raw_start;
        let e = lines[fm_end - 1].end;
        noise.push(Noise {
            kind: NoiseKind::FrontMatter,
            span: ctx.span(s, e),
        });
        from = fm_end;
    }
    // The document ends before the first strong site-text line that follows real content.
    let start = document_start(&ctx, &lines, from, n);
    if let Some(first_text) = (from..start).find(|&i| !lines[i].is_blank()) {
        let last = (from..start)
            .rev()
            .find(|&i| !lines[i].is_blank())
            .unwrap_or(first_text);
        let sp = ctx.span(lines[first_text].start, lines[last].end);
        noise.push(Noise {
            kind: NoiseKind::Leading,
            span: sp,
        });
        ctx.diag(
            Code::LeadingNoise,
            sp,
            "text before the document was kept apart as noise",
        );
    }
    let doc_end = (start..n)
        .find(|&i| lines[i].kind == LineKind::Chrome)
        .unwrap_or(n);

    // Header.
    let h = header::read(&ctx, &lines, start, doc_end);
    let mut body_start = h.end;

    // Addressees right after the header: `Kính gửi:`, a công điện's `THỦ TƯỚNG CHÍNH PHỦ điện:`,
    // then possibly `Đồng kính gửi:`.
    let mut addressees = Vec::new();
    while let Some(k) = (body_start..doc_end).find(|&i| !lines[i].is_void()) {
        if !body::opens_addressees(&lines[k].folded, addressees.is_empty()) {
            break;
        }
        let a = body::addressees(&ctx, &lines, k, doc_end);
        addressees.extend(a.addressees);
        if let Some((s, e)) = a.before_opener.filter(|(s, e)| e > s) {
            noise.push(Noise {
                kind: NoiseKind::Stamp,
                span: ctx.span(s, e),
            });
        }
        body_start = a.next.max(k + 1);
    }

    // Tail.
    let tail_start = (body_start..doc_end)
        .find(|&i| tail::opens_tail(&ctx, &lines, i, doc_end))
        .unwrap_or(doc_end);
    let tail = tail::read(&ctx, &lines, tail_start, doc_end);
    let (tail_start, tail_end) = if tail_start < doc_end {
        (tail_start, tail.end)
    } else {
        // No tail: a web copy's text may still end at its end mark, the site's furniture
        // after it.
        let k = article_end(&lines, text, body_start, doc_end);
        (k, k)
    };

    // Body.
    let lay = body::layout(&lines, body_start, tail_start);
    let paras = body::paragraphs(&ctx, &lines, body_start, tail_start, lay);
    let b = body::build(&mut ctx, &paras);

    // After the tail: attachments, then site text.
    let mut attachments = Vec::new();
    let mut footnotes = Vec::new();
    let mut i = tail_end;
    while i < n {
        let Some(k) = (i..n).find(|&j| !lines[j].is_void() || lines[j].kind == LineKind::Chrome)
        else {
            break;
        };
        let l = &lines[k];
        // Footnotes (`[1] Công văn số ...`), each over the lines up to the next label, a blank
        // line or the end of a sentence.
        if tail::footnote_label(l.text(text)).is_some() {
            i = read_footnotes(&ctx, &lines, k, &mut footnotes);
            continue;
        }
        // Site text from here on, or text that site chrome follows closely (the site's, not an
        // attachment): trailing noise to the end.
        let chrome_here = l.kind == LineKind::Chrome || lines::is_weak_chrome(&l.folded);
        let chrome_soon = (k + 1..n)
            .filter(|&j| !lines[j].is_void() || lines[j].kind == LineKind::Chrome)
            .take(3)
            .any(|j| lines[j].kind == LineKind::Chrome || lines::is_weak_chrome(&lines[j].folded));
        if chrome_here || chrome_soon && !tail::attachment_start(l.text(text), &l.folded) {
            let last = (k..n).rev().find(|&j| !lines[j].is_blank()).unwrap_or(k);
            let sp = ctx.span(l.start, lines[last].end);
            noise.push(Noise {
                kind: NoiseKind::Trailing,
                span: sp,
            });
            ctx.diag(
                Code::TrailingNoise,
                sp,
                "text after the document was kept apart as noise",
            );
            break;
        }
        // An attachment runs to the next site-text line.
        let end = (k + 1..n)
            .find(|&j| {
                lines[j].kind == LineKind::Chrome
                    || lines[j].kind == LineKind::Text && lines::is_weak_chrome(&lines[j].folded)
            })
            .unwrap_or(n);
        let lay = body::layout(&lines, k, end);
        let aparas = body::paragraphs(&ctx, &lines, k, end, lay);
        if !aparas.is_empty() {
            let title = aparas[0].text(text, 0);
            let sp = ctx.span(aparas[0].start(), aparas.last().map_or(0, Para::end));
            if !tail::attachment_start(lines[k].text(text), &lines[k].folded) {
                ctx.diag(
                    Code::TextAfterSignature,
                    sp,
                    "text follows the signature; it was kept apart as an attachment",
                );
            }
            attachments.push(Attachment {
                title,
                paragraphs: aparas.iter().map(|p| ctx.paragraph(p, 0)).collect(),
                span: sp,
            });
        }
        i = end;
    }

    // Noise lines inside the document.
    for l in &lines[start..tail_end.min(n)] {
        let kind = match l.kind {
            LineKind::PageBreak => NoiseKind::PageBreak,
            LineKind::Watermark => NoiseKind::Stamp,
            LineKind::Decoration => NoiseKind::Decoration,
            LineKind::Stamp => NoiseKind::Stamp,
            LineKind::Chrome => NoiseKind::Trailing,
            _ => continue,
        };
        noise.push(Noise {
            kind,
            span: ctx.span(l.start, l.end),
        });
    }
    noise.sort_by_key(|x| (x.span.start, x.span.end));

    // Fields.
    let issuer = h
        .organs
        .last()
        .cloned()
        .or_else(|| h.title_issuer.clone())
        .or_else(|| h.title.as_ref().and_then(issuer_in_title));
    // No issuer in the header: a block signed `TM.` (on behalf of a collective body, NĐ 30/2020
    // Phụ lục I, HD 36) names it.
    let signed_for = if issuer.is_none() {
        tail.signatures.iter().find_map(|s| {
            let organ = s.organ.as_ref()?;
            matches!(s.authority.as_deref(), Some("TM." | "T/M")).then(|| Field {
                text: organ.clone(),
                span: s.span,
            })
        })
    } else {
        None
    };
    if let Some(f) = &signed_for {
        ctx.diag(
            Code::FieldFromSearch,
            f.span,
            "the header names no issuer; it was read from the body the document is signed for (TM.)",
        );
    }
    let issuer = issuer.or(signed_for);
    let parent = if h.organs.len() >= 2 {
        h.organs.get(h.organs.len() - 2).cloned()
    } else {
        None
    };
    let symbol_text = h
        .symbol
        .as_ref()
        .map(|s| s.text.split_whitespace().collect::<String>());
    let mut kind = h.kind.map(str::to_string);
    let code_kind = symbol_text
        .as_deref()
        .and_then(crate::symbols::kind_of_symbol);
    if kind.is_none() {
        kind = code_kind.clone();
    }
    if let (Some(k), Some(c)) = (&kind, &code_kind) {
        if k != c && !(k == "quy_dinh" && c == "quyet_dinh") && k != "cong_van" {
            if let Some(sf) = &h.symbol {
                ctx.diag(
                    Code::KindMismatch,
                    sf.span,
                    format!("the type line says {k} but the symbol's type code says {c}"),
                );
            }
        }
    }
    let hdr_span = Span::empty(
        lines
            .get(start)
            .map_or(0, |l| ctx.span(l.start, l.start).start),
    );
    if h.symbol.is_none() && h.national.is_none() && issuer.is_none() {
        ctx.diag(
            Code::NoHeader,
            hdr_span,
            "no header (issuing body, number, place and date) was found",
        );
    } else if h.symbol.is_none() {
        ctx.diag(
            Code::NoSymbol,
            hdr_span,
            "no number and symbol (Số ...) was found",
        );
    }
    if let Some(sf) = &h.symbol {
        if sf.text.starts_with('/') {
            ctx.diag(Code::BlankNumber, sf.span, "the number is left blank");
        }
    }
    if h.date_blank {
        if let Some(d) = &h.date {
            ctx.diag(Code::BlankDate, d.span, "the date of issue is left blank");
        }
    } else if h.date_invalid {
        if let Some(d) = &h.date {
            ctx.diag(
                Code::InvalidDate,
                d.span,
                "the date of issue is not a calendar date",
            );
        }
    } else if h.date.is_none() {
        ctx.diag(Code::NoDate, hdr_span, "no date of issue was found");
    }
    // Header fields a plain search supplied where the layout gave none.
    let searched = [
        (h.date_searched, &h.date, "the date of issue was not where the header puts it; it was read from the first date line"),
        (h.symbol_searched, &h.symbol, "the number was not where the header puts it; it was read from the first `Số:` on the first lines"),
        (h.kind_searched, &h.kind_line, "the type line was not where the header puts it; it was read from the first type line on the first lines"),
    ];
    for (flag, field, message) in searched {
        if let Some(f) = field.as_ref().filter(|_| flag) {
            ctx.diag(Code::FieldFromSearch, f.span, message);
        }
    }
    if kind.is_none() {
        ctx.diag(
            Code::UnknownKind,
            hdr_span,
            "the document type could not be read",
        );
    }
    if h.title.is_none() {
        ctx.diag(Code::NoTitle, hdr_span, "no subject (trích yếu) was found");
    }
    if b.items.is_empty() && b.preamble.is_empty() && b.closing.is_empty() {
        ctx.diag(Code::NoBody, hdr_span, "no body text was found");
    }
    let end_span = Span::empty(input.len());
    if tail.signatures.is_empty() {
        ctx.diag(Code::NoSignature, end_span, "no signature block was found");
    }
    for s in &tail.signatures {
        if s.signer.is_none() {
            ctx.diag(
                Code::UnsignedBlock,
                s.span,
                "the signature block has no signer's name",
            );
        }
    }
    if tail.recipients.is_empty() {
        ctx.diag(Code::NoRecipients, end_span, "no Nơi nhận block was found");
    }
    for st in &tail.stamps {
        noise.push(Noise {
            kind: NoiseKind::Stamp,
            span: *st,
        });
    }

    doc.kind = kind;
    doc.issuer = issuer.as_ref().map(|f| f.text.clone());
    doc.symbol = symbol_text;
    doc.date = h.date_iso.clone();
    doc.place = h.place.as_ref().map(|f| f.text.clone());
    doc.title = h.title.as_ref().map(|f| f.text.clone());
    doc.addressees = addressees;
    doc.basis = b.basis;
    doc.preamble = b.preamble;
    doc.items = b.items;
    doc.closing = b.closing;
    doc.recipients = tail.recipients;
    doc.archive = tail
        .archive
        .as_ref()
        .map(|a| a.0.clone())
        .filter(|a| !a.is_empty());
    doc.archive_span = tail.archive.as_ref().map(|a| a.1);
    doc.signatures = tail.signatures;
    doc.attachments = attachments;
    doc.footnotes = footnotes;
    doc.header.family = h
        .family
        .or_else(|| doc.symbol.as_deref().map(crate::symbols::family_of_symbol));
    doc.header.national_line = h.national;
    doc.header.parent = parent;
    doc.header.issuer = issuer;
    doc.header.symbol = h.symbol;
    doc.header.date = h.date;
    doc.header.place = h.place;
    doc.header.kind = h.kind_line;
    doc.header.title = h.title;
    doc.header.urgency = h.urgency;
    doc.header.secrecy = h.secrecy;
    noise.sort_by_key(|x| (x.span.start, x.span.end));
    doc.noise = noise;
    // The lines and the normalised text are not read again: freed before the entities are
    // found, the largest stage's memory does not stack on theirs.
    let sink = std::mem::take(&mut ctx.sink);
    drop(lines);
    drop(norm);
    crate::entities::annotate(&mut doc, input);
    doc.diagnostics = sink.finish();
    doc
}

/// The most text lines a web page puts between a text's end and its furniture (a byline, an
/// image caption, a tag line).
const ARTICLE_CLOSERS: usize = 3;

/// Where a web copy's text ends when no tail came before line `end`: after the line that closes
/// it with `./.` (NĐ 30/2020 Phụ lục I, HD 36: the text's end mark) when the site's furniture
/// (weak chrome: `Văn bản mới`) follows within [`ARTICLE_CLOSERS`] lines; `end` otherwise.
fn article_end(lines: &[Line], text: &str, from: usize, end: usize) -> usize {
    let furniture =
        |j: usize| lines[j].kind == LineKind::Chrome || lines::is_weak_chrome(&lines[j].folded);
    (from..end)
        .filter(|&j| lines[j].kind == LineKind::Text && lines[j].text(text).ends_with("./."))
        .find(|&j| {
            (j + 1..lines.len())
                .filter(|&k| !lines[k].is_void() || lines[k].kind == LineKind::Chrome)
                .take(ARTICLE_CLOSERS + 1)
                .any(furniture)
        })
        .map_or(end, |j| j + 1)
}

/// Reads the footnotes that start at line `k` (see [`tail::footnote_label`]); returns the line
/// after them. A footnote goes on over the lines that follow it without a blank line, up to the
/// next label, site text, or a line that ends a sentence.
fn read_footnotes(ctx: &Ctx, lines: &[Line], mut k: usize, out: &mut Vec<Footnote>) -> usize {
    let text = ctx.text;
    let n = lines.len();
    while k < n {
        let Some((label, len)) = tail::footnote_label(lines[k].text(text)) else {
            break;
        };
        let mut last = k;
        while last + 1 < n {
            let prev = lines[last].text(text).trim_end();
            let next = &lines[last + 1];
            if next.kind != LineKind::Text
                || prev.ends_with(['.', '!', '?'])
                || tail::footnote_label(next.text(text)).is_some()
                || lines::is_weak_chrome(&next.folded)
            {
                break;
            }
            last += 1;
        }
        let body: Vec<&str> = (k..=last)
            .map(|j| {
                let t = lines[j].text(text);
                if j == k {
                    &t[len..]
                } else {
                    t
                }
            })
            .collect();
        out.push(Footnote {
            label: label.to_string(),
            text: crate::text::squash_spaces(&body.join(" ")),
            span: ctx.span(lines[k].start, lines[last].end),
        });
        // The next footnote may follow after blank lines.
        k = last + 1;
        let next = (k..n).find(|&j| !lines[j].is_blank()).unwrap_or(n);
        if next < n && tail::footnote_label(lines[next].text(text)).is_some() {
            k = next;
        }
    }
    k
}
