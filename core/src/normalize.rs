//! Stage 1: normalisation. Produces the text every later stage reads (NFC, `\n` line ends, plain
//! spaces, markdown emphasis and table pipes removed) together with a map from every normalised
//! offset back to the input's bytes.
//!
//! Nothing is lost: deleted markup stays inside the spans of whatever surrounds it, and the map
//! lets every span be given in the original input's bytes.

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// One run of the map. In a `linear` run normalised and original bytes correspond one to one;
/// otherwise the whole normalised run comes from the whole original run.
#[derive(Debug, Clone, Copy)]
struct Seg {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
    linear: bool,
}

/// Facts about the input noticed while normalising, turned into diagnostics later.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Some text was not NFC (NFD input or mixed).
    pub not_nfc: bool,
    /// Control characters (other than tab and line ends) were ignored.
    pub control_chars: usize,
    /// First control character's byte offset in the input.
    pub first_control: Option<usize>,
    /// U+FFFD seen.
    pub replacement_chars: usize,
    pub first_replacement: Option<usize>,
}

/// The normalised text and its offset map.
#[derive(Debug)]
pub struct Normalized {
    pub text: String,
    segs: Vec<Seg>,
    input_len: usize,
    pub stats: Stats,
}

impl Normalized {
    /// Maps a normalised offset, taken as the start of a range, to an input byte offset.
    pub fn start(&self, n: usize) -> usize {
        if n >= self.text.len() {
            return self.input_len;
        }
        match self.seg_containing(n) {
            Some(s) if s.linear => s.orig + (n - s.norm),
            Some(s) => s.orig,
            None => self.input_len,
        }
    }

    /// Maps a normalised offset, taken as the (exclusive) end of a range, to an input byte offset.
    pub fn end(&self, n: usize) -> usize {
        if n == 0 {
            return self.segs.first().map_or(0, |s| s.orig);
        }
        match self.seg_containing(n - 1) {
            Some(s) if s.linear => s.orig + (n - s.norm),
            Some(s) => s.orig + s.orig_len,
            None => self.input_len,
        }
    }

    /// Maps a normalised range to an input range.
    pub fn span(&self, start: usize, end: usize) -> crate::model::Span {
        if end <= start {
            let at = self.start(start);
            return crate::model::Span::new(at, at);
        }
        crate::model::Span::new(self.start(start), self.end(end))
    }

    fn seg_containing(&self, n: usize) -> Option<&Seg> {
        // Segments with norm_len 0 (deletions) never contain an offset.
        let idx = self.segs.partition_point(|s| s.norm + s.norm_len <= n);
        self.segs
            .get(idx)
            .filter(|s| s.norm <= n && n < s.norm + s.norm_len)
    }
}

struct Builder {
    out: String,
    segs: Vec<Seg>,
}

impl Builder {
    fn push_linear(&mut self, orig: usize, s: &str) {
        let norm = self.out.len();
        self.out.push_str(s);
        if let Some(last) = self.segs.last_mut() {
            if last.linear && last.norm + last.norm_len == norm && last.orig + last.orig_len == orig
            {
                last.norm_len += s.len();
                last.orig_len += s.len();
                return;
            }
        }
        self.segs.push(Seg {
            norm,
            orig,
            norm_len: s.len(),
            orig_len: s.len(),
            linear: true,
        });
    }

    /// Pushes the run `input[start..end]` unchanged, with the `\n` after it if there is one
    /// (as the main loop would push it next, merged into the same segment); returns where the
    /// input goes on.
    fn push_run(&mut self, start: usize, end: usize, input: &str) -> usize {
        let end = end + usize::from(input.as_bytes().get(end) == Some(&b'\n'));
        self.push_linear(start, &input[start..end]);
        end
    }

    fn push_replaced(&mut self, orig: usize, orig_len: usize, s: &str) {
        if s.len() == orig_len {
            // Same length: the mapping stays linear.
            self.push_linear_mapped(orig, s);
            return;
        }
        let norm = self.out.len();
        self.out.push_str(s);
        self.segs.push(Seg {
            norm,
            orig,
            norm_len: s.len(),
            orig_len,
            linear: false,
        });
    }

    fn push_linear_mapped(&mut self, orig: usize, s: &str) {
        self.push_linear(orig, s);
    }

    fn delete(&mut self, orig: usize, orig_len: usize) {
        let norm = self.out.len();
        self.segs.push(Seg {
            norm,
            orig,
            norm_len: 0,
            orig_len,
            linear: false,
        });
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{1680}'
    )
}

fn is_upper_letter(c: char) -> bool {
    c.is_uppercase()
}

/// A char the main loop passes through unchanged whatever surrounds it: not a line end, white
/// space, odd space, zero-width or control char, U+FFFD (counted), nor markdown syntax
/// (`\\ # [ ! ] | * _`). Runs of them are copied at once.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_graphic()
            && !matches!(c, '\\' | '#' | '[' | '!' | ']' | '|' | '*' | '_');
    }
    !(c.is_control()
        || is_odd_space(c)
        || is_zero_width(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FFFD}'))
}

/// NFC facts of a char: the quick check says `Yes` for it alone.
const NFC_YES: u8 = 1;
/// NFC facts of a char: a starter (canonical combining class 0).
const STARTER: u8 = 2;

/// First char after the low table (ASCII, Latin-1, Latin Extended, IPA, modifiers and the
/// combining diacritics NFD Vietnamese is written with).
const NFC_LOW_END: u32 = 0x370;
/// The Latin Extended Additional block (precomposed Vietnamese letters).
const NFC_VI: std::ops::Range<u32> = 0x1E00..0x1F00;

fn nfc_facts_slow(c: char) -> u8 {
    let mut facts = 0;
    if is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
        facts |= NFC_YES;
    }
    if canonical_combining_class(c) == 0 {
        facts |= STARTER;
    }
    facts
}

type NfcTables = ([u8; NFC_LOW_END as usize], [u8; 0x100]);

/// The NFC facts of a char, from tables built once for the blocks Vietnamese text uses (the
/// quick check's own lookup is a long chain of comparisons).
fn nfc_facts(c: char) -> u8 {
    static TABLES: std::sync::OnceLock<NfcTables> = std::sync::OnceLock::new();
    let u = c as u32;
    if u < 0x80 {
        return NFC_YES | STARTER;
    }
    let (low, vi) = TABLES.get_or_init(|| {
        let mut low = [0u8; NFC_LOW_END as usize];
        for (u, f) in (0..NFC_LOW_END).zip(low.iter_mut()) {
            *f = char::from_u32(u).map_or(0, nfc_facts_slow);
        }
        let mut vi = [0u8; 0x100];
        for (u, f) in NFC_VI.zip(vi.iter_mut()) {
            *f = char::from_u32(u).map_or(0, nfc_facts_slow);
        }
        (low, vi)
    });
    if u < NFC_LOW_END {
        low[u as usize]
    } else if NFC_VI.contains(&u) {
        vi[(u - NFC_VI.start) as usize]
    } else {
        nfc_facts_slow(c)
    }
}

/// The char starting at byte `p` of `s` (`None` at the end or off a char boundary).
fn char_at(s: &str, p: usize) -> Option<char> {
    s.get(p..).and_then(|t| t.chars().next())
}

/// Whether `c` is a starter the NFC quick check passes alone. A text made only of such chars is
/// in NFC (the quick check says `Yes` for it).
fn is_stable(c: char) -> bool {
    let u = c as u32;
    STABLE_BLOCKS.iter().any(|r| r.contains(&u))
        || nfc_facts(c) & (NFC_YES | STARTER) == NFC_YES | STARTER
}

/// Ranges of chars that are all [`is_stable`] (checked by a test), the blocks Vietnamese text
/// uses: ASCII to the spacing modifiers, Latin Extended Additional, general punctuation to
/// the currency signs. Answered without the NFC tables (whose first use builds them).
const STABLE_BLOCKS: [std::ops::RangeInclusive<u32>; 3] =
    [0x0000..=0x02FF, 0x1E00..=0x1EFF, 0x2002..=0x20CF];

/// How the NFC question is answered during a pass of [`normalize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nfc {
    /// Not known yet: the pass assumes the input needs no NFC and gives up at the first char
    /// that is not [`is_stable`] (before it, the input has only stable chars; if none comes,
    /// the quick check would have said `Yes` and the assumption was right).
    Assumed,
    /// The quick check said `Yes`: no NFC.
    No,
    /// The quick check did not say `Yes`: NFC per cluster.
    Needed,
}

/// [`plain_run_end`] met a char that is not [`is_stable`] while [`Nfc::Assumed`].
struct Unstable;

/// How [`plain_run_end`] judges a char by its first byte when no NFC is done.
#[derive(Clone, Copy, PartialEq)]
enum Lead {
    /// ASCII that [`is_plain`] accepts (graphic, not markdown syntax): passes, one byte.
    Ascii,
    /// A space: passes unless a space or tab follows.
    Space,
    /// Lead of U+00C0..U+02FF (Latin-1 letters, Latin Extended A and B, IPA, modifiers;
    /// Vietnamese `à â ă đ ơ ư`): all plain and [`is_stable`]; two bytes.
    Latin,
    /// Lead `E1`; followed by `B8`..`BB` it is U+1E00..U+1EFF, Latin Extended Additional (the
    /// precomposed Vietnamese letters `ạ ế ữ`), all plain and [`is_stable`]; three bytes.
    E1,
    /// Anything else: ASCII that stops a run, or a char decoded and judged by [`is_plain`].
    Other,
}

const LEADS: [Lead; 256] = {
    let mut t = [Lead::Other; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' => Lead::Space,
            b'\\' | b'#' | b'[' | b'!' | b']' | b'|' | b'*' | b'_' => Lead::Other,
            0x21..=0x7E => Lead::Ascii,
            0xC3..=0xCB => Lead::Latin,
            0xE1 => Lead::E1,
            _ => Lead::Other,
        };
        b += 1;
    }
    t
};

/// Bytes a plain char of [`LEADS`] takes that can be skipped by its first byte alone
/// ([`Lead::Ascii`], [`Lead::Latin`]); 0 for the other leads.
const STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match LEADS[b] {
            Lead::Ascii => 1,
            Lead::Latin => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Whether the char at byte `p` is a combining mark (ASCII never is).
fn combining_at(s: &str, p: usize) -> bool {
    s.as_bytes().get(p).is_some_and(|&b| b >= 0x80) && char_at(s, p).is_some_and(is_combining_mark)
}

/// The end of the run of plain chars from byte `p` that [`LEADS`] judges by their bytes, when
/// no NFC is done: one table look-up for most chars. Stops on a char boundary.
fn skip_plain_leads(bytes: &[u8], mut p: usize) -> usize {
    while let Some(&b) = bytes.get(p) {
        let step = STEP[usize::from(b)];
        if step != 0 {
            p += usize::from(step);
            continue;
        }
        match LEADS[usize::from(b)] {
            Lead::Space if !matches!(bytes.get(p + 1), Some(b' ' | b'\t')) => p += 1,
            Lead::E1 if matches!(bytes.get(p + 1), Some(0xB8..=0xBB)) => p += 3,
            _ => break,
        }
    }
    p
}

/// The end of the run of chars from byte `p` on that pass through unchanged: a plain char (in
/// NFC when NFC is needed, and not followed by a combining mark), or a single space.
/// Without NFC most chars are judged by their bytes alone ([`skip_plain_leads`]); other chars
/// are decoded.
fn plain_run_end(s: &str, mut p: usize, nfc: Nfc) -> Result<usize, Unstable> {
    let bytes = s.as_bytes();
    loop {
        if nfc != Nfc::Needed {
            p = skip_plain_leads(bytes, p);
        }
        let Some(&b) = bytes.get(p) else { break };
        let len = if b < 0x80 {
            if b == b' ' {
                if matches!(bytes.get(p + 1), Some(b' ' | b'\t')) {
                    break;
                }
                p += 1;
                continue;
            }
            if LEADS[usize::from(b)] != Lead::Ascii {
                break;
            }
            1
        } else {
            let Some(c) = char_at(s, p) else { break };
            if nfc == Nfc::Assumed && !is_stable(c) {
                return Err(Unstable);
            }
            if !is_plain(c) || nfc == Nfc::Needed && nfc_facts(c) & NFC_YES == 0 {
                break;
            }
            c.len_utf8()
        };
        if nfc == Nfc::Needed && combining_at(s, p + len) {
            break;
        }
        p += len;
    }
    Ok(p)
}

/// A markdown link starting with `[` at byte `open`: the byte offsets of its `]` and just after
/// its closing `)`, all on one line, within 400 chars.
fn link_extent(s: &str, open: usize) -> Option<(usize, usize)> {
    let mut chars = s[open..].char_indices().take(400).skip(1);
    let mut close = None;
    for (o, c) in chars.by_ref() {
        match c {
            ']' => {
                close = Some(open + o);
                break;
            }
            '\n' | '[' => return None,
            _ => {}
        }
    }
    let close = close?;
    if s.as_bytes().get(close + 1) != Some(&b'(') {
        return None;
    }
    // The `(`.
    chars.next();
    let mut depth = 1;
    for (o, c) in chars {
        match c {
            '\n' => return None,
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, open + o + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Normalises `input`. Linear in the input's length.
pub fn normalize(input: &str) -> Normalized {
    // Most inputs have only stable chars: one pass, and the quick check is never run.
    pass(input, Nfc::Assumed)
}

/// The pass that follows one given up (an unstable char was met): the quick check answers the
/// NFC question, and that pass never gives up.
fn again(input: &str) -> Normalized {
    let nfc = if is_nfc_quick(input.chars()) == IsNormalized::Yes {
        Nfc::No
    } else {
        Nfc::Needed
    };
    pass(input, nfc)
}

/// One pass of [`normalize`] (see [`Nfc`]); with [`Nfc::Assumed`] it may hand over to [`again`].
fn pass(input: &str, nfc: Nfc) -> Normalized {
    let mut stats = Stats::default();
    let needs_nfc = nfc == Nfc::Needed;
    let mut b = Builder {
        out: String::with_capacity(input.len()),
        segs: Vec::new(),
    };
    let bytes = input.as_bytes();
    let n = bytes.len();
    // Byte offset of the current char.
    let mut off = 0usize;
    // Whether only spaces were seen since the start of the current line.
    let mut at_line_start = true;
    let mut nfc_buf = String::new();
    // The `](url)` part of a markdown link whose `[` was removed: (start, end) byte offsets.
    let mut link_tail: Option<(usize, usize)> = None;
    while off < n {
        // A char that [`skip_plain_leads`] passes (plain, stable) is none of the cases below:
        // straight to its run, and the line end after it.
        if nfc != Nfc::Needed && STEP[usize::from(bytes[off])] != 0 {
            let Ok(end_off) = plain_run_end(input, off, nfc) else {
                return again(input);
            };
            off = b.push_run(off, end_off, input);
            at_line_start = off > end_off;
            continue;
        }
        let Some(c) = char_at(input, off) else { break };
        if nfc == Nfc::Assumed && !c.is_ascii() && !is_stable(c) {
            return again(input);
        }
        let next_off = off + c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(off + 1) == Some(&b'\n') {
                    b.push_replaced(off, 2, "\n");
                    off += 2;
                } else {
                    b.push_replaced(off, 1, "\n");
                    off += 1;
                }
                at_line_start = true;
                continue;
            }
            '\n' => {
                b.push_linear(off, "\n");
                at_line_start = true;
                off += 1;
                continue;
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                b.push_replaced(off, c.len_utf8(), "\n");
                at_line_start = true;
                off = next_off;
                continue;
            }
            '\t' | ' ' => {
                // A run of white space with a tab, or of six spaces or more, between two pieces
                // of text on one line separates two columns (a header laid out with tabs):
                // it becomes a line break.
                let mut j = off;
                let mut tab = false;
                while j < n && matches!(bytes[j], b'\t' | b' ') {
                    tab |= bytes[j] == b'\t';
                    j += 1;
                }
                let run = j - off;
                let text_after = bytes.get(j).is_some_and(|x| !matches!(x, b'\n' | b'\r'));
                if !at_line_start && text_after && (tab || run >= 6) {
                    b.push_replaced(off, j - off, "\n");
                    at_line_start = true;
                } else {
                    b.push_linear(off, &input[off..j]);
                }
                off = j;
                continue;
            }
            _ => {}
        }
        if is_odd_space(c) {
            b.push_replaced(off, c.len_utf8(), " ");
            off = next_off;
            continue;
        }
        if is_zero_width(c) {
            b.delete(off, c.len_utf8());
            off = next_off;
            continue;
        }
        if c.is_control() {
            stats.control_chars += 1;
            stats.first_control.get_or_insert(off);
            b.delete(off, c.len_utf8());
            off = next_off;
            continue;
        }
        if c == '\u{FFFD}' {
            stats.replacement_chars += 1;
            stats.first_replacement.get_or_insert(off);
        }
        // Markdown: backslash escapes.
        if c == '\\' {
            if let Some(nc) = char_at(input, next_off) {
                if nc.is_ascii_punctuation() {
                    b.delete(off, 1);
                    b.push_linear(next_off, &input[next_off..next_off + 1]);
                    at_line_start = false;
                    off = next_off + 1;
                    continue;
                }
            }
        }
        // Markdown: headings at line start.
        if c == '#' && at_line_start {
            let mut j = off;
            while j < n && bytes[j] == b'#' {
                j += 1;
            }
            let end_ok = j >= n || matches!(bytes[j], b' ' | b'\n' | b'\r');
            if end_ok {
                let end = if j < n && bytes[j] == b' ' { j + 1 } else { j };
                b.delete(off, end - off);
                off = end;
                continue;
            }
        }
        // Markdown links and images: `[text](url "title")` keeps only its text.
        if c == '[' || c == '!' && bytes.get(off + 1) == Some(&b'[') {
            let open = if c == '!' { off + 1 } else { off };
            if let Some((close_off, end_off)) = link_extent(input, open) {
                b.delete(off, open + 1 - off);
                link_tail = Some((close_off, end_off));
                off = open + 1;
                continue;
            }
        }
        if let Some((close_off, end_off)) = link_tail {
            if off == close_off {
                // Deleted unread: its chars are checked here.
                if nfc == Nfc::Assumed && !input[off..end_off].chars().all(is_stable) {
                    return again(input);
                }
                b.delete(off, end_off - off);
                link_tail = None;
                off = end_off;
                continue;
            }
        }
        // Markdown: table pipes become line breaks.
        if c == '|' {
            b.push_replaced(off, 1, "\n");
            at_line_start = true;
            off += 1;
            continue;
        }
        // Markdown: emphasis runs.
        if c == '*' || c == '_' && bytes.get(off + 1) == Some(&b'_') {
            let mark = c as u8;
            let mut j = off;
            while j < n && bytes[j] == mark {
                j += 1;
            }
            let run = j - off;
            let end_off = j;
            // The previous base letter (skipping combining marks of NFD text).
            let prev = input[..off].chars().rev().find(|c| !is_combining_mark(*c));
            let next = char_at(input, j);
            if c == '*' && run == 1 && at_line_start {
                // `* item` bullet, or a lone `*` (Party header decoration): keep.
                let line_rest_blank = next.is_none_or(|x| x == '\n' || x == '\r');
                if next == Some(' ') || line_rest_blank {
                    b.push_linear(off, "*");
                    at_line_start = false;
                    off = j;
                    continue;
                }
            }
            // Bold glued between two capitals (`CHỈ THỊ**CỦA`): a lost line break.
            let glued = run >= 2
                && prev.is_some_and(|p| is_upper_letter(p) || matches!(p, '.' | ')'))
                && next.is_some_and(is_upper_letter);
            if glued {
                b.push_replaced(off, end_off - off, "\n");
                at_line_start = true;
            } else {
                b.delete(off, end_off - off);
            }
            off = j;
            continue;
        }
        at_line_start = false;
        // NFC per cluster (a base and its combining marks).
        if needs_nfc {
            let mut j = next_off;
            while let Some(m) = char_at(input, j).filter(|&m| is_combining_mark(m)) {
                j += m.len_utf8();
            }
            let end_off = j;
            let cluster = &input[off..end_off];
            // One char alone: the quick check says `Yes` exactly when its own property does.
            if j > next_off || nfc_facts(c) & NFC_YES == 0 {
                nfc_buf.clear();
                nfc_buf.extend(cluster.nfc());
                if nfc_buf != cluster {
                    stats.not_nfc = true;
                }
                let s = std::mem::take(&mut nfc_buf);
                b.push_replaced(off, end_off - off, &s);
                nfc_buf = s;
                off = j;
                continue;
            }
        }
        // This char and the plain text after it go through unchanged, at once.
        let Ok(end_off) = plain_run_end(input, next_off, nfc) else {
            return again(input);
        };
        off = b.push_run(off, end_off, input);
        at_line_start = off > end_off;
    }
    Normalized {
        text: b.out,
        segs: b.segs,
        input_len: input.len(),
        stats,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_roundtrip(input: &str) -> Normalized {
        let n = normalize(input);
        // Every normalised char maps back inside the input, on char boundaries, in order.
        let mut last = 0;
        for (o, c) in n.text.char_indices() {
            let s = n.start(o);
            let e = n.end(o + c.len_utf8());
            assert!(s <= e && e <= input.len(), "{o} -> {s}..{e}");
            assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
            assert!(s >= last, "monotone");
            last = s;
        }
        n
    }

    #[test]
    fn identity_for_plain_text() {
        let s = "CHỈ THỊ\nVề việc tăng cường";
        let n = check_roundtrip(s);
        assert_eq!(n.text, s);
        assert_eq!(n.span(0, 4), crate::model::Span::new(0, 4));
    }

    #[test]
    fn nfd_becomes_nfc_with_spans_on_source() {
        let nfc = "Tỉnh ủy";
        let nfd: String = nfc.nfd().collect();
        let n = check_roundtrip(&nfd);
        assert_eq!(n.text, nfc);
        assert!(n.stats.not_nfc);
        let sp = n.span(0, n.text.len());
        assert_eq!(&nfd[sp.start..sp.end], nfd);
        // "ủy" in the normalised text maps to its NFD source.
        let k = n.text.find("ủy").unwrap();
        let sp = n.span(k, n.text.len());
        assert_eq!(nfd[sp.start..sp.end].nfc().collect::<String>(), "ủy");
    }

    #[test]
    fn markdown_removed() {
        let n = check_roundtrip("**I.\nTrách nhiệm**\n*Đắk Lắk, ngày 17*\n(*báo cáo*)");
        assert_eq!(n.text, "I.\nTrách nhiệm\nĐắk Lắk, ngày 17\n(báo cáo)");
    }

    #[test]
    fn glued_bold_is_a_line_break() {
        let n = check_roundtrip("CHỈ THỊ**CỦA BAN THƯỜNG VỤ TỈNH ỦY****Về việc tăng cường**");
        assert_eq!(
            n.text,
            "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nVề việc tăng cường"
        );
        let n = check_roundtrip("Các sở, ban, ngành, địa phương****: **Là các");
        assert_eq!(n.text, "Các sở, ban, ngành, địa phương: Là các");
    }

    #[test]
    fn pipes_spaces_line_ends() {
        let n = check_roundtrip("|\r\nSố:\u{a0}15\r|x\u{200b}y\u{feff}");
        assert_eq!(n.text, "\n\nSố: 15\n\nxy");
        let k = n.text.find("15").unwrap();
        let sp = n.span(k, k + 2);
        assert_eq!(sp.len(), 2);
    }

    #[test]
    fn bullets_and_party_star_kept() {
        let n = check_roundtrip("* một\n*\n## Văn bản liên quan\n\\- hai");
        assert_eq!(n.text, "* một\n*\nVăn bản liên quan\n- hai");
    }

    #[test]
    fn columns_split_on_tabs_and_wide_gaps() {
        let n = check_roundtrip(
            "TỔNG CỤC THUẾ\t   CỘNG HÒA\n\tSố: 1/CT\nNơi nhận:        KT. CỤC TRƯỞNG\na b",
        );
        assert_eq!(
            n.text,
            "TỔNG CỤC THUẾ\nCỘNG HÒA\n\tSố: 1/CT\nNơi nhận:\nKT. CỤC TRƯỞNG\na b"
        );
    }

    #[test]
    fn markdown_links_keep_their_text() {
        let n = check_roundtrip("theo **[mẫu số 05](# \"mẫu 05\")** ban hành; ![ảnh](a.png) [x] y");
        assert_eq!(n.text, "theo mẫu số 05 ban hành; ảnh [x] y");
    }

    #[test]
    fn plain_chars() {
        for c in [
            'a', 'Z', '0', '.', ',', '/', '(', '-', 'Ệ', 'đ', '“', '–', '漢',
        ] {
            assert!(is_plain(c), "{c:?}");
        }
        for c in [
            ' ', '\t', '\n', '\r', '*', '_', '|', '[', ']', '!', '#', '\\', '\u{0}', '\u{7f}',
            '\u{85}', '\u{a0}', '\u{ad}', '\u{200b}', '\u{202f}', '\u{2028}', '\u{2029}',
            '\u{feff}', '\u{fffd}', '\u{3000}',
        ] {
            assert!(!is_plain(c), "{c:?}");
        }
    }

    #[test]
    fn nfc_facts_agree_with_the_quick_check() {
        for c in (0..0x2_0000u32).filter_map(char::from_u32) {
            let yes = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert_eq!(nfc_facts(c) & NFC_YES != 0, yes, "{c:?}");
            let starter = canonical_combining_class(c) == 0;
            assert_eq!(nfc_facts(c) & STARTER != 0, starter, "{c:?}");
        }
        for s in [
            "",
            "plain ASCII",
            "Ủy ban nhân dân tỉnh Đắk Lắk",
            "Tỉnh u\u{309}y",
            "a\u{323}\u{302}",
            "a\u{302}\u{323}",
            "\u{301}leading mark",
            "Ω \u{2126} ohm",
            "한국어 \u{1100}\u{1161}",
            "\u{1E9B}\u{323}",
        ] {
            // Only stable chars: the quick check says `Yes` (what `Nfc::Assumed` relies on).
            if s.chars().all(is_stable) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{s:?}");
            }
        }
    }

    #[test]
    fn stable_blocks_are_stable() {
        for r in STABLE_BLOCKS {
            for c in r.filter_map(char::from_u32) {
                assert_eq!(nfc_facts_slow(c), NFC_YES | STARTER, "{c:?}");
            }
        }
    }

    #[test]
    fn leads_agree_with_the_char_tests() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let fast = match LEADS[usize::from(b[0])] {
                Lead::Ascii | Lead::Latin => true,
                Lead::E1 => matches!(b[1], 0xB8..=0xBB),
                Lead::Space => {
                    assert_eq!(c, ' ');
                    false
                }
                Lead::Other => {
                    assert!(!c.is_ascii() || !is_plain(c) || c == ' ', "{c:?}");
                    false
                }
            };
            if fast {
                assert!(is_plain(c) && is_stable(c), "{c:?}");
            }
        }
    }

    #[test]
    fn assumed_nfc_answers_as_the_quick_check() {
        // NFD marks first met in a plain run, at a run's start, after a link, deleted unread in
        // a link's target; chars the quick check passes although they are not stable.
        for s in [
            "Ủy ban nhân da\u{302}n",
            "Ủy ban \u{301}x",
            "[a](b) Tie\u{302}\u{301}n",
            "[a](e\u{301}) b",
            "[a](e\u{323}) b",
            "x\u{323} **B**",
            "Ω \u{2126} ohm",
            "\u{FFFD}\u{0}\u{a0}a\u{308}",
        ] {
            let quick = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
                Nfc::No
            } else {
                Nfc::Needed
            };
            let exact = format!("{:?}", pass(s, quick));
            assert_eq!(format!("{:?}", normalize(s)), exact, "{s:?}");
        }
    }

    #[test]
    fn plain_runs_keep_clusters_whole() {
        // NFD marks after plain ASCII letters, single and double spaces, markup inside runs.
        let nfd = "Tie\u{302}\u{301}n ha\u{300}nh  nga\u{300}y *x* [a](b) cu\u{309}a";
        let n = check_roundtrip(nfd);
        assert_eq!(n.text, "Tiến hành  ngày x a của");
        assert!(n.stats.not_nfc);
        let k = n.text.find("hành").unwrap();
        let sp = n.span(k, k + "hành".len());
        assert_eq!(&nfd[sp.start..sp.end], "ha\u{300}nh");
        let nfc = "Số 15/CT-TTg ngày 27/3/2020\u{a0}của Thủ tướng\tChính phủ\u{fffd}.";
        let n = check_roundtrip(nfc);
        assert_eq!(
            n.text,
            "Số 15/CT-TTg ngày 27/3/2020 của Thủ tướng\nChính phủ\u{fffd}."
        );
        assert_eq!(n.stats.replacement_chars, 1);
        assert_eq!(
            n.span(0, n.text.len()),
            crate::model::Span::new(0, nfc.len())
        );
    }

    #[test]
    fn control_chars_counted() {
        let n = check_roundtrip("a\u{0}b\u{7}c");
        assert_eq!(n.text, "abc");
        assert_eq!(n.stats.control_chars, 2);
    }
}
