//! Stage 4: the body. Lines become paragraphs (hard wraps and page breaks joined), paragraphs
//! become addressees, basis, preamble, items (a tree inferred from marker families and order)
//! and closing.

use crate::diagnostics::Code;
use crate::lines::{Line, LineKind};
use crate::model::{Addressee, Item, MarkerKind, Paragraph};
use crate::patterns::{marker, Marker};
use crate::pipeline::Ctx;
use crate::text::{fold, is_caps, squash_spaces};
use std::cell::OnceCell;

/// How the body's lines are laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Paragraphs are separated by blank lines.
    pub blank_separated: bool,
    /// Lines are hard-wrapped at about `width` chars.
    pub wrapped: bool,
    pub width: usize,
}

// The layout is read from the document's own line widths. The shares below are not fitted:
// on the 83 corpus documents each can move over a wide range without a change (measured
// 2026-12-03: the width percentile 80–95, the band 60–85 % / 100–120 % of it, the wrapped share
// 20–55 %, the blank-separated share 10–22 %, first change at 30 %).
/// The percentile of the line lengths taken as the document's width.
const WIDTH_PERCENTILE: usize = 90;
/// The band around the width (percent) a wrapped line's length falls in.
const NEAR_WIDTH: (usize, usize) = (72, 106);
/// The share of lines in that band (percent) that says the text is hard-wrapped.
const WRAPPED_SHARE: usize = 35;
/// The share of text lines after a blank line (percent) that says paragraphs are
/// blank-separated.
const BLANK_SEPARATED_SHARE: usize = 22;

/// Measures the layout of lines `from..to`.
pub fn layout(lines: &[Line], from: usize, to: usize) -> Layout {
    let mut lens: Vec<usize> = Vec::new();
    let mut blanks_between = 0usize;
    let mut prev_text = false;
    let mut gap = false;
    for l in &lines[from..to] {
        match l.kind {
            LineKind::Text => {
                lens.push(l.chars);
                if prev_text && gap {
                    blanks_between += 1;
                }
                prev_text = true;
                gap = false;
            }
            LineKind::Blank => gap = true,
            _ => {}
        }
    }
    if lens.is_empty() {
        return Layout {
            blank_separated: true,
            wrapped: false,
            width: 80,
        };
    }
    let mut sorted = lens.clone();
    sorted.sort_unstable();
    let width = sorted[(sorted.len() * WIDTH_PERCENTILE / 100).min(sorted.len() - 1)].max(1);
    let (lo, hi) = NEAR_WIDTH;
    let near = lens
        .iter()
        .filter(|&&n| n * 100 >= width * lo && n * 100 <= width * hi)
        .count();
    let wrapped = (40..=160).contains(&width) && near * 100 >= lens.len() * WRAPPED_SHARE;
    Layout {
        blank_separated: blanks_between * 100 >= lens.len() * BLANK_SEPARATED_SHARE,
        wrapped,
        width,
    }
}

/// A paragraph under construction: its lines' normalised ranges.
#[derive(Debug, Clone)]
pub struct Para {
    pub ranges: Vec<(usize, usize)>,
    pub first_line: usize,
    pub last_line: usize,
    pub marker: Option<Marker>,
}

impl Para {
    pub fn start(&self) -> usize {
        self.ranges[0].0
    }
    pub fn end(&self) -> usize {
        self.ranges.last().map_or(0, |r| r.1)
    }
    /// Joined text (wraps joined with one space), from `skip` bytes into the first line.
    pub fn text(&self, norm: &str, skip: usize) -> String {
        let len: usize = self
            .ranges
            .iter()
            .map(|(s, e)| e.saturating_sub(*s) + 1)
            .sum();
        let mut out = String::with_capacity(len);
        for (k, (s, e)) in self.ranges.iter().enumerate() {
            let s = if k == 0 { (*s + skip).min(*e) } else { *s };
            let piece = norm[s..*e].trim();
            if piece.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
        }
        crate::text::squashed(out)
    }
    pub fn first_text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.ranges[0].0..self.ranges[0].1]
    }
    pub fn last_text<'a>(&self, norm: &'a str) -> &'a str {
        let r = self.ranges.last().expect("non-empty paragraph");
        &norm[r.0..r.1]
    }
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['*', ' ', '_']);
    t.ends_with(['.', ':', ';', '!', '?', '…'])
        || t.ends_with("./.")
        || t.ends_with(".\"")
        || t.ends_with(".”")
}

/// A line cut inside a hyphenated word (`COVID-` / `19 của ...`): the next line goes on with it.
fn wraps_in_word(t: &str) -> bool {
    let mut cs = t.trim_end().chars().rev();
    cs.next() == Some('-') && cs.next().is_some_and(char::is_alphanumeric)
}

fn starts_lower(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Lines that always open a paragraph.
fn opens_block(f: &str) -> bool {
    crate::keywords::addressee_opener(f).is_some()
        || f.starts_with("can cu ")
        || crate::tail::is_noi_nhan(f)
}

/// Whether a marker at the start of `next` opens an item after `prev` (the previous line;
/// `prev_caps` says whether it [`is_caps`]).
fn marker_opens(m: &Marker, prev: &str, prev_caps: impl FnOnce() -> bool, gap: bool) -> bool {
    if gap || ends_sentence(prev) || prev_caps() {
        return true;
    }
    // A bare marker line before (`I.` alone) was merged already; after a heading without a
    // final stop, a numbered marker still opens (`1. Thời gian ...` / `a) Học sinh ...`).
    match m.kind {
        // After a short heading line (`4. Tổ chức thực hiện` / `- ...`), a bullet opens.
        MarkerKind::Dash | MarkerKind::Plus | MarkerKind::Bullet => {
            prev.chars().count() <= 60
                && !prev.trim_end().ends_with([',', '(', '-'])
                && !ends_with_connector(prev)
        }
        MarkerKind::Article | MarkerKind::Chapter | MarkerKind::Part | MarkerKind::Section => true,
        // A level word (`... các tỉnh, thành phố` / `a) Tập trung ...`) runs on into a place's
        // name, never into a marker.
        _ => {
            !prev.trim_end().ends_with([',', '('])
                && (!ends_with_connector(prev) || ends_with_level_word(prev))
        }
    }
}

/// A line ending in an administrative level word (`tỉnh`, `huyện`, `thành phố` ...).
/// ([`crate::tables::LEVEL_WORDS`], the words that continue a body's name into a place.)
fn ends_with_level_word(t: &str) -> bool {
    let f = fold(t.trim_end());
    crate::tables::LEVEL_WORDS.iter().any(|w| {
        let w = w.trim_end();
        f.ends_with(w)
            && f[..f.len() - w.len()]
                .bytes()
                .last()
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// A line ending in a word that cannot end a sentence (`của`, `và`, `số`, `ngày`).
fn ends_with_connector(t: &str) -> bool {
    let last = t
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“']);
    matches!(
        fold(last).as_str(),
        "cua"
            | "va"
            | "so"
            | "ngay"
            | "thang"
            | "nam"
            | "tai"
            | "theo"
            | "voi"
            | "cac"
            | "nhung"
            | "la"
            | "de"
            | "tu"
            | "den"
            | "o"
            | "hoac"
            | "khoan"
            | "diem"
            | "dieu"
            | "muc"
            | "tinh"
            | "huyen"
            | "quan"
            | "phuong"
            | "pho"
            | "thi"
            | "truoc"
            | "ve"
            | "cho"
            | "boi"
            | "gom"
            | "nhu"
    )
}

/// A line whose last two words hold a capital: a name runs on (`Luật Tổ chức` / `Chính phủ`).
fn ends_in_name(t: &str) -> bool {
    // The last two words, read from the end.
    let mut last = t.split_whitespace().rev();
    match (last.next(), last.next()) {
        (Some(a), Some(b)) => [a, b].iter().any(|w| w.starts_with(char::is_uppercase)),
        _ => false,
    }
}

fn is_bare_marker(p: &Para, norm: &str) -> bool {
    p.ranges.len() == 1
        && p.marker
            .as_ref()
            .is_some_and(|m| m.len >= p.first_text(norm).len())
}

/// Builds paragraphs from lines `from..to`. Noise lines inside are skipped (the caller records
/// them); a page break or blank line inside a sentence does not end the paragraph.
pub fn paragraphs(ctx: &Ctx, lines: &[Line], from: usize, to: usize, lay: Layout) -> Vec<Para> {
    let norm = ctx.text;
    let mut out: Vec<Para> = Vec::new();
    let mut gap = false;
    let mut last_ord: Vec<((MarkerKind, u8), u32)> = Vec::new();
    // Whether the last text line (by index) is in capitals, once asked: each line is tested as
    // `t` and then as `prev`.
    let mut last_caps: (usize, OnceCell<bool>) = (usize::MAX, OnceCell::new());
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        if l.kind != LineKind::Text {
            // Blank lines and decoration separate; page breaks, stamps and watermarks do not.
            if matches!(
                l.kind,
                LineKind::Blank | LineKind::Decoration | LineKind::Chrome
            ) {
                gap = true;
            }
            continue;
        }
        let t = l.text(norm);
        let t_caps = OnceCell::new();
        let caps_t = || *t_caps.get_or_init(|| is_caps(t));
        let mut m = marker(t);
        // A list starts at its first number: `(2) Cắt giảm ...` at a line start with no `(1)`
        // before it continues an inline enumeration, unless a blank line sets it apart.
        if let Some(n) = m.as_ref().and_then(|mk| mk.ordinal) {
            let key = m.as_ref().map(|mk| (mk.kind, mk.depth)).expect("marker");
            let last = last_ord.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
            let plausible = n == 1 || gap || out.is_empty() || last.is_some_and(|l| n <= l + 1);
            if !plausible {
                m = None;
            }
        }
        let cont = match out.last() {
            None => false,
            Some(p) => {
                let prev = p.last_text(norm);
                let caps_prev = || match &last_caps {
                    (k, c) if *k == p.last_line => *c.get_or_init(|| is_caps(prev)),
                    _ => is_caps(prev),
                };
                if is_bare_marker(p, norm) && m.is_none() || wraps_in_word(prev) {
                    true
                } else if opens_block(&l.folded) {
                    false
                } else if let Some(m) = &m {
                    !marker_opens(m, prev, caps_prev, gap)
                } else if gap {
                    !ends_sentence(prev) && starts_lower(t)
                } else if lay.blank_separated {
                    // Hard wrap inside a paragraph; a capitals heading still ends, and so does a
                    // short marked heading line before a sentence (`2. Quan điểm` / `Việc ...`).
                    let heading = p.ranges.len() == 1
                        && p.marker.is_some()
                        && prev.chars().count() * 100 < lay.width * 45
                        && !ends_sentence(prev)
                        && !prev.trim_end().ends_with([',', '(', '-'])
                        && !ends_with_connector(prev)
                        && !prev
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| w.starts_with(char::is_uppercase))
                        && starts_sentence(t);
                    (!caps_prev() || caps_t()) && !heading
                } else if lay.wrapped {
                    let chars = prev.chars().count();
                    // (A line that ends in `số`, `của` ... goes on whatever comes: `... Luật Đầu
                    // tư công số` / `39/2019/QH14.`, a symbol in capitals.)
                    if caps_prev() != caps_t() && !starts_lower(t) && !ends_with_connector(prev) {
                        false
                    } else if ends_sentence(prev) {
                        let short = chars * 100 < lay.width * 85;
                        !(short
                            || starts_quote_or_upper(t) && prev.trim_end().ends_with([':', ';']))
                    } else {
                        // A short line that ends no sentence, followed by a sentence: a heading
                        // line (`1. Bộ trưởng các Bộ` / `Tập trung chỉ đạo ...`).
                        let very_short = chars * 100 < lay.width * 70;
                        let last_word_capitalised = prev
                            .split_whitespace()
                            .last()
                            .and_then(|w| w.chars().next())
                            .is_some_and(char::is_uppercase);
                        !(very_short
                            && !last_word_capitalised
                            && !ends_in_name(prev)
                            && !prev.trim_end().ends_with([',', '(', '-'])
                            && !ends_with_connector(prev)
                            && starts_sentence(t))
                    }
                } else {
                    // One line per paragraph; a line that ends no sentence goes on into a line
                    // that starts none (`... ngày` / `21/01/2015 của ...`).
                    !ends_sentence(prev) && (!starts_sentence(t) || ends_with_connector(prev))
                }
            }
        };
        if cont {
            let p = out.last_mut().expect("checked");
            p.ranges.push((l.start, l.end));
            p.last_line = i;
        } else {
            if let Some(mk) = &m {
                if let Some(n) = mk.ordinal {
                    let key = (mk.kind, mk.depth);
                    match last_ord.iter_mut().find(|(k, _)| *k == key) {
                        Some(e) => e.1 = n,
                        None => last_ord.push((key, n)),
                    }
                }
            }
            out.push(Para {
                ranges: vec![(l.start, l.end)],
                first_line: i,
                last_line: i,
                marker: m,
            });
        }
        last_caps = (i, t_caps);
        gap = false;
    }
    out
}

/// A line that starts a sentence: a capitalised word (`Tập`), not an acronym (`TTHC,`).
fn starts_sentence(t: &str) -> bool {
    let mut cs = t.chars();
    match (cs.next(), cs.next()) {
        (Some(a), Some(b)) => a.is_uppercase() && (b.is_lowercase() || b == ' '),
        _ => false,
    }
}

fn starts_quote_or_upper(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“(-+•".contains(c))
}

/// Whether a line opens a list of addressees: `Kính gửi:`, `Kính trình:`, a công điện's
/// `THỦ TƯỚNG CHÍNH PHỦ điện:`, and after a first list `Đồng kính gửi:`.
pub fn opens_addressees(f: &str, first: bool) -> bool {
    use crate::keywords as kw;
    let f = f.trim_start_matches(['*', ' ']);
    kw::starts(f, kw::KINH_GUI)
        || kw::starts(f, kw::KINH_TRINH)
        || first && kw::find_labelled(f, kw::KINH_GUI, kw::GLUED_BEFORE_LABEL).is_some()
        || first && f.len() < 60 && (f.ends_with(" dien:") || f.ends_with(" dien"))
        || !first && kw::starts(f, kw::DONG_KINH_GUI)
}

/// The addressees read from a `Kính gửi:` block.
pub struct AddresseesOut {
    pub addressees: Vec<Addressee>,
    /// The first line after the block.
    pub next: usize,
    /// Text glued before the opener on its line (a stamp or a cell), normalised byte range.
    pub before_opener: Option<(usize, usize)>,
}

/// Reads `Kính gửi:` addressees starting at line `i`.
pub fn addressees(ctx: &Ctx, lines: &[Line], i: usize, to: usize) -> AddresseesOut {
    let norm = ctx.text;
    // Entries as (start, end, led by a list marker).
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut dashed: Vec<bool> = Vec::new();
    let l = &lines[i];
    let full = l.text(norm);
    // `Cole THỘNG TA ... Kính gửi:`: the opener after a glued prefix; the line is read from it.
    let (label_s, label_e) = crate::keywords::addressee_label(&l.folded).unwrap_or((0, 0));
    let fv0 = l.folded_view(norm);
    let skip = fv0.src(label_s.min(fv0.text.len()));
    let before_opener = (skip > 0).then(|| (l.start, l.start + full[..skip].trim_end().len()));
    let t = &full[skip..];
    // The opener's colon, if it follows the opener (`Kính gửi các Bộ: Công an, ...` has none).
    let opener_words = label_e - label_s;
    let colon = t
        .find(':')
        .filter(|&k| opener_words == 0 || t[..k].chars().count() <= opener_words + 3)
        .map(|k| k + 1);
    let after = match colon {
        Some(k) => k,
        None => {
            // `Kính gửi` without colon: skip the words of the opener.
            fv0.src(label_e.min(fv0.text.len())) - skip
        }
    };
    let rest = t[after..].trim();
    let mut prev_listy = false;
    if !rest.is_empty() {
        let s = l.start + skip + after + (t[after..].len() - t[after..].trim_start().len());
        out.push((s, s + rest.len()));
        dashed.push(is_list_line(rest));
    }
    let mut j = i + 1;
    let mut blanks = 0;
    while j < to {
        let l = &lines[j];
        if l.is_void() {
            if l.kind == LineKind::Blank {
                blanks += 1;
                if !out.is_empty() && blanks >= 1 {
                    // A blank after entries: continue only if a list line follows.
                    let next = (j + 1..to).find(|&k| !lines[k].is_void());
                    match next {
                        Some(k) if is_list_line(lines[k].text(norm)) && lines[k].chars < 120 => {
                            j += 1;
                            continue;
                        }
                        _ => break,
                    }
                }
            }
            j += 1;
            continue;
        }
        let t = l.text(norm);
        let f = l.folded.as_str();
        if opens_block(f)
            || opens_addressees(f, false)
            || BASIS_OPENINGS.iter().any(|o| f.starts_with(o))
            || f.starts_with("ngay ")
        {
            break;
        }
        let m = marker(t);
        let listy = m.as_ref().is_some_and(|m| {
            matches!(
                m.kind,
                MarkerKind::Dash | MarkerKind::Plus | MarkerKind::Bullet
            )
        });
        if m.is_some() && !listy {
            break;
        }
        let prev = out
            .last()
            .map(|&(s, e)| norm[s..e].trim_end())
            .unwrap_or("");
        // A colon list (`các Bộ: Công an, ...`) runs on to the blank line.
        let colon_list = out.len() == 1 && prev.contains(':') && blanks == 0;
        let cont = !listy
            && !out.is_empty()
            && (colon_list
                || !prev.ends_with([';', '.'])
                    && (prev.ends_with([',', ':'])
                        || starts_lower(t)
                        || prev_listy && l.chars <= 100
                        || crate::tables::ends_dangling(&fold(prev))));
        if cont {
            if let Some(last) = out.last_mut() {
                last.1 = l.end;
            }
            j += 1;
            // A full stop ends the last addressee (NĐ 30/2020 Phụ lục I), wrapped or not.
            if t.ends_with('.') && !dashed.last().copied().unwrap_or(false) {
                break;
            }
            continue;
        }
        let short_entry =
            l.chars <= 110 && (t.ends_with([';', ',', '.']) || !ends_sentence(t) && l.chars <= 80);
        // A dashed list is dashed throughout: a line without a dash after it is the text.
        if !(listy || short_entry && !prev_listy) {
            break;
        }
        let s = l.start + m.as_ref().map_or(0, |m| m.len);
        out.push((s, l.end));
        dashed.push(listy);
        prev_listy = listy;
        j += 1;
        if t.ends_with('.') && !listy {
            break;
        }
    }
    let mut res = Vec::new();
    for ((s, e), dash) in out.into_iter().zip(dashed) {
        // One line may hold several names separated by `;`; a list item is one entry, whatever
        // it holds (`- Bộ trưởng; Thủ trưởng cơ quan ngang Bộ, ...;`).
        let mut pos = s;
        let pieces: Vec<&str> = if dash {
            vec![&norm[s..e]]
        } else {
            norm[s..e].split(';').collect()
        };
        for piece in pieces {
            let ps = pos;
            pos += piece.len() + 1;
            let name = piece.trim().trim_start_matches(['-', '+', '•', '–']).trim();
            let mut name = name.trim_end_matches(['.', ',', ';', ':']).trim();
            // `... thành phố để lãnh đạo, chỉ đạo`: the purpose is not part of the name.
            if let Some(k) = purpose_at(name) {
                name = name[..k].trim_end();
            }
            if name.is_empty() || crate::text::letter_count(name) < 2 {
                continue;
            }
            let off = ps + piece.find(name).unwrap_or(0);
            res.push(Addressee {
                name: squash_spaces(name),
                span: ctx.span(off, off + name.len()),
            });
        }
    }
    AddresseesOut {
        addressees: res,
        next: j,
        before_opener,
    }
}

/// Where a trailing purpose (`để lãnh đạo, chỉ đạo`, `để biết`) starts in an entry, the line
/// breaks in it counted as spaces.
fn purpose_at(name: &str) -> Option<usize> {
    let k = name
        .match_indices("để")
        .map(|(k, _)| k)
        .filter(|&k| {
            name[..k].ends_with(char::is_whitespace)
                && name[k + "để".len()..].starts_with(char::is_whitespace)
        })
        .last()?;
    (name.len() - k <= 48).then_some(k)
}

fn is_list_line(t: &str) -> bool {
    t.starts_with(['-', '+', '•', '–'])
}

/// Whether a paragraph closes the body (`Chỉ thị này phổ biến đến chi bộ./.`, `Trên đây là ...`).
fn closing_cue(text: &str) -> bool {
    let f = fold(text);
    const CUES: &[&str] = &[
        "tren day",
        "trong qua trinh",
        "qua trinh thuc hien",
        "trong khi thuc hien",
        "yeu cau ",
        "de nghi ",
        "tran trong",
        "nhan duoc",
        "van phong chinh phu thong bao",
        "van phong trung uong dang thong bao",
        "xin tran trong",
        "de nghi cac",
        "de bao dam thuc hien",
        "can cu noi dung",
    ];
    if CUES.iter().any(|c| f.starts_with(c)) {
        return true;
    }
    // `Chỉ thị này ...`, `Kết luận này ...`: the document refers to itself.
    if let Some((_, len)) = crate::tables::kind_of_name_prefix(&f) {
        if f[len..].trim_start().starts_with("nay") {
            return true;
        }
    }
    f.contains(" thong bao de ") || f.contains(" thong bao y kien")
}

fn ends_document(text: &str) -> bool {
    let t = text.trim_end_matches(['*', ' ']);
    t.ends_with("./.") || t.ends_with("/.") || t.ends_with("./")
}

/// The body's pieces.
#[derive(Debug, Default)]
pub struct BodyOut {
    pub preamble: Vec<Paragraph>,
    pub basis: Vec<Paragraph>,
    pub items: Vec<Item>,
    pub closing: Vec<Paragraph>,
}

/// The most paragraphs a quotation runs over before its closing quote; an opening quote not
/// closed by then is read as a stray mark, not as a quotation.
const QUOTE_MAX_PARAS: usize = 80;

/// Markup that may wrap a quotation's marks (`*“**2. ...`, `... khác: 2%.”*`).
const QUOTE_MARKUP: &[char] = &['*', '_', ' ', '\t'];

/// Whether `t` (a paragraph's text) ends with a closing quote, after its final punctuation and
/// markup (`... 2%.”*`, `... “Điều 2 ...”.`).
fn ends_quote(t: &str) -> bool {
    let t = t.trim_end_matches(QUOTE_MARKUP);
    let t = t.trim_end_matches(['.', ',', ';', ')', '*', '_']);
    t.ends_with(['”', '"', '»'])
}

/// Where a paragraph opens a quotation that runs on past it: it starts with an opening quote
/// after a paragraph ending in a colon (`... quy định:` / `“2. Phương pháp ...`), or a colon and
/// an opening quote stand in it (`... như sau: “1. Đối tượng ...`) with no closing quote after.
fn opens_quote(t: &str, prev: Option<&str>) -> bool {
    let body = t.trim_start_matches(QUOTE_MARKUP);
    let after_colon = prev.is_some_and(|p| p.trim_end_matches(QUOTE_MARKUP).ends_with(':'));
    if body.starts_with(['“', '"', '«']) && after_colon {
        return left_open(t);
    }
    t.rfind([':'])
        .map(|k| t[k + 1..].trim_start_matches(QUOTE_MARKUP))
        .is_some_and(|rest| rest.starts_with(['“', '«']) && left_open(rest))
}

/// Whether `t` opens more quotations than it closes (`“...` without its `”`; an odd count of
/// straight quotes).
fn left_open(t: &str) -> bool {
    let count = |c: &[char]| t.chars().filter(|x| c.contains(x)).count();
    count(&['“', '«']) > count(&['”', '»']) || count(&['"']) % 2 == 1
}

/// Which paragraphs stand inside a quotation of another text (class 3 of the unseen
/// documents: `Tại Điều 11 Luật ... quy định:` / `“Điều 11. ...` / `1. ...` / `... 2%.”`). Their
/// markers are the quoted text's, not the document's: a quotation is paragraphs of the item
/// (or preamble) that quotes it.
fn quoted(norm: &str, paras: &[Para]) -> Vec<bool> {
    let starts_quote = |x: &str| {
        x.trim_start_matches(QUOTE_MARKUP)
            .starts_with(['“', '"', '«'])
    };
    let mut inside = vec![false; paras.len()];
    // The document's own lists so far: the last ordinal of each marker family.
    let mut lists: Vec<((MarkerKind, u8), Option<u32>)> = Vec::new();
    // Whether paragraph `j` continues one of the document's lists (`2.` after its `1.`, a
    // bullet of a bullet list): the quotation ended before it.
    let continues = |lists: &[((MarkerKind, u8), Option<u32>)], j: usize, strict: bool| {
        paras[j].marker.as_ref().is_some_and(|m| {
            lists.iter().any(|(key, last)| {
                *key == family(m)
                    && match (m.ordinal, last) {
                        (Some(n), Some(l)) => n == l + 1,
                        (None, None) => !strict,
                        _ => false,
                    }
            })
        })
    };
    // A paragraph's first and last lines: where its quotes open and close.
    let first_line = |p: &Para| &norm[p.ranges[0].0..p.ranges[0].1];
    let holds_quote = |p: &Para| {
        p.ranges
            .iter()
            .any(|&(s, e)| norm[s..e].contains(['“', '"', '«']))
    };
    let mut k = 0;
    while k < paras.len() {
        if !holds_quote(&paras[k]) {
            if let Some(m) = &paras[k].marker {
                note_list(&mut lists, m);
            }
            k += 1;
            continue;
        }
        let t = paras[k].text(norm, 0);
        let prev = k.checked_sub(1).map(|j| paras[j].last_text(norm));
        if opens_quote(&t, prev) {
            // It closes at its closing quote; one that OCR lost (or the copy cut with `…`) ends
            // where the next quotation is introduced (`... quy định:` / `“b) ...`) or where the
            // document's own list goes on.
            let limit = paras.len().min(k + 1 + QUOTE_MAX_PARAS);
            let mut close = None;
            let mut cut = None;
            for j in k + 1..limit {
                let tj = paras[j].last_text(norm);
                if continues(&lists, j, true) {
                    cut = Some(j - 1);
                    break;
                }
                if ends_quote(tj) {
                    close = Some(j);
                    break;
                }
                if cut.is_none()
                    && j > k + 1
                    && j + 1 < paras.len()
                    && tj.trim_end_matches(QUOTE_MARKUP).ends_with(':')
                    && starts_quote(first_line(&paras[j + 1]))
                    && !starts_quote(first_line(&paras[j]))
                {
                    cut = Some(j - 1);
                    break;
                }
            }
            if close.is_none() && cut.is_none() {
                // Unclosed to the end: up to the next item of the document's own kinds.
                cut = (k + 1..limit)
                    .find(|&j| continues(&lists, j, false))
                    .map(|j| j - 1);
            }
            if let Some(c) = close.or(cut) {
                // The opening paragraph keeps its own marker when the quote starts inside it.
                let from = if starts_quote(&t) { k } else { k + 1 };
                if from <= c {
                    for q in &mut inside[from..=c] {
                        *q = true;
                    }
                }
                if let Some(m) = paras[k].marker.as_ref().filter(|_| from > k) {
                    note_list(&mut lists, m);
                }
                k = c.max(k) + 1;
                continue;
            }
        }
        if let Some(m) = &paras[k].marker {
            note_list(&mut lists, m);
        }
        k += 1;
    }
    inside
}

/// Records marker `m` as the last of its list.
fn note_list(lists: &mut Vec<((MarkerKind, u8), Option<u32>)>, m: &Marker) {
    let key = family(m);
    match lists.iter_mut().find(|(k, _)| *k == key) {
        Some(e) => e.1 = m.ordinal,
        None => lists.push((key, m.ordinal)),
    }
}

/// Splits paragraphs into preamble, items and closing, and builds the item tree.
pub fn build(ctx: &mut Ctx, paras: &[Para]) -> BodyOut {
    let norm = ctx.text;
    let inside = quoted(norm, paras);
    let unquoted: Vec<Para>;
    let paras = if inside.contains(&true) {
        unquoted = paras
            .iter()
            .zip(&inside)
            .map(|(p, &q)| Para {
                marker: if q { None } else { p.marker.clone() },
                ..p.clone()
            })
            .collect();
        &unquoted[..]
    } else {
        paras
    };
    let mut out = BodyOut::default();
    // Closing: a trailing run of unmarked paragraphs, the last ending the document or cued.
    let mut body_end = paras.len();
    if let Some(last) = paras.last() {
        let lt = last.text(norm, 0);
        if last.marker.is_none() && (ends_document(&lt) || closing_cue(&lt)) {
            body_end -= 1;
            while body_end > 0 {
                let p = &paras[body_end - 1];
                if p.marker.is_some() || !closing_cue(&p.text(norm, 0)) {
                    break;
                }
                body_end -= 1;
            }
            // Only when items exist or the text before is not all preamble.
        }
    }
    // `- Căn cứ ...;` bullets that open the body are its basis, part of the preamble.
    let basis_lead = paras[..body_end]
        .iter()
        .take_while(|p| {
            p.marker.as_ref().is_some_and(|m| is_bullet(m.kind))
                && is_basis(&p.text(norm, p.marker.as_ref().map_or(0, |m| m.len)))
        })
        .count();
    let first_item = paras[..body_end]
        .iter()
        .enumerate()
        .position(|(k, p)| k >= basis_lead && p.marker.is_some());
    let pre_end = first_item.unwrap_or(body_end);
    for p in &paras[..pre_end] {
        let para = ctx.paragraph(p, 0);
        if is_basis(para.text.trim_start_matches(['-', '+', '•', ' '])) {
            out.basis.push(para.clone());
        }
        out.preamble.push(para);
    }
    out.items = tree(ctx, &paras[pre_end..body_end]);
    for p in &paras[body_end..] {
        out.closing.push(ctx.paragraph(p, 0));
    }
    out
}

/// A basis line: `Căn cứ ...`, `Xét đề nghị ...`, `Theo đề nghị ...`.
/// Folded openings of a basis paragraph (`Căn cứ ...`, `Xét ...`).
const BASIS_OPENINGS: &[&str] = &["can cu ", "xet ", "theo de nghi", "thuc hien "];

/// The longest of [`BASIS_OPENINGS`], in bytes.
const BASIS_HEAD: usize = {
    let mut m = 0;
    let mut i = 0;
    while i < BASIS_OPENINGS.len() {
        if BASIS_OPENINGS[i].len() > m {
            m = BASIS_OPENINGS[i].len();
        }
        i += 1;
    }
    m
};

fn is_basis(text: &str) -> bool {
    // Folding maps each char to one byte: only the first `BASIS_HEAD` chars are folded.
    let head = text
        .char_indices()
        .nth(BASIS_HEAD)
        .map_or(text, |(k, _)| &text[..k]);
    let f = fold(head);
    BASIS_OPENINGS.iter().any(|o| f.starts_with(o))
}

/// Markers ranked below a Roman heading.
fn below_roman(k: MarkerKind) -> bool {
    !matches!(
        k,
        MarkerKind::Part | MarkerKind::Chapter | MarkerKind::Section | MarkerKind::Roman
    )
}

fn is_bullet(k: MarkerKind) -> bool {
    matches!(k, MarkerKind::Dash | MarkerKind::Plus | MarkerKind::Bullet)
}

/// Family key of a marker: markers of one key are siblings.
fn family(m: &Marker) -> (MarkerKind, u8) {
    (m.kind, m.depth)
}

struct Frame {
    key: (MarkerKind, u8),
    ordinal: Option<u32>,
    item: Item,
}

fn close_frame(stack: &mut Vec<Frame>, roots: &mut Vec<Item>) {
    if let Some(mut f) = stack.pop() {
        if let Some(last_child) = f.item.children.last() {
            f.item.span = f.item.span.cover(last_child.span);
        }
        // A closed item grows no more: its lists keep no spare room (a first push reserves
        // four places; over thousands of items that was a tenth of a document's memory).
        f.item.paragraphs.shrink_to_fit();
        f.item.children.shrink_to_fit();
        match stack.last_mut() {
            Some(parent) => {
                parent.item.span = parent.item.span.cover(f.item.span);
                parent.item.children.push(f.item);
            }
            None => roots.push(f.item),
        }
    }
}

/// Builds the item tree from marked paragraphs (and the unmarked ones that continue them).
fn tree(ctx: &mut Ctx, paras: &[Para]) -> Vec<Item> {
    let mut roots: Vec<Item> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for p in paras {
        let Some(m) = &p.marker else {
            let para = ctx.paragraph(p, 0);
            match stack.last_mut() {
                Some(top) => {
                    top.item.span = top.item.span.cover(para.span);
                    top.item.paragraphs.push(para);
                }
                None => {
                    // Unmarked text before any item (cannot happen: preamble took it).
                    roots.push(Item {
                        label: String::new(),
                        marker: MarkerKind::Bullet,
                        label_span: para.span,
                        paragraphs: vec![para.clone()],
                        actors: Vec::new(),
                        assignments: Vec::new(),
                        children: Vec::new(),
                        span: para.span,
                    });
                }
            }
            continue;
        };
        let key = family(m);
        // A numbered item does not nest under bullets (`- ...` / `1. ...` are siblings under `III.`).
        let numbered = matches!(
            m.kind,
            MarkerKind::Roman
                | MarkerKind::ArabicDot
                | MarkerKind::ArabicDash
                | MarkerKind::ArabicParen
                | MarkerKind::ArabicSlash
                | MarkerKind::Decimal
                | MarkerKind::Article
                | MarkerKind::Chapter
                | MarkerKind::Part
                | MarkerKind::Section
        );
        if numbered && !stack.iter().any(|f| f.key == key) {
            while stack.last().is_some_and(|f| is_bullet(f.key.0)) {
                close_frame(&mut stack, &mut roots);
            }
            // A Roman heading is above the numbers, letters and bullets of an administrative
            // text (NĐ 30/2020 Phụ lục I: I., 1., a), -): it never nests under them.
            if m.kind == MarkerKind::Roman {
                while stack.last().is_some_and(|f| below_roman(f.key.0)) {
                    close_frame(&mut stack, &mut roots);
                }
            }
        }
        // Decimal `2.1.` under `2.`: a child; a deeper decimal under a shallower one too.
        let mut level = stack.iter().rposition(|f| f.key == key);
        // `1. TINH THẦN CHỈ ĐẠO` / `1. Quán triệt ...`: a list that starts again at 1 right under
        // a heading in capitals of the same kind (OCR read its `I.` as `1.`) is its child, not
        // its sibling.
        if level == Some(stack.len().wrapping_sub(1))
            && m.ordinal == Some(1)
            && stack.last().is_some_and(|f| {
                f.item.children.is_empty()
                    && f.item.paragraphs.len() == 1
                    && is_caps(&f.item.paragraphs[0].text)
            })
        {
            level = None;
        }
        if let Some(lv) = level {
            let prev_ord = stack[lv].ordinal;
            while stack.len() > lv {
                close_frame(&mut stack, &mut roots);
            }
            if let (Some(a), Some(b)) = (prev_ord, m.ordinal) {
                if b != a + 1 {
                    let sp = ctx.span(p.start(), p.start() + m.label_len);
                    ctx.diag(
                        Code::NumberingSkip,
                        sp,
                        format!("item {} follows number {} of the same list", m.label, a),
                    );
                }
            }
        }
        let label_span = ctx.span(p.start(), p.start() + m.label_len);
        let first = ctx.paragraph(p, m.len);
        let paragraphs = if first.text.is_empty() {
            Vec::new()
        } else {
            vec![first]
        };
        let span = ctx.span(p.start(), p.end());
        stack.push(Frame {
            key,
            ordinal: m.ordinal,
            item: Item {
                label: m.label.clone(),
                marker: m.kind,
                label_span,
                paragraphs,
                actors: Vec::new(),
                assignments: Vec::new(),
                children: Vec::new(),
                span,
            },
        });
    }
    while !stack.is_empty() {
        close_frame(&mut stack, &mut roots);
    }
    roots
}

#[cfg(test)]
mod tests {
    #[test]
    fn basis_by_its_head() {
        assert!(super::is_basis(
            "Căn cứ Luật Tổ chức chính quyền địa phương"
        ));
        assert!(super::is_basis("Theo đề nghị của Giám đốc Sở"));
        assert!(super::is_basis("Theo đề nghị"));
        assert!(!super::is_basis("Theo đề ngh"));
        assert!(!super::is_basis("Thực hiện"));
        assert!(super::is_basis("Thực hiện "));
        assert!(!super::is_basis("Các sở, ban, ngành"));
    }
}
