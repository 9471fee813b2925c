//! Stage 2: lines. The normalised text is cut into lines; each line is classified once
//! (blank, decoration, page break, stamp, chrome, text) and keeps its folded form for matching.

use crate::tables;
use crate::text::{fold, AnyOf, Folded};
use std::sync::OnceLock;

/// What a line is, before any structure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Only punctuation (`-------`, `*`, `___`).
    Decoration,
    /// `--- PAGE BREAK ---`, a page number, `Trang 2`.
    PageBreak,
    /// `(Đã ký)`, digital signature stamps.
    Stamp,
    /// Web chrome that names a site or its furniture (strong evidence).
    Chrome,
    /// A watermark or page footer of a site, repeated inside the document (`LawSoft * Tel: ...`).
    Watermark,
    Text,
}

/// One line of the normalised text.
#[derive(Debug, Clone)]
pub struct Line {
    /// Trimmed content range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// Range of the whole line including its indentation (not the `\n`).
    pub raw_start: usize,
    pub kind: LineKind,
    /// Folded trimmed content (see [`crate::text::fold`]).
    pub folded: String,
    /// Number of chars of the trimmed content.
    pub chars: usize,
}

impl Line {
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.start..self.end]
    }
    pub fn is_blank(&self) -> bool {
        self.kind == LineKind::Blank
    }
    /// Blank or noise that never carries content.
    pub fn is_void(&self) -> bool {
        !matches!(self.kind, LineKind::Text)
    }
    /// Folded view with offsets, built on demand.
    pub fn folded_view(&self, norm: &str) -> Folded {
        Folded::new(self.text(norm))
    }
}

fn is_decoration(t: &str) -> bool {
    const PUNCT: &str = "-—–_=*.~…·•|+#:/\\";
    let decorative =
        |c: char| PUNCT.contains(c) || c.is_whitespace() || !c.is_alphanumeric() && !c.is_ascii();
    (!t.is_empty() && t.chars().all(decorative) && !matches!(t, "-" | "+" | "•" | "./."))
        || t == "X"
}

/// Whether `f` is a page break; `marked` says whether a needle of [`marks`] occurs in `f` (the
/// `page break` search is skipped without one).
fn is_page_break(f: &str, marked: bool) -> bool {
    static PAGE_BREAK: OnceLock<AnyOf> = OnceLock::new();
    if f.starts_with("--- page")
        || marked
            && PAGE_BREAK
                .get_or_init(|| AnyOf::new(&[PAGE_BREAKS]))
                .found_in(f)
    {
        return true;
    }
    // The other tests need a core that starts with a digit, `trang ` or `page ` (which `-`
    // or ` ` may precede), or 32 bytes at most.
    if f.len() > 32 && !matches!(f.as_bytes()[0], b'-' | b' ' | b't' | b'p' | b'0'..=b'9') {
        return false;
    }
    // Page numbers: `3`, `- 3 -`, `Trang 3`, `Page 3`, `3/12`.
    // (`1.` and `2)` are bare item markers, not page numbers.)
    let core = f.trim_matches(|c: char| c == '-' || c == ' ');
    if !core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = core
        .strip_prefix("trang ")
        .or_else(|| core.strip_prefix("page "))
    {
        return rest
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'/' || b == b' ');
    }
    false
}

/// Page breaks written out (folded).
const PAGE_BREAKS: &[&str] = &["page break"];

fn is_stamp(f: &str) -> bool {
    // A first byte compared first: most lines start like no stamp.
    let first = f.as_bytes().first();
    [
        tables::SIGNING_NOTES,
        tables::SIGNATURE_PLACEHOLDERS,
        tables::DIGITAL_SIGNATURE_LABELS,
    ]
    .iter()
    .flat_map(|t| t.iter())
    .any(|p| p.as_bytes().first() == first && f.starts_with(p))
}

/// OCR debris: six tokens or more, none longer than two chars (`À A aA x ˆ . kK`).
fn is_junk(t: &str) -> bool {
    // Three chars that are not white space: a first token of three chars.
    if t.chars().take(3).filter(|c| !c.is_whitespace()).count() == 3 {
        return false;
    }
    // Stops at the first long token (the first word of most lines).
    let mut toks = 0;
    for w in t.split_whitespace() {
        if w.chars().nth(2).is_some() {
            return false;
        }
        toks += 1;
    }
    toks >= 6
}

/// Watermarks and page footers that sites print on every page of a PDF (folded).
fn is_watermark(f: &str, marked: bool) -> bool {
    static MARKS: OnceLock<AnyOf> = OnceLock::new();
    f.len() < 90 && marked && MARKS.get_or_init(|| AnyOf::new(&[WATERMARKS])).found_in(f)
}

/// Watermarks (folded).
const WATERMARKS: &[&str] = &[
    "anh minh hoa",
    "lawsoft",
    "3930 3279",
    "www.thuvienphapluat",
    "vienphapluat.vn",
];

/// Strong chrome: a site's name or furniture that never occurs in a directive's own text.
pub fn is_strong_chrome(f: &str) -> bool {
    static STRONG: OnceLock<AnyOf> = OnceLock::new();
    STRONG
        .get_or_init(|| AnyOf::new(&[tables::STRONG_CHROME]))
        .found_in(f)
}

/// Weak chrome: phrases of site furniture that may occur in running text too; only trusted
/// outside the document's own extent.
pub fn is_weak_chrome(f: &str) -> bool {
    static WEAK: OnceLock<AnyOf> = OnceLock::new();
    WEAK.get_or_init(|| AnyOf::new(&[tables::STRONG_CHROME, tables::CHROME_PHRASES]))
        .found_in(f)
}

/// The needles of page breaks, watermarks and strong chrome at once: a line without any is none
/// of them, after one search instead of three.
fn marks() -> &'static AnyOf {
    static MARKS: OnceLock<AnyOf> = OnceLock::new();
    MARKS.get_or_init(|| AnyOf::new(&[PAGE_BREAKS, WATERMARKS, tables::STRONG_CHROME]))
}

/// Decoration, by [`is_decoration`]; a line that starts with a letter or digit (no decorative
/// char is one) is decoration only as `X`.
fn is_decoration_line(t: &str) -> bool {
    if t.chars().next().is_some_and(char::is_alphanumeric) {
        return t == "X";
    }
    is_decoration(t)
}

/// What a non-blank line is (`t` trimmed, `f` its folded form).
fn kind_of(t: &str, f: &str) -> LineKind {
    let marked = marks().found_in(f);
    if is_page_break(f, marked) {
        LineKind::PageBreak
    } else if is_decoration_line(t) {
        LineKind::Decoration
    } else if is_stamp(f) {
        LineKind::Stamp
    } else if is_junk(t) && !crate::keywords::starts_label(f) {
        LineKind::Decoration
    } else if is_watermark(f, marked) {
        LineKind::Watermark
    } else if marked && is_strong_chrome(f) {
        LineKind::Chrome
    } else {
        LineKind::Text
    }
}

/// The byte offset of the first `\n` at or after `from`, eight bytes at a time.
fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let v = u64::from_le_bytes(w) ^ 0x0A0A_0A0A_0A0A_0A0A;
        // The high bit set in exactly the zero bytes (no carry crosses bytes).
        let zeros = crate::text::zero_bytes(v);
        if zeros != 0 {
            return Some(i + zeros.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|k| i + k)
}

/// The trimmed part of `raw` (`str::trim`) and the length of what `trim` takes off its start.
/// Most lines start and end with a char that is not white space: two chars decoded.
fn trimmed(raw: &str) -> (usize, &str) {
    let edge_space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if !edge_space(raw.chars().next()) && !edge_space(raw.chars().next_back()) {
        return (0, raw);
    }
    (raw.len() - raw.trim_start().len(), raw.trim())
}

/// Cuts `norm` into classified lines.
pub fn split(norm: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(norm.len() / 40 + 1);
    let bytes = norm.as_bytes();
    let mut raw_start = 0usize;
    loop {
        // As `norm.split('\n')`: the piece after the last `\n` too, even empty.
        let raw_end = next_newline(bytes, raw_start).unwrap_or(bytes.len());
        let (lead, t) = trimmed(&norm[raw_start..raw_end]);
        let start = raw_start + lead;
        let end = start + t.len();
        let folded = fold(t);
        let kind = if t.is_empty() {
            LineKind::Blank
        } else {
            kind_of(t, &folded)
        };
        lines.push(Line {
            start,
            end,
            raw_start,
            kind,
            chars: t.chars().count(),
            folded,
        });
        if raw_end == bytes.len() {
            break;
        }
        raw_start = raw_end + 1;
    }
    mark_running_heads(&mut lines, norm);
    lines
}

/// The most chars of a running page header or footer.
const RUNNING_HEAD_CHARS: usize = 32;

/// Running page headers and footers: the first text line of a page, or the last, that ends
/// with that page's number (`KL.TW77.DOC 4` at the top of page 4: a printed file's name and
/// page). Page furniture, not the document's text; trusted when two pages agree.
fn mark_running_heads(lines: &mut [Line], norm: &str) {
    let numbered = |l: &Line, page: usize| {
        let t = l.text(norm);
        l.kind == LineKind::Text
            && l.chars <= RUNNING_HEAD_CHARS
            && t.chars().any(char::is_alphabetic)
            && t.rsplit(|c: char| !c.is_ascii_digit()).next() == Some(page.to_string().as_str())
            && !t[..t.len() - page.to_string().len()].ends_with(|c: char| c.is_alphanumeric())
            // `Điều 2` opening page 2 is an article, not furniture.
            && !crate::patterns::marker(t).is_some_and(|m| {
                use crate::model::MarkerKind::*;
                matches!(m.kind, Part | Chapter | Section | Article)
            })
    };
    let text_line = |k: &usize| !lines[*k].is_void() || lines[*k].kind == LineKind::PageBreak;
    let mut found = Vec::new();
    let (mut page, mut i) = (1, 0);
    while i < lines.len() {
        if lines[i].kind != LineKind::PageBreak {
            i += 1;
            continue;
        }
        // One break may be written over several lines (`--- PAGE BREAK ---`, then `2`).
        let before = (0..i).rev().find(text_line);
        let mut j = i + 1;
        while j < lines.len() && (lines[j].is_void() || lines[j].kind == LineKind::PageBreak) {
            j += 1;
        }
        if let Some(b) = before.filter(|&b| numbered(&lines[b], page)) {
            found.push(b);
        }
        page += 1;
        if j < lines.len() && numbered(&lines[j], page) {
            found.push(j);
        }
        i = j;
    }
    if found.len() >= 2 {
        for k in found {
            lines[k].kind = LineKind::PageBreak;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<LineKind> {
        split(s).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn running_page_heads() {
        use LineKind::*;
        let doc = "Đoạn một.\n--- PAGE BREAK ---\nKL.TW77.DOC 2\nĐoạn hai.\n\n--- PAGE BREAK ---\n\n10.KLTW77.DOC. 3\nĐoạn ba.";
        let k = kinds(doc);
        assert_eq!(k[2], PageBreak);
        assert_eq!(k[7], PageBreak);
        // One page alone does not make a running head; nor does an article opening its page.
        let one = "Đoạn một.\n--- PAGE BREAK ---\nKL.TW77.DOC 2\nĐoạn hai.";
        assert_eq!(kinds(one)[2], Text);
        let articles = "Điều 1. A.\n--- PAGE BREAK ---\nĐiều 2\nB.\n--- PAGE BREAK ---\nĐiều 3\nC.";
        assert_eq!(kinds(articles)[2], Text);
        assert_eq!(kinds(articles)[5], Text);
    }

    #[test]
    fn classifies() {
        use LineKind::*;
        assert_eq!(
            kinds("---------------\n\n--- PAGE BREAK ---\n3\n(Đã ký)\nTHƯ VIỆN PHÁP LUẬT\n1. Nội dung\n*\n- 2 -\n1.\nII."),
            vec![Decoration, Blank, PageBreak, PageBreak, Stamp, Chrome, Text, Decoration, PageBreak, Text, Text]
        );
        // Bullets and the closing mark are text.
        assert_eq!(kinds("-\n./.\n+"), vec![Text, Text, Text]);
    }

    #[test]
    fn junk() {
        assert!(is_junk("À A aA x ˆ . kK"));
        assert!(is_junk("a b c d e f"));
        assert!(!is_junk("a b c d e"));
        assert!(!is_junk("a b c d e fgh"));
        assert!(!is_junk("Sở Y tế chủ trì"));
        assert!(!is_junk(""));
    }

    #[test]
    fn spans_are_trimmed() {
        let s = "  Số: 15  \nx";
        let l = &split(s)[0];
        assert_eq!(l.text(s), "Số: 15");
        assert_eq!(l.raw_start, 0);
    }
}
