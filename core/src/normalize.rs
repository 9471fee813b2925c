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

/// `is_nfc_quick(s) != Yes`, answered without the quick check when every char is a starter
/// the quick check passes alone (then it says `Yes`).
fn needs_nfc(s: &str) -> bool {
    let all_stable = s
        .chars()
        .all(|c| nfc_facts(c) & (NFC_YES | STARTER) == NFC_YES | STARTER);
    !all_stable && is_nfc_quick(s.chars()) != IsNormalized::Yes
}

/// Whether char `j` of a line of plain text passes through unchanged: a plain char (in NFC
/// when the input needs NFC, and not followed by a combining mark), or a single space.
fn passes_through(chars: &[(usize, char)], j: usize, needs_nfc: bool) -> bool {
    let c = chars[j].1;
    let next = chars.get(j + 1).map(|x| x.1);
    if c == ' ' {
        return !matches!(next, Some(' ' | '\t'));
    }
    is_plain(c)
        && (!needs_nfc || nfc_facts(c) & NFC_YES != 0 && next.is_none_or(|n| !is_combining_mark(n)))
}

/// A markdown link starting with `[` at char `open`: the char index of its `]` and the index
/// just after its closing `)`, all on one line, within 400 chars.
fn link_extent(chars: &[(usize, char)], open: usize) -> Option<(usize, usize)> {
    let mut k = open + 1;
    let limit = (open + 400).min(chars.len());
    while k < limit && !matches!(chars[k].1, ']' | '\n' | '[') {
        k += 1;
    }
    if k >= limit || chars[k].1 != ']' || chars.get(k + 1).map(|x| x.1) != Some('(') {
        return None;
    }
    let close = k;
    let mut m = k + 2;
    let mut depth = 1;
    while m < limit && chars[m].1 != '\n' {
        match chars[m].1 {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, m + 1));
                }
            }
            _ => {}
        }
        m += 1;
    }
    None
}

/// Normalises `input`. Linear in the input's length.
pub fn normalize(input: &str) -> Normalized {
    let mut stats = Stats::default();
    let needs_nfc = needs_nfc(input);
    let mut b = Builder {
        out: String::with_capacity(input.len()),
        segs: Vec::new(),
    };
    let bytes = input.as_bytes();
    // At most one char per byte: reserved once, never grown.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(input.len());
    chars.extend(input.char_indices());
    let n = chars.len();
    let mut i = 0usize;
    // Whether only spaces were seen since the start of the current line.
    let mut at_line_start = true;
    let mut nfc_buf = String::new();
    // The `](url)` part of a markdown link whose `[` was removed: (start, end) byte offsets.
    let mut link_tail: Option<(usize, usize)> = None;
    while i < n {
        let (off, c) = chars[i];
        match c {
            '\r' => {
                if bytes.get(off + 1) == Some(&b'\n') {
                    b.push_replaced(off, 2, "\n");
                    i += 2;
                } else {
                    b.push_replaced(off, 1, "\n");
                    i += 1;
                }
                at_line_start = true;
                continue;
            }
            '\n' => {
                b.push_linear(off, "\n");
                at_line_start = true;
                i += 1;
                continue;
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => {
                b.push_replaced(off, c.len_utf8(), "\n");
                at_line_start = true;
                i += 1;
                continue;
            }
            '\t' | ' ' => {
                // A run of white space with a tab, or of six spaces or more, between two pieces
                // of text on one line separates two columns (a header laid out with tabs):
                // it becomes a line break.
                let mut j = i;
                let mut tab = false;
                while j < n && matches!(chars[j].1, '\t' | ' ') {
                    tab |= chars[j].1 == '\t';
                    j += 1;
                }
                let run = j - i;
                let end_off = chars.get(j).map_or(input.len(), |x| x.0);
                let text_after = chars.get(j).is_some_and(|x| !matches!(x.1, '\n' | '\r'));
                if !at_line_start && text_after && (tab || run >= 6) {
                    b.push_replaced(off, end_off - off, "\n");
                    at_line_start = true;
                } else {
                    b.push_linear(off, &input[off..end_off]);
                }
                i = j;
                continue;
            }
            _ => {}
        }
        if is_odd_space(c) {
            b.push_replaced(off, c.len_utf8(), " ");
            i += 1;
            continue;
        }
        if is_zero_width(c) {
            b.delete(off, c.len_utf8());
            i += 1;
            continue;
        }
        if c.is_control() {
            stats.control_chars += 1;
            stats.first_control.get_or_insert(off);
            b.delete(off, c.len_utf8());
            i += 1;
            continue;
        }
        if c == '\u{FFFD}' {
            stats.replacement_chars += 1;
            stats.first_replacement.get_or_insert(off);
        }
        // Markdown: backslash escapes.
        if c == '\\' {
            if let Some(&(noff, nc)) = chars.get(i + 1) {
                if nc.is_ascii_punctuation() {
                    b.delete(off, 1);
                    let mut tmp = [0u8; 4];
                    b.push_linear(noff, nc.encode_utf8(&mut tmp));
                    at_line_start = false;
                    i += 2;
                    continue;
                }
            }
        }
        // Markdown: headings at line start.
        if c == '#' && at_line_start {
            let mut j = i;
            while j < n && chars[j].1 == '#' {
                j += 1;
            }
            let end_ok = j >= n || matches!(chars[j].1, ' ' | '\n' | '\r');
            if end_ok {
                let end = if j < n && chars[j].1 == ' ' { j + 1 } else { j };
                let end_off = chars.get(end).map_or(input.len(), |x| x.0);
                b.delete(off, end_off - off);
                i = end;
                continue;
            }
        }
        // Markdown links and images: `[text](url "title")` keeps only its text.
        if c == '[' || c == '!' && chars.get(i + 1).is_some_and(|x| x.1 == '[') {
            let open = if c == '!' { i + 1 } else { i };
            if let Some((close, end)) = link_extent(&chars, open) {
                let close_off = chars[close].0;
                let end_off = chars.get(end).map_or(input.len(), |x| x.0);
                b.delete(off, chars[open].0 + 1 - off);
                link_tail = Some((close_off, end_off));
                i = open + 1;
                continue;
            }
        }
        if let Some((close_off, end_off)) = link_tail {
            if off == close_off {
                b.delete(off, end_off - off);
                link_tail = None;
                i = chars.partition_point(|x| x.0 < end_off);
                continue;
            }
        }
        // Markdown: table pipes become line breaks.
        if c == '|' {
            b.push_replaced(off, 1, "\n");
            at_line_start = true;
            i += 1;
            continue;
        }
        // Markdown: emphasis runs.
        if c == '*' || c == '_' && chars.get(i + 1).is_some_and(|x| x.1 == '_') {
            let mut j = i;
            while j < n && chars[j].1 == c {
                j += 1;
            }
            let run = j - i;
            let end_off = chars.get(j).map_or(input.len(), |x| x.0);
            // The previous base letter (skipping combining marks of NFD text).
            let prev = chars[..i]
                .iter()
                .rev()
                .map(|x| x.1)
                .find(|c| !is_combining_mark(*c));
            let next = chars.get(j).map(|x| x.1);
            if c == '*' && run == 1 && at_line_start {
                // `* item` bullet, or a lone `*` (Party header decoration): keep.
                let line_rest_blank = next.is_none_or(|x| x == '\n' || x == '\r');
                if next == Some(' ') || line_rest_blank {
                    b.push_linear(off, "*");
                    at_line_start = false;
                    i = j;
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
            i = j;
            continue;
        }
        at_line_start = false;
        // NFC per cluster (a base and its combining marks).
        if needs_nfc {
            let mut j = i + 1;
            while j < n && is_combining_mark(chars[j].1) {
                j += 1;
            }
            let end_off = chars.get(j).map_or(input.len(), |x| x.0);
            let cluster = &input[off..end_off];
            // One char alone: the quick check says `Yes` exactly when its own property does.
            if j > i + 1 || nfc_facts(c) & NFC_YES == 0 {
                nfc_buf.clear();
                nfc_buf.extend(cluster.nfc());
                if nfc_buf != cluster {
                    stats.not_nfc = true;
                }
                let s = std::mem::take(&mut nfc_buf);
                b.push_replaced(off, end_off - off, &s);
                nfc_buf = s;
                i = j;
                continue;
            }
        }
        // This char and the plain text after it go through unchanged, at once.
        let mut j = i + 1;
        while j < n && passes_through(&chars, j, needs_nfc) {
            j += 1;
        }
        let end_off = chars.get(j).map_or(input.len(), |x| x.0);
        b.push_linear(off, &input[off..end_off]);
        i = j;
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
            let quick = is_nfc_quick(s.chars()) != IsNormalized::Yes;
            assert_eq!(needs_nfc(s), quick, "{s:?}");
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
