//! Citations inside one paragraph's text: `Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng
//! Chính phủ`, Party forms with a comma before the date, lists sharing one noun and one issuer,
//! documents cited by date only (`Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025`,
//! `Điện ngày 07/3/2020`), short forms (`Chỉ thị 15/CT-TTg`, `Chỉ thị số 15`), anaphora
//! (`Kết luận nêu trên`) and pinpoints (`điểm a khoản 2 Điều 5`).
//!
//! Works on the paragraph's text (NFC) and returns byte ranges into it; the entity stage maps
//! them to input spans. Matching is done on the folded text (one ASCII byte per char).

use crate::symbols::{self, SymbolParts};
use crate::tables;
use crate::text::Folded;

/// How a mention refers to its document (`CitationMention.form` in the model).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// Carries a symbol or a date of its own.
    Full,
    /// `Chỉ thị số 15`: a number without the symbol.
    Number,
    /// `Kết luận nêu trên`, `Chỉ thị trên`.
    Anaphora,
}

/// One mention of a document in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: Option<&'static str>,
    pub symbol: Option<String>,
    pub parts: Option<SymbolParts>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    /// `điểm a khoản 2 Điều 5` before the noun.
    pub pinpoint: Option<String>,
    /// Number of a short form (`Chỉ thị số 15` → `15`).
    pub number: Option<String>,
    pub how: MentionKind,
    /// Byte range of the mention in the text.
    pub start: usize,
    pub end: usize,
}

struct Cx<'a> {
    text: &'a str,
    /// The folded text: ASCII, so every byte offset is a char boundary (no re-validation).
    fs: &'a str,
    f: &'a [u8],
    fv: &'a Folded,
}

impl Cx<'_> {
    fn src(&self, i: usize) -> usize {
        self.fv.src(i)
    }
    /// Char `i` of the text (`i` below the folded length), decoded where it stands.
    fn ch(&self, i: usize) -> char {
        let at = self.fv.offsets[i];
        match self.text.as_bytes()[at] {
            b if b.is_ascii() => char::from(b),
            _ => self.text[at..].chars().next().unwrap_or('\0'),
        }
    }
    /// Char `i` of the text, if there is one.
    fn ch_get(&self, i: usize) -> Option<char> {
        (i < self.f.len()).then(|| self.ch(i))
    }
    /// Whether char `i` is upper case (decoded from the text where it stands).
    fn is_upper(&self, i: usize) -> bool {
        i < self.f.len() && crate::text::is_upper(self.ch(i))
    }
    fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.f[i - 1].is_ascii_alphanumeric()
    }
    fn starts_with_at(&self, i: usize, s: &str) -> bool {
        self.f.len() >= i + s.len()
            && &self.f[i..i + s.len()] == s.as_bytes()
            && (i + s.len() == self.f.len() || !self.f[i + s.len()].is_ascii_alphanumeric())
    }
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.f.len() && self.f[i] == b' ' {
            i += 1;
        }
        i
    }
}

fn is_sym_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '–' | '⁄' | '&')
}

/// Symbols in the text: (char start, char end, symbol string).
fn find_symbols(cx: &Cx) -> Vec<(usize, usize, String)> {
    let n = cx.f.len();
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < n {
        // `/`, `⁄` and `-` fold to `/`, `~` and `-`: other bytes are passed over undecoded.
        if !matches!(cx.f[i], b'/' | b'~' | b'-') {
            i += 1;
            continue;
        }
        let slash = matches!(cx.ch(i), '/' | '⁄');
        let party_dash = cx.ch(i) == '-' && i > 0 && cx.ch(i - 1).is_ascii_digit();
        if !(slash || party_dash) {
            i += 1;
            continue;
        }
        // `219 / 2013 / TT - BTC`: a symbol whose separators a tokenizer spaced out.
        if slash {
            if let Some((a, b, tok)) = spaced_symbol(cx, i) {
                if out.last().is_none_or(|l| l.1 <= a) {
                    out.push((a, b, tok));
                    i = b;
                    continue;
                }
            }
        }
        let mut a = i;
        while a > 0 && is_sym_char(cx.ch(a - 1)) {
            a -= 1;
        }
        let mut b = i;
        loop {
            while b < n && is_sym_char(cx.ch(b)) {
                b += 1;
            }
            // `89/QD-` / `BTC`: a symbol broken after its hyphen by a line wrap.
            // Also `135/2020/NĐ -CP` and `28/2020/TT- -BCA` (a space beside the hyphen).
            let broken = b > i
                && b + 1 < n
                && cx.ch(b) == ' '
                && (matches!(cx.ch(b - 1), '-' | '/')
                    && (cx.ch(b + 1).is_uppercase() || cx.ch(b + 1) == '-')
                    || cx.ch(b - 1).is_uppercase()
                        && cx.ch(b + 1) == '-'
                        && cx.ch_get(b + 2).is_some_and(|c| c.is_uppercase()));
            if !broken {
                break;
            }
            b += 1;
        }
        while b > a && matches!(cx.ch(b - 1), '.' | '-' | '/' | '–') {
            b -= 1;
        }
        // A number left blank for the hand (`Công văn số /BYT-DP`, in drafts and templates).
        if a == i && blank_number_before(cx, i) {
            let tok: String = (a..b).map(|k| cx.ch(k)).filter(|c| *c != ' ').collect();
            if symbols::parse(&tok).is_some_and(|p| codes_valid(&p)) {
                out.push((a, b, tok));
                i = b;
                continue;
            }
        }
        // Leading junk (`(`, dots) is outside the char set; a symbol starts with its number.
        let word = a;
        while a < b && !cx.ch(a).is_ascii_digit() {
            a += 1;
        }
        // A number glued to a code in capitals (`IDA01/EDA01`) is a form's code, not a number.
        if a > word && cx.ch(a - 1).is_ascii_uppercase() {
            i = b.max(i + 1);
            continue;
        }
        let tok: String = (a..b).map(|k| cx.ch(k)).filter(|c| *c != ' ').collect();
        if a < b && valid_symbol(&tok) && out.last().is_none_or(|l| l.1 <= a) {
            out.push((a, b, tok));
            i = b;
            continue;
        }
        i = b.max(i + 1);
    }
    out
}

/// A symbol written with a space on each side of its separators, as tokenised text has them
/// (`219 / 2013 / TT - BTC`, `453 / TB - VPCP`), at the slash at char `i` after its number:
/// (char start, char end, the symbol without the spaces).
fn spaced_symbol(cx: &Cx, i: usize) -> Option<(usize, usize, String)> {
    let n = cx.f.len();
    let spaced_sep = |k: usize| {
        k >= 1
            && k + 1 < n
            && matches!(cx.ch(k), '/' | '-')
            && cx.ch(k - 1) == ' '
            && cx.ch(k + 1) == ' '
    };
    if !spaced_sep(i) {
        return None;
    }
    let mut a = i - 1;
    while a > 0 && cx.ch(a - 1).is_ascii_digit() {
        a -= 1;
    }
    if a == i - 1 || a > 0 && cx.ch(a - 1).is_alphanumeric() {
        return None;
    }
    let mut tok: String = (a..i - 1).map(|k| cx.ch(k)).collect();
    let (mut k, mut b) = (i, i);
    while spaced_sep(k) {
        let start = k + 2;
        let mut e = start;
        while e < n && (cx.ch(e).is_alphanumeric() || cx.ch(e) == '&') {
            e += 1;
        }
        if e == start {
            break;
        }
        tok.push(cx.ch(k));
        tok.extend((start..e).map(|m| cx.ch(m)));
        b = e;
        k = e + 1;
    }
    (b > i && valid_symbol(&tok)).then_some((a, b, tok))
}

/// Whether `số` (or `số:`) stands right before char `i`, with white space between.
fn blank_number_before(cx: &Cx, i: usize) -> bool {
    let before = cx.fs[i.saturating_sub(8)..i].trim_end();
    let before = before.strip_suffix(':').unwrap_or(before);
    before.len() < cx.fs[i.saturating_sub(8)..i].len()
        && before.ends_with("so")
        && before[..before.len() - 2]
            .bytes()
            .last()
            .is_none_or(|b| !b.is_ascii_alphanumeric())
}

/// A symbol: a number, then codes with capitals (`15/CT-TTg`, `30/2020/NĐ-CP`, `15-CT/TU`,
/// `59/2020/QH14`); not a date (`27/3/2020`) nor a ratio (`24/7`).
fn valid_symbol(tok: &str) -> bool {
    // Joint circulars of five ministries run long (`01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC`).
    if !tok.chars().next().is_some_and(|c| c.is_ascii_digit()) || tok.len() > 64 {
        return false;
    }
    if !tok.contains('/') {
        return false;
    }
    symbols::parse(tok).is_some_and(|p| codes_valid(&p))
}

/// The codes of a symbol: at least one, each starting with a capital, none a bare number.
fn codes_valid(p: &SymbolParts) -> bool {
    let codes: Vec<&String> = p.type_code.iter().chain(p.issuer_codes.iter()).collect();
    !codes.is_empty()
        && codes
            .iter()
            .all(|c| c.chars().next().is_some_and(|ch| ch.is_uppercase()))
        && codes
            .iter()
            .any(|c| c.chars().filter(|ch| ch.is_uppercase()).count() >= 1)
        && !codes
            .iter()
            .any(|c| c.chars().all(|ch| ch.is_ascii_digit()))
}

/// The nearest document-type noun before char `end` within `max_words` words, preferring a
/// capitalised one; returns (kind, char start of the noun, end of the noun).
fn noun_before(
    cx: &Cx,
    end: usize,
    floor: usize,
    max_words: usize,
    numbered: bool,
) -> Option<(&'static str, usize, usize)> {
    let mut words = 0;
    let mut i = end;
    let mut lower: Option<(&'static str, usize, usize)> = None;
    let mut capital_object: Option<(&'static str, usize, usize)> = None;
    // The noun right before the number names what it numbers, in any case (`Chương trình
    // công tác ... thông báo tại công văn số 6068/VPCP-KTTH`), unless it ends a longer name
    // (`Công điện`).
    let mut adjacent: Option<(&'static str, usize, usize)> = None;
    while i > floor && words < max_words {
        i -= 1;
        let c = cx.f[i];
        if matches!(c, b'.' | b';' | b':' | b'(' | b')' | b'"' | b'\n') {
            break;
        }
        // A comma ends the phrase, except in the fixed `sửa đổi, bổ sung` of amending laws.
        if c == b',' && words > 0 && !cx.fs[i + 1..].starts_with(" bo sung") {
            break;
        }
        if c == b' ' {
            words += 1;
            continue;
        }
        if !cx.word_start(i) {
            continue;
        }
        let rest = &cx.fs[i..end];
        if let Some((dt, len)) = tables::kind_of_name_prefix(rest).filter(|_| !after_organ(cx, i)) {
            // `Luật sửa đổi ... của Bộ luật Hình sự ngày ...`: a noun after `của` is the object
            // of an earlier document's name; that earlier noun is the one cited.
            let after_cua = cx.fs[floor.max(i.saturating_sub(4))..i].ends_with("cua ");
            if cx.is_upper(i) && !after_cua {
                return match adjacent {
                    Some(a) if a.2 != i + len => Some(a),
                    _ => Some((dt.kind, i, i + len)),
                };
            }
            if after_cua && cx.is_upper(i) {
                capital_object.get_or_insert((dt.kind, i, i + len));
            } else if numbered
                && adjacent.is_none_or(|a| a.2 == i + len)
                && cx.fs[i + len..end].trim().is_empty()
            {
                adjacent = Some((dt.kind, i, i + len));
                lower.get_or_insert((dt.kind, i, i + len));
            } else {
                lower.get_or_insert((dt.kind, i, i + len));
            }
        }
    }
    adjacent.or(capital_object).or(lower)
}

/// Whether the word before char `i` heads a body's name that takes a type's name (`Bộ Kế hoạch
/// và Đầu tư`, `Phòng Tài chính - Kế hoạch`): see [`tables::ORGAN_HEADS`].
fn after_organ(cx: &Cx, i: usize) -> bool {
    let before = cx.text[cx.src(i.saturating_sub(12))..cx.src(i)]
        .trim_end()
        .to_lowercase();
    tables::ORGAN_HEADS.iter().any(|h| {
        before.ends_with(h)
            && before[..before.len() - h.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `điểm a khoản 2 Điều 5` ending right before char `at`.
fn pinpoint_before(cx: &Cx, at: usize) -> Option<(usize, String)> {
    // A window of 80 chars before the noun (keeps the scan linear in long paragraphs).
    let lo = at.saturating_sub(80);
    let before_w = &cx.fs[lo..at].trim_end();
    let before = before_w;
    let words: Vec<&str> = before.split(' ').collect();
    let mut k = words.len();
    let mut took = 0;
    while k >= 2 {
        let w = words[k - 2].trim_end_matches(',');
        if matches!(
            w,
            "diem" | "khoan" | "dieu" | "muc" | "chuong" | "phan" | "phu luc"
        ) && words[k - 1].len() <= 4
        {
            k -= 2;
            took += 2;
        } else {
            break;
        }
    }
    if took == 0 {
        return None;
    }
    let start_words: usize = words[..k].iter().map(|w| w.len() + 1).sum();
    let s = lo + start_words.min(before.len());
    Some((s, cx.text[cx.src(s)..cx.src(lo + before.len())].to_string()))
}

/// Parses a date at char `i`: `27/3/2020`, `27-3-2020`, `27.3.2020`, `27 tháng 3 năm 2020`.
/// Returns (ISO, end char).
pub fn date_at(fs: &str, i: usize) -> Option<(String, usize)> {
    let f = fs.as_bytes();
    let num = |mut j: usize, max: usize| -> Option<(u32, usize)> {
        let s = j;
        while j < f.len() && f[j].is_ascii_digit() && j - s < max {
            j += 1;
        }
        if j == s || j < f.len() && f[j].is_ascii_digit() {
            return None;
        }
        fs[s..j].parse().ok().map(|v| (v, j))
    };
    let (d, j) = num(i, 2)?;
    // Numeric forms.
    if j < f.len() && matches!(f[j], b'/' | b'-' | b'.') {
        let sep = f[j];
        let (m, k) = num(j + 1, 2)?;
        if k < f.len() && f[k] == sep {
            let (y, e) = num(k + 1, 4)?;
            if y >= 1900 {
                return crate::dates::iso(y as i32, m, d).map(|s| (s, e));
            }
        }
        return None;
    }
    // `27 tháng 3 năm 2020` (looked for within a short window).
    let rest = &fs[j..(j + 32).min(fs.len())];
    let r = rest.strip_prefix(' ')?.trim_start();
    let r = r.strip_prefix("thang")?.trim_start();
    let moff = j + rest.len() - r.len();
    let (m, k) = num(moff, 2)?;
    let rest2 = &fs[k..(k + 16).min(fs.len())];
    let r2 = rest2.trim_start().strip_prefix("nam")?.trim_start();
    let yoff = k + rest2.len() - r2.len();
    let (y, e) = num(yoff, 4)?;
    crate::dates::iso(y as i32, m, d).map(|s| (s, e))
}

/// `ngày <date>` (optionally after `, ` or `ban hành`) starting at char `i`.
fn date_after(cx: &Cx, i: usize) -> Option<(String, usize)> {
    let mut j = i;
    while j < cx.f.len() && matches!(cx.f[j], b' ' | b',') {
        j += 1;
    }
    if cx.starts_with_at(j, "ban hanh") {
        j = cx.skip_ws(j + "ban hanh".len());
    }
    if !cx.starts_with_at(j, "ngay") {
        // OCR lost `ngày` (`Nghị quyết số 01/2019/NQ-CP 01/01/2019`): a full date in figures
        // right after the symbol is still its date.
        let numeric = cx.f.get(j).is_some_and(u8::is_ascii_digit)
            && cx.fs[j..(j + 6).min(cx.fs.len())].contains('/');
        return if numeric && j > i {
            date_at(cx.fs, j)
        } else {
            None
        };
    }
    let k = cx.skip_ws(j + 4);
    date_at(cx.fs, k)
}

/// `ngày /9/2020`, `ngày    tháng 9 năm 2020`: a date left blank for the hand (drafts, templates)
/// at char `i`; its end, so that the issuer after it is still read.
fn blank_date_end(cx: &Cx, i: usize) -> Option<usize> {
    let j = cx.skip_ws(i);
    if !cx.starts_with_at(j, "ngay") {
        return None;
    }
    let mut k = j + 4;
    let lim = (k + 40).min(cx.f.len());
    let mut end = None;
    while k < lim {
        let rest = &cx.fs[k..];
        if rest.starts_with("thang") || rest.starts_with("nam ") {
            k += if rest.starts_with("thang") { 5 } else { 3 };
        } else if matches!(cx.f[k], b'0'..=b'9' | b'/' | b'.' | b'-' | b' ' | b'_') {
            if cx.f[k] != b' ' {
                end = Some(k + 1);
            }
            k += 1;
        } else {
            break;
        }
    }
    // Blank: a part is missing, so no date was read there.
    end.filter(|&e| cx.fs[j + 4..e].contains(['/', '_']) || cx.fs[j + 4..e].contains("nam"))
}

/// `của <body>` at char `i`: the issuing body, up to a stop word or punctuation.
/// A joint document (`joint`, [`tables::JOINT_TYPE_CODES`]) names all its issuers, with commas.
fn issuer_after(cx: &Cx, i: usize, joint: bool) -> Option<(String, usize)> {
    let mut j = i;
    while j < cx.f.len() && matches!(cx.f[j], b' ' | b',') {
        j += 1;
    }
    if !cx.starts_with_at(j, "cua") {
        return None;
    }
    let s = cx.skip_ws(j + 3);
    let end = if joint {
        joint_names(cx, s)
    } else {
        body_name(cx, s)
    };
    (end > s)
        .then(|| (cx.text[cx.src(s)..cx.src(end)].to_string(), end))
        .filter(|(n, _)| n.chars().next().is_some_and(char::is_uppercase))
}

/// [`tables::CITATION_ISSUER_STOPS`] folded, computed once.
fn folded_stops() -> &'static [String] {
    static STOPS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    STOPS.get_or_init(|| {
        tables::CITATION_ISSUER_STOPS
            .iter()
            .map(|s| crate::text::fold(s))
            .collect()
    })
}

/// Whether a stop word starts at char `i`. In a name written in capitals the stop words are
/// capitals too (`... VỀ ...`) and are compared folded; elsewhere as written (`tại` ends a name,
/// `Tài chính` does not), except stops of two words, which OCR's lost tone marks do not make
/// ambiguous (`sửa đối`).
fn stop_at(cx: &Cx, i: usize, caps: bool) -> bool {
    let rf = &cx.fs[i..];
    let rest_src = &cx.text[cx.src(i)..];
    tables::CITATION_ISSUER_STOPS
        .iter()
        .zip(folded_stops())
        .any(|(st, fs)| {
            // `số` opens a number (`... số 15`), not a word of a name (`chuyển đổi số`).
            if fs == "so"
                && rf.starts_with("so")
                && !rf[2..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit() || c == ':')
            {
                return false;
            }
            let folded_match = rf.starts_with(fs.as_str())
                && rf[fs.len()..]
                    .bytes()
                    .next()
                    .is_none_or(|ch| !ch.is_ascii_alphanumeric());
            if caps || st.contains(' ') {
                folded_match && (caps || !cx.is_upper(i))
            } else {
                folded_match
                    && rest_src.starts_with(st)
                    && rest_src[st.len()..]
                        .chars()
                        .next()
                        .is_none_or(|ch| !ch.is_alphanumeric())
            }
        })
}

/// Whether the name at char `s` is a body named by its matter ([`tables::NAMED_BY_TOPIC`]) whose
/// head ends at char `k`: `về` at `k + 1` goes on into the name.
fn topic_head_ends(cx: &Cx, s: usize, k: usize) -> bool {
    let mut name = &cx.fs[s..k];
    for t in tables::TOPIC_BODY_TITLES {
        if let Some(r) = name.strip_prefix(t) {
            name = r;
            break;
        }
    }
    tables::NAMED_BY_TOPIC.contains(&name)
        && cx.starts_with_at(k + 1, "ve")
        && !cx.fs[k + 1..].starts_with("ve viec")
}

/// Inside the matter of a body named by it, whether the comma at char `k` separates the items of a
/// list closed by `và` (`về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số`).
fn topic_list_goes_on(cx: &Cx, k: usize) -> bool {
    let ahead = &cx.fs[k + 1..(k + 160).min(cx.fs.len())];
    let ahead = &ahead[..ahead.find(['.', ';', ':', '(', ')']).unwrap_or(ahead.len())];
    !ahead.trim_start().starts_with("cac ") && ahead.contains(" va ")
}

/// Where the name ending at char `e` is the first of two bodies that issue jointly
/// ([`tables::JOINT_ISSUERS`]) and the second follows the comma at char `k` (`Bộ Chính trị, Ban
/// Bí thư`), closing the name: the end of the second.
fn joint_issuer_end(cx: &Cx, s: usize, e: usize, k: usize) -> Option<usize> {
    let name = &cx.fs[s..e];
    let j = cx.skip_ws(k + 1);
    let (_, second) = tables::JOINT_ISSUERS
        .iter()
        .find(|(first, second)| name.ends_with(first) && cx.starts_with_at(j, second))?;
    let end = j + second.len();
    let next = cx.skip_ws(end);
    (next >= cx.f.len()
        || matches!(cx.f[next], b';' | b'.' | b',' | b')' | b':')
        || cx.starts_with_at(next, "ve"))
    .then_some(end)
}

/// The extent of the names of a joint document's issuers starting at char `s` (`Bộ trưởng Bộ Công
/// an, Bộ trưởng Bộ Quốc phòng, ... và Viện trưởng Viện Kiểm sát nhân dân tối cao`): bodies'
/// names joined by commas.
fn joint_names(cx: &Cx, s: usize) -> usize {
    let mut e = body_name(cx, s);
    for _ in 0..12 {
        if e <= s || cx.f.get(e) != Some(&b',') {
            break;
        }
        let next = cx.skip_ws(e + 1);
        if !cx.is_upper(next) || tables::kind_of_name_prefix(&cx.fs[next..]).is_some() {
            break;
        }
        let e2 = body_name(cx, next);
        if e2 <= next {
            break;
        }
        e = e2;
    }
    e
}

/// The extent of a body's name starting at char `s`: up to punctuation, a lower-case stop word,
/// `và` before a lower-case word, or another citation's noun. A body named by its matter takes
/// its `về ...` (see [`tables::NAMED_BY_TOPIC`]); two bodies that issue jointly are one name.
fn body_name(cx: &Cx, s: usize) -> usize {
    let caps = crate::text::is_caps(&cx.text[cx.src(s)..cx.src((s + 40).min(cx.f.len()))]);
    let mut e = s;
    let mut k = s;
    let mut words = 0;
    // Inside the `về ...` of a body named by its matter; `và` seen there.
    let mut topic = false;
    let mut topic_and = false;
    while k < cx.f.len() && words < if topic { 30 } else { 14 } {
        let c = cx.f[k];
        if c == b',' {
            if topic && !topic_and && topic_list_goes_on(cx, k) {
                k += 1;
                continue;
            }
            if let Some(j) = joint_issuer_end(cx, s, e, k) {
                k = j;
                e = j;
                continue;
            }
            break;
        }
        if matches!(c, b';' | b'.' | b':' | b'(' | b')' | b'"' | b'\'' | b'[') {
            break;
        }
        if c == b' ' {
            words += 1;
            let nxt = k + 1;
            if !topic && topic_head_ends(cx, s, k) {
                topic = true;
                k += 1;
                continue;
            }
            if stop_at(cx, nxt, caps) {
                break;
            }
            let rest = &cx.fs[nxt..];
            if topic {
                // The matter is written in lower case: `và` there joins its items.
                topic_and |= rest.starts_with("va ");
                if cx.is_upper(nxt) && tables::kind_of_name_prefix(rest).is_some() {
                    break;
                }
                k += 1;
                continue;
            }
            // `và` joins two bodies (`Bộ Tài chính và Bộ Công an`), not a clause.
            // (`và Điều 28`, `và các ...`: a clause or a pinpoint, not a body.)
            if let Some(after) = rest.strip_prefix("va ") {
                let pinpoint = ["dieu ", "khoan ", "diem ", "muc ", "chuong ", "phu luc"]
                    .iter()
                    .any(|p| after.starts_with(p));
                if !cx.is_upper(nxt + 3) || pinpoint || tables::kind_of_name_prefix(after).is_some()
                {
                    break;
                }
                // The second body's name has words of its own.
                words = 0;
            }
            // Another citation's noun starts (`... và Nghị định số`), not a body's word
            // (`Bộ Kế hoạch và Đầu tư`).
            if cx.is_upper(nxt)
                && tables::kind_of_name_prefix(rest).is_some()
                && !after_organ(cx, nxt)
            {
                break;
            }
            k += 1;
            continue;
        }
        k += 1;
        e = k;
    }
    // No trailing connector.
    let name = &cx.fs[s..e];
    for w in [" va", " cua", " voi"] {
        if name.ends_with(w) {
            return e - w.len();
        }
    }
    e
}

/// `(ý kiến chỉ đạo) của <body> tại` right before char `at` (the noun): the issuer named
/// before the citation (`Thực hiện chỉ đạo của UBND thành phố tại Công văn số ...`).
/// (`tại các văn bản số ...`; bodies listed with commas: `của Cục Quản lý môi trường y tế, Bộ Y
/// tế tại Công văn số ...`.)
fn issuer_before(cx: &Cx, at: usize) -> Option<String> {
    let lo = at.saturating_sub(120);
    let before = cx.fs[lo..at].trim_end();
    let before = before.strip_suffix(" cac").unwrap_or(before).trim_end();
    let before = before.strip_suffix("tai")?.trim_end();
    let k = lo + before.rfind(" cua ")? + 5;
    let end = lo + before.len();
    // Each body of the list runs to its end; only commas stand between them.
    let mut s = k;
    loop {
        let e = body_name(cx, s);
        if e >= end && e > s {
            break;
        }
        if e <= s || cx.f.get(e) != Some(&b',') {
            return None;
        }
        s = cx.skip_ws(e + 1);
        if !cx.is_upper(s) {
            return None;
        }
    }
    Some(cx.text[cx.src(k)..cx.src(end)].trim().to_string())
        .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// `Ngày 26/3/2020, Ban Thường vụ Tỉnh ủy đã ban hành Kết luận số ...`: the body that issued the
/// document whose noun starts at char `at` (named before an issuing verb,
/// [`tables::ISSUING_VERBS`]), and the date that opens the clause. Either may be missing.
fn issued_before(cx: &Cx, at: usize) -> (Option<String>, Option<String>) {
    let lo = at.saturating_sub(160);
    let before = cx.fs[lo..at].trim_end();
    let Some(verb) = tables::ISSUING_VERBS.iter().find(|v| {
        before.ends_with(*v)
            && before[..before.len() - v.len()]
                .bytes()
                .last()
                .is_some_and(|b| b == b' ')
    }) else {
        return (None, None);
    };
    let subj = before[..before.len() - verb.len()].trim_end();
    let subj_end = lo + subj.len();
    let clause = subj.rfind([',', '.', ';', ':']).map(|p| p + 1);
    if clause.is_none() && lo > 0 {
        return (None, None);
    }
    let cs = cx.skip_ws(lo + clause.unwrap_or(0));
    if cs >= subj_end {
        return (None, None);
    }
    // `Ngày <date> [tại kỳ họp thứ 8] Quốc hội đã thông qua ...`: the clause opens with its
    // date, the body is the name that runs to the verb.
    let dated = cx.starts_with_at(cs, "ngay");
    let (s, opening_date) = if !dated && cx.is_upper(cs) && body_name(cx, cs) >= subj_end {
        (cs, None)
    } else {
        let Some((iso, dend)) = dated.then(|| date_at(cx.fs, cx.skip_ws(cs + 4))).flatten() else {
            return (None, None);
        };
        let Some(s) = (dend..subj_end)
            .filter(|&k| cx.word_start(k) && cx.is_upper(k))
            .find(|&k| body_name(cx, k) >= subj_end)
        else {
            return (None, None);
        };
        // What stands between the date and the body is a short place or occasion.
        if s - dend > 48 {
            return (None, None);
        }
        (s, Some(iso))
    };
    let issuer = crate::text::squash_spaces(&cx.text[cx.src(s)..cx.src(subj_end)]);
    // `Ngày <date>,` before the body.
    let date = opening_date.or_else(|| {
        clause
            .filter(|c| subj.as_bytes()[c - 1] == b',')
            .and_then(|c| {
                let head = cx.fs[..lo + c - 1].trim_end();
                let k = head.len().saturating_sub(30)
                    + head[head.len().saturating_sub(30)..].rfind("ngay ")?;
                let (iso, end) = date_at(cx.fs, cx.skip_ws(k + 4))?;
                (cx.word_start(k) && end == head.len()).then_some(iso)
            })
    });
    (Some(issuer), date)
}

/// Finds the mentions of documents in one text.
/// The name a cited document is known by, before its number or date: `Luật Tổ chức Chính phủ`
/// of `Luật Tổ chức Chính phủ số 76/2015/QH13`, `Luật Hải quan` of `Luật Hải quan ngày
/// 23/6/2014`. `None` when the text names only its type (`Nghị định số 30/2020/NĐ-CP`).
pub fn name_of(text: &str) -> Option<String> {
    let mut end = text.find([';', '(', ':']).unwrap_or(text.len());
    let has_digit = |w: &str| w.contains(|c: char| c.is_ascii_digit());
    let mut words = Vec::new();
    let mut at = 0;
    for w in text[..end].split_whitespace() {
        let i = at + text[at..].find(w).unwrap_or(0);
        at = i + w.len();
        words.push((i, w));
    }
    for (k, &(i, w)) in words.iter().enumerate() {
        let f = crate::text::fold(w.trim_end_matches(','));
        let before_number = tables::CITATION_NUMBER_WORDS.contains(&f.as_str())
            && words.get(k + 1).is_some_and(|&(_, next)| has_digit(next));
        if has_digit(w) || before_number || tables::CITATION_NAME_STOPS.contains(&f.as_str()) {
            end = i;
            break;
        }
    }
    let name = text[..end].trim_end_matches(|c: char| c.is_whitespace() || c == '-' || c == ',');
    let folded = crate::text::fold(name);
    let typed = !tables::DOC_TYPES.iter().any(|t| folded == t.name)
        && tables::DOC_TYPES.iter().any(|t| {
            folded.len() > t.name.len() + 1
                && folded.starts_with(t.name)
                && folded.as_bytes()[t.name.len()] == b' '
        });
    typed.then(|| name.to_string())
}

pub fn mentions(text: &str) -> Vec<Mention> {
    mentions_in(text, &Folded::new(text))
}

/// [`mentions`] with the text already folded (`fv`).
pub fn mentions_in(text: &str, fv: &Folded) -> Vec<Mention> {
    let cx = Cx {
        text,
        fs: fv.text.as_str(),
        f: fv.text.as_bytes(),
        fv,
    };
    let mut out: Vec<Mention> = Vec::new();
    let mut consumed_to = 0usize; // char index up to which text belongs to a mention
    let syms = find_symbols(&cx);
    // `joined[k]`: mention k continues the run of mention k - 1.
    let mut joined: Vec<bool> = Vec::new();
    // The issuer named before the current run's first member (`của X tại ...`).
    let mut run_issuer: Option<String> = None;
    // The current run lists forms' codes (`mẫu số 29/DSCT/GSQL và 30/DSHH/GSQL`).
    let mut form_run = false;
    for (a, b, tok) in &syms {
        let (a, b) = (*a, *b);
        // Backwards: `số` and the noun.
        let mut head = a;
        let lo = a.saturating_sub(8);
        let before_w = &cx.fs[lo..a].trim_end();
        let mut has_so = false;
        for so in ["so:", "so"] {
            let bl = lo + before_w.len();
            if before_w.ends_with(so)
                && (bl == so.len() || !cx.f[bl - so.len() - 1].is_ascii_alphanumeric())
            {
                head = bl - so.len();
                has_so = true;
                break;
            }
        }
        let floor = consumed_to;
        let noun = noun_before(&cx, head, floor, 14, true);
        let type_code = symbols::parse(tok).and_then(|p| p.type_code);
        let code_kind = type_code.as_deref().and_then(tables::kind_of_type_code);
        // A list continuation: `..., số 02-KL/BCĐ` right after the previous mention (or
        // `..., 8008/BNNMT-ĐCKS ngày ...` without its `số`).
        let gap = &cx.fs[floor.min(head)..head];
        let continues_list = !out.is_empty()
            && noun.is_none_or(|(_, ns, _)| ns < floor)
            && joins_run(gap)
            && (has_so || gap.trim() != "");
        // `mẫu số 06/PGKQKT/GSQL` (and the codes listed after it): a form's code, not a document.
        let before_so = cx.fs[head.saturating_sub(12)..head].trim_end();
        let form_code = has_so
            && (before_so.ends_with(" mau")
                || before_so.ends_with("bieu mau")
                || before_so == "mau");
        if form_code || form_run && noun.is_none_or(|(_, ns, _)| ns < floor) && joins_run(gap) {
            form_run = true;
            consumed_to = b;
            continue;
        }
        form_run = false;
        let (kind, start) = match noun {
            Some((k, ns, _)) if !continues_list => (Some(k), ns),
            _ if continues_list && !has_so => (code_kind.or(out.last().and_then(|m| m.kind)), a),
            _ if continues_list => (out.last().and_then(|m| m.kind), head),
            _ => (code_kind, if has_so { head } else { a }),
        };
        let mut end = b;
        let date = date_after(&cx, end).map(|(d, e)| {
            end = e;
            d
        });
        if date.is_none() {
            end = blank_date_end(&cx, end).unwrap_or(end);
        }
        // A run of citations (`Chỉ thị số ... ngày ..., Kế hoạch số ... ngày ... của X`) shares
        // the issuer named after its last member, or the one named before its first
        // (`đề nghị của X tại Tờ trình số ... và Báo cáo số ...`).
        let in_run = !out.is_empty() && joins_run(&cx.fs[floor.min(start)..start]);
        let joined_now = continues_list || in_run;
        let joint = type_code
            .as_deref()
            .is_some_and(|c| tables::JOINT_TYPE_CODES.contains(&c));
        let after = issuer_after(&cx, end, joint).map(|(s, e)| {
            end = e;
            s
        });
        let before = if after.is_none() {
            issuer_before(&cx, start)
        } else {
            None
        };
        if !joined_now {
            run_issuer = before.clone();
        }
        let mut issuer = after
            .or(before)
            .or_else(|| joined_now.then(|| run_issuer.clone()).flatten());
        let mut date = date;
        if !joined_now && (issuer.is_none() || date.is_none()) {
            let (by, on) = issued_before(&cx, start);
            issuer = issuer.or(by);
            date = date.or(on);
        }
        let pinpoint = pinpoint_before(&cx, start).map(|(_, p)| p);
        // The symbol stays as written; its parts carry a repaired type code.
        let parts = symbols::parse(&repair_symbol(&tok.replace('⁄', "/")));
        let symbol = tok.clone();
        let m = Mention {
            kind,
            symbol: Some(symbol),
            parts,
            date,
            issuer: issuer.clone(),
            pinpoint,
            number: None,
            how: MentionKind::Full,
            start: cx.src(start),
            end: cx.src(end),
        };
        // A shared issuer at the end of a list applies to the list's earlier mentions.
        if joined_now && issuer.is_some() {
            // Back through the run: each member joined to the one before it.
            for k in (0..out.len()).rev() {
                if out[k].issuer.is_some() {
                    break;
                }
                out[k].issuer = issuer.clone();
                if !joined[k] {
                    break;
                }
            }
        }
        joined.push(joined_now);
        out.push(m);
        consumed_to = end;
    }
    date_only(&cx, &syms, &mut out);
    // `các Luật của Quốc hội ...: Luật A số ...; Luật B ...`: the header's body issued them.
    let headers = list_headers(&cx);
    if !headers.is_empty() {
        for m in out.iter_mut().filter(|m| m.issuer.is_none()) {
            if let Some((_, _, body)) = headers
                .iter()
                .rev()
                .find(|(kind, colon, _)| *colon <= m.start && m.kind == Some(*kind))
            {
                m.issuer = Some(body.clone());
            }
        }
    }
    // A run shares the issuer named after its last member, also where a member is cited by its
    // date (`Công văn số 79-CV/TW ngày 30/01/2020, Điện ngày 07/3/2020 của Thường trực Ban Bí thư`).
    out.sort_by_key(|m| m.start);
    for k in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(k);
        let (prev, m) = (&mut head[k - 1], &tail[0]);
        if prev.issuer.is_none() && m.issuer.is_some() && prev.end <= m.start {
            let gap = &cx.fs[fv.src_len(prev.end)..fv.src_len(m.start)];
            if joins_run(gap) {
                prev.issuer = m.issuer.clone();
            }
        }
    }
    short_forms(&cx, &mut out);
    out.sort_by_key(|m| m.start);
    out
}

/// Headers of lists of documents of one kind and one issuer (`Căn cứ các Luật của Quốc hội nước
/// Cộng hoà xã hội chủ nghĩa Việt Nam: Luật ... số ...; Luật ...`): (kind, byte offset of the
/// colon in the text, issuer).
fn list_headers(cx: &Cx) -> Vec<(&'static str, usize, String)> {
    let mut out = Vec::new();
    // One searcher for the whole text (each match is searched for after the one before).
    for (at, _) in cx.fs.match_indices("cac ") {
        if !cx.word_start(at) {
            continue;
        }
        let Some((dt, len)) = tables::kind_of_name_prefix(&cx.fs[at + 4..]) else {
            continue;
        };
        let j = cx.skip_ws(at + 4 + len);
        if !cx.starts_with_at(j, "cua") {
            continue;
        }
        let s = cx.skip_ws(j + 3);
        let e = body_name(cx, s);
        let colon = cx.skip_ws(e);
        if e > s && cx.is_upper(s) && cx.f.get(colon) == Some(&b':') {
            let body = crate::text::squash_spaces(&cx.text[cx.src(s)..cx.src(e)]);
            out.push((dt.kind, cx.src(colon), body));
        }
    }
    out
}

/// Whether the text between two mentions joins them into one run: only separators (`,`, `;`),
/// `và` and `các` (`..., các văn bản số ...`).
fn joins_run(gap: &str) -> bool {
    gap.split([' ', ',', ';'])
        .all(|w| w.is_empty() || w == "va" || w == "cac")
}

/// Repairs an OCR-damaged type code only into a known code (`ND-CP` → `NĐ-CP`); the rest of the
/// symbol stays as written.
fn repair_symbol(tok: &str) -> String {
    let Some(p) = symbols::parse(tok) else {
        return tok.to_string();
    };
    let Some(code) = p.type_code else {
        return tok.to_string();
    };
    let fixed = match code.as_str() {
        "ND" => "NĐ",
        "QD" => "QĐ",
        "CD" => "CĐ",
        _ => return tok.to_string(),
    };
    // Replace the code where it stands in the symbol (`/ND-` or `-ND/`).
    for (pat, rep) in [
        (format!("/{code}-"), format!("/{fixed}-")),
        (format!("-{code}/"), format!("-{fixed}/")),
    ] {
        if let Some(k) = tok.find(&pat) {
            let mut s = tok.to_string();
            s.replace_range(k..k + pat.len(), &rep);
            return s;
        }
    }
    tok.to_string()
}

/// Kinds cited by date alone (`Luật ... ngày ...`, `Điện ngày ...`, `Văn bản số 06 ngày ...`).
const DATE_ONLY_KINDS: &[&str] = &[
    "luat",
    "bo_luat",
    "phap_lenh",
    "hien_phap",
    "van_ban",
    "dien",
    "cong_van",
    "cong_dien",
];

/// Which byte offsets of a text some mention covers: mentions sorted by start, with the largest
/// end so far, so that a lookup is a binary search (linear time over a paragraph of thousands of
/// mentions).
struct Covered {
    starts: Vec<usize>,
    max_ends: Vec<usize>,
}

impl Covered {
    fn new(sorted: &[Mention]) -> Self {
        let mut max = 0;
        Covered {
            starts: sorted.iter().map(|m| m.start).collect(),
            max_ends: sorted
                .iter()
                .map(|m| {
                    max = max.max(m.end);
                    max
                })
                .collect(),
        }
    }
    fn covers(&self, byte: usize) -> bool {
        let k = self.starts.partition_point(|&s| s <= byte);
        k > 0 && byte < self.max_ends[k - 1]
    }
}

fn date_only(cx: &Cx, syms: &[(usize, usize, String)], out: &mut Vec<Mention>) {
    // The mentions of symbols come in order of their start.
    let symbol_mentions = Covered::new(out);
    // Mentions cited by date start before their `ngày`, so before every later one.
    let mut date_only_end = 0;
    // A mention cited by date has its date in figures (`date_at` reads a number first): a
    // text without an ASCII digit has none, and is not searched.
    if !crate::text::has_ascii_digit(cx.f) {
        return;
    }
    // One searcher for the whole text (each match is searched for after the one before).
    for (at, _) in cx.fs.match_indices("ngay ") {
        let byte = cx.src(at);
        if !cx.word_start(at) || symbol_mentions.covers(byte) || byte < date_only_end {
            continue;
        }
        let Some((date, dend)) = date_at(cx.fs, cx.skip_ws(at + 4)) else {
            continue;
        };
        // `... trước ngày 01 tháng 10 năm 2021`: a time limit, not a document's date.
        let word_before = cx.fs[..at].trim_end().rsplit(' ').next().unwrap_or("");
        if tables::TIME_PREPOSITIONS.contains(&word_before) {
            continue;
        }
        // The noun, capitalised, within 12 words, with no symbol between.
        let Some((kind, ns, ne)) = noun_before(cx, at, 0, 18, false) else {
            continue;
        };
        let first_sym = syms.partition_point(|s| s.0 < ns);
        if !cx.is_upper(ns) || syms.get(first_sym).is_some_and(|s| s.0 < at) {
            continue;
        }
        let between = &cx.fs[ne..at].trim();
        // `Văn bản số 06 ngày ...` carries a number; otherwise only kinds cited by date.
        let numbered = between
            .strip_prefix("so ")
            .is_some_and(|r| r.trim().bytes().all(|b| b.is_ascii_digit()));
        if !(DATE_ONLY_KINDS.contains(&kind) || numbered) {
            continue;
        }
        let mut end = dend;
        let issuer = issuer_after(cx, end, false).map(|(s, e)| {
            end = e;
            s
        });
        // `Văn bản số 06 ngày ...`: the number is all the symbol there is.
        let number = numbered.then(|| between.trim_start_matches("so ").trim().to_string());
        date_only_end = date_only_end.max(cx.src(end));
        out.push(Mention {
            kind: Some(kind),
            symbol: number.clone(),
            parts: None,
            date: Some(date),
            issuer,
            pinpoint: pinpoint_before(cx, ns).map(|(_, p)| p),
            number,
            how: MentionKind::Full,
            start: cx.src(ns),
            end: cx.src(end),
        });
    }
}

/// `Chỉ thị số 15` (number only) and `Kết luận nêu trên` (anaphora).
/// `out` is sorted by start; the short forms found go after it, at increasing positions.
fn short_forms(cx: &Cx, out: &mut Vec<Mention>) {
    let full = Covered::new(out);
    let name_starts = tables::name_start_bytes();
    let f = cx.f;
    let n = f.len();
    let mut i = 0;
    while i < n {
        // Cheapest test first (all are pure): a byte some type's name starts with, at a word
        // start, then its case, then the mentions.
        if !name_starts[usize::from(f[i])]
            || !cx.word_start(i)
            || !cx.is_upper(i)
            || full.covers(cx.src(i))
        {
            i += 1;
            continue;
        }
        let rest = &cx.fs[i..];
        let Some((dt, len)) = tables::kind_of_name_prefix(rest) else {
            i += 1;
            continue;
        };
        let after = &rest[len..];
        let t = after.trim_start();
        let off = i + len + (after.len() - t.len());
        if let Some(r) = t.strip_prefix("so ") {
            let digits = r.bytes().take_while(|b| b.is_ascii_digit()).count();
            let next = r.as_bytes().get(digits).copied();
            if digits > 0
                && next
                    .is_none_or(|b| b == b' ' || b == b',' || b == b'.' || b == b';' || b == b')')
            {
                let e = off + 3 + digits;
                out.push(Mention {
                    kind: Some(dt.kind),
                    symbol: None,
                    parts: None,
                    date: None,
                    issuer: None,
                    pinpoint: pinpoint_before(cx, i).map(|(_, p)| p),
                    number: Some(r[..digits].to_string()),
                    how: MentionKind::Number,
                    start: cx.src(i),
                    end: cx.src(e),
                });
                i = e;
                continue;
            }
        }
        for ana in ["neu tren", "tren", "noi tren", "do", "nay"] {
            if t.starts_with(ana)
                && t[ana.len()..]
                    .bytes()
                    .next()
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
            {
                if ana == "nay" {
                    // `Chỉ thị này`: the document itself; not a citation.
                    break;
                }
                let e = off + ana.len();
                out.push(Mention {
                    kind: Some(dt.kind),
                    symbol: None,
                    parts: None,
                    date: None,
                    issuer: None,
                    pinpoint: None,
                    number: None,
                    how: MentionKind::Anaphora,
                    start: cx.src(i),
                    end: cx.src(e),
                });
                break;
            }
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cited_documents_name_is_what_precedes_its_number_or_date() {
        let cases = [
            (
                "Luật Tổ chức Chính phủ số 76/2015/QH13",
                Some("Luật Tổ chức Chính phủ"),
            ),
            ("Luật Hải quan ngày 23/6/2014", Some("Luật Hải quan")),
            ("Luật Đất đai năm 2013", Some("Luật Đất đai")),
            (
                "Bộ luật Lao động, ngày 20/11/2019",
                Some("Bộ luật Lao động"),
            ),
            ("Nghị định số 30/2020/NĐ-CP", None),
            ("Nghị định của Chính phủ số 82/2015/NĐ-CP", None),
            ("Thông tư liên tịch số 85/2016/TTLT-BTC-BCA", None),
            ("Chi thi s6 15/CT-TTg", None),
            (
                "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 52/2013/NĐ-CP",
                Some("Nghị định sửa đổi, bổ sung một số điều"),
            ),
            ("01/2019/NQ-CP của Chính phủ", None),
        ];
        for (text, want) in cases {
            assert_eq!(name_of(text).as_deref(), want, "{text}");
        }
    }

    type Row = (
        Option<&'static str>,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn full(text: &str) -> Vec<Row> {
        mentions(text)
            .into_iter()
            .filter(|m| m.how == MentionKind::Full)
            .map(|m| (m.kind, m.symbol, m.date, m.issuer))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn symbol_starts_fold_to_the_bytes_looked_for() {
        use crate::text::fold_char;
        assert_eq!(
            ['/', '⁄', '-'].map(fold_char),
            [b'/', b'~', b'-'],
            "find_symbols passes over other folded bytes"
        );
    }

    #[test]
    fn the_noun_next_to_the_number_names_it() {
        assert_eq!(
            full("Chương trình công tác năm 2024 thông báo tại công văn số 1234/VPCP-KTTH ngày 05/02/2024 của Văn phòng Chính phủ")
                .into_iter()
                .map(|r| r.0)
                .collect::<Vec<_>>(),
            [Some("cong_van")]
        );
        // A longer name that ends there wins over its last word.
        assert_eq!(
            full("các Công điện số 215/CĐ-TTg ngày 13/11/2025")[0].0,
            Some("cong_dien")
        );
        assert_eq!(
            full("theo công điện số 215/CĐ-TTg ngày 13/11/2025")[0].0,
            Some("cong_dien")
        );
    }

    #[test]
    fn must_match() {
        assert_eq!(
            full("thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ về việc"),
            vec![(
                Some("chi_thi"),
                s("15/CT-TTg"),
                s("2020-03-27"),
                s("Thủ tướng Chính phủ")
            )]
        );
        assert_eq!(
            full("Thông báo kết luận số 172-TB/TW, ngày 21/3/2020 của Bộ Chính trị"),
            vec![(
                Some("thong_bao"),
                s("172-TB/TW"),
                s("2020-03-21"),
                s("Bộ Chính trị")
            )]
        );
        assert_eq!(
            full("theo Nghị định số 30/2020/NĐ-CP"),
            vec![(Some("nghi_dinh"), s("30/2020/NĐ-CP"), None, None)]
        );
        assert_eq!(
            full("Luật Lưu trữ số 33/2024/QH15, ngày 21/6/2024 của Quốc hội khoá XV;"),
            vec![(
                Some("luat"),
                s("33/2024/QH15"),
                s("2024-06-21"),
                s("Quốc hội khoá XV")
            )]
        );
        assert_eq!(
            full("Công văn số 79-CV/TW"),
            vec![(Some("cong_van"), s("79-CV/TW"), None, None)]
        );
        assert_eq!(
            full("Văn bản số 06 ngày 26/3/2020 của Ban Chỉ đạo"),
            vec![(Some("van_ban"), s("06"), s("2020-03-26"), s("Ban Chỉ đạo"))]
        );
        assert_eq!(
            full("Điện ngày 07/3/2020 của Thường trực Ban Bí thư"),
            vec![(
                Some("dien"),
                None,
                s("2020-03-07"),
                s("Thường trực Ban Bí thư")
            )]
        );
        assert_eq!(
            full("Chỉ thị số 05-CT/TU ngày 01-10-1997"),
            vec![(Some("chi_thi"), s("05-CT/TU"), s("1997-10-01"), None)]
        );
        assert_eq!(
            full("Căn cứ Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 20/6/2017;"),
            vec![(Some("luat"), None, s("2017-06-20"), None)]
        );
        assert_eq!(
            full("Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"),
            vec![(Some("luat"), None, s("2025-02-18"), None)]
        );
        assert_eq!(
            full("công văn số 6499/VPCP-KTTH ngày 30 tháng 9 năm 2022."),
            vec![(Some("cong_van"), s("6499/VPCP-KTTH"), s("2022-09-30"), None)]
        );
    }

    #[test]
    fn symbols_with_spaced_separators() {
        let syms =
            |t: &str| -> Vec<String> { mentions(t).into_iter().filter_map(|m| m.symbol).collect() };
        assert_eq!(
            syms("Tại Điều 4 Thông tư số 219 / 2013 / TT - BTC ngày 31/12/2013 của Bộ Tài chính"),
            ["219/2013/TT-BTC"]
        );
        assert_eq!(
            syms("tại Thông báo số 453 / TB - VPCP ngày 10/12/2014"),
            ["453/TB-VPCP"]
        );
        // No code: a ratio, a period, a page.
        for t in [
            "làm việc 24 / 7 trong mùa dịch",
            "giai đoạn 2021 - 2025 / 2030",
            "trang 3 / 12",
        ] {
            assert!(syms(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn lists_share_noun_and_issuer() {
        assert_eq!(
            full("Kết luận số 01-KL/BCĐ ngày 07/3/2020, số 02-KL/BCĐ ngày 08/3/2020 của Ban chỉ đạo cấp tỉnh"),
            vec![
                (Some("ket_luan"), s("01-KL/BCĐ"), s("2020-03-07"), s("Ban chỉ đạo cấp tỉnh")),
                (Some("ket_luan"), s("02-KL/BCĐ"), s("2020-03-08"), s("Ban chỉ đạo cấp tỉnh")),
            ]
        );
    }

    #[test]
    fn nouns_inside_names_and_repairs() {
        assert_eq!(
            full("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13;"),
            vec![(Some("luat"), s("80/2015/QH13"), None, None)]
        );
        assert_eq!(
            full("Nghị định số 125/2020/ND-CP"),
            vec![(Some("nghi_dinh"), s("125/2020/ND-CP"), None, None)]
        );
        assert_eq!(
            mentions("Nghị định số 125/2020/ND-CP")[0]
                .parts
                .as_ref()
                .unwrap()
                .type_code
                .as_deref(),
            Some("NĐ")
        );
        assert_eq!(
            full("Quyết định số 90/QD- BTC ngày 08/01/2019"),
            vec![(Some("quyet_dinh"), s("90/QD-BTC"), s("2019-01-08"), None)]
        );
    }

    #[test]
    fn issuers_named_before_the_run() {
        // `của X tại A và B`: X issued both; `tại các văn bản số: A, B và C` without `số` again.
        assert_eq!(
            full("Xét đề nghị của Bộ trưởng Bộ Xây dựng tại Tờ trình số 12/TTr-BXD ngày 03/4/2026 và Báo cáo số 45/BC-BXD ngày 05/4/2026 về dự thảo"),
            vec![
                (Some("to_trinh"), s("12/TTr-BXD"), s("2026-04-03"), s("Bộ trưởng Bộ Xây dựng")),
                (Some("bao_cao"), s("45/BC-BXD"), s("2026-04-05"), s("Bộ trưởng Bộ Xây dựng")),
            ]
        );
        assert_eq!(
            full("Theo đề nghị của Sở Nội vụ tại các văn bản số: 301/SNV-TCBC ngày 02/3/2026, 305/SNV-TCBC ngày 04/3/2026 và 322/SNV-TCBC ngày 09/3/2026."),
            vec![
                (Some("van_ban"), s("301/SNV-TCBC"), s("2026-03-02"), s("Sở Nội vụ")),
                (Some("van_ban"), s("305/SNV-TCBC"), s("2026-03-04"), s("Sở Nội vụ")),
                (Some("van_ban"), s("322/SNV-TCBC"), s("2026-03-09"), s("Sở Nội vụ")),
            ]
        );
        // A new `của Y tại` starts a run of its own; `, các văn bản số` and `; và` go on in it.
        let rows = full("đề nghị của Sở Y tế tại Tờ trình số 7/TTr-SYT ngày 01/02/2026; của Ủy ban nhân dân huyện Đông Sơn tại Tờ trình số 9/TTr-UBND ngày 03/02/2026, các văn bản số 41/UBND-VP ngày 05/02/2026 và số 44/UBND-VP ngày 06/02/2026; và Báo cáo số 10/BC-UBND ngày 08/02/2026.");
        let issuers: Vec<_> = rows.iter().map(|r| r.3.as_deref().unwrap_or("")).collect();
        assert_eq!(
            issuers,
            [
                "Sở Y tế",
                "Ủy ban nhân dân huyện Đông Sơn",
                "Ủy ban nhân dân huyện Đông Sơn",
                "Ủy ban nhân dân huyện Đông Sơn",
                "Ủy ban nhân dân huyện Đông Sơn"
            ]
        );
        // Bodies listed with a comma before `tại`.
        assert_eq!(
            full("Ý kiến của Cục Quản lý khám, chữa bệnh, Bộ Y tế tại Công văn số 88/KCB-NV ngày 13/8/2021.")[0].3,
            None,
            "a comma before a lower-case word is inside a name: no list of bodies, no guess"
        );
        assert_eq!(
            full("Ý kiến của Cục Quản lý dược, Bộ Y tế tại Công văn số 88/QLD-ĐK ngày 13/8/2021.")
                [0]
            .3,
            s("Cục Quản lý dược, Bộ Y tế")
        );
    }

    #[test]
    fn issuers_named_in_a_list_header_or_before_the_verb() {
        let rows = full("Căn cứ các Luật của Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam: Luật Đất đai số 31/2024/QH15, ngày 18/01/2024; Luật Xây dựng số 50/2014/QH13, ngày 18/6/2014;");
        assert_eq!(rows.len(), 2);
        for r in &rows {
            assert_eq!(
                r.3.as_deref(),
                Some("Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam")
            );
        }
        // The header is of laws: a decree listed after it keeps its own (missing) issuer.
        let rows = full("Căn cứ các Luật của Quốc hội: Luật Đất đai số 31/2024/QH15; Nghị định số 102/2024/NĐ-CP;");
        assert_eq!(
            (rows[0].3.as_deref(), rows[1].3.as_deref()),
            (Some("Quốc hội"), None)
        );
        assert_eq!(
            full("Ngày 12/5/2025, Ban Thường vụ Huyện ủy đã ban hành Kết luận số 41-KL/HU về công tác cán bộ."),
            vec![(Some("ket_luan"), s("41-KL/HU"), s("2025-05-12"), s("Ban Thường vụ Huyện ủy"))]
        );
        assert_eq!(
            full("Bảo hiểm xã hội tỉnh đã có Công văn số 118/BHXH-QLT ngày 04 tháng 3 năm 2024 yêu cầu"),
            vec![(Some("cong_van"), s("118/BHXH-QLT"), s("2024-03-04"), s("Bảo hiểm xã hội tỉnh"))]
        );
        assert_eq!(
            full("Ngày 09 tháng 6 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh ban hành Công văn số 2210/UBND-KGVX về việc"),
            vec![(Some("cong_van"), s("2210/UBND-KGVX"), s("2025-06-09"), s("Chủ tịch Ủy ban nhân dân tỉnh"))]
        );
        // Not a subject: the verb's subject is a clause, not a body; the date is another's.
        assert_eq!(
            full("Ngày 12/5/2025, căn cứ tình hình thực tế đã ban hành Kế hoạch số 5/KH-UBND."),
            vec![(Some("ke_hoach"), s("5/KH-UBND"), None, None)]
        );
        // A date opening the clause without a comma, an occasion between it and the body.
        assert_eq!(
            full("Ngày 20 tháng 11 năm 2019 tại kỳ họp thứ 8 Quốc hội Khóa XIV đã thông qua Luật Chứng khoán số 54/2019/QH14 trong đó quy định"),
            vec![(Some("luat"), s("54/2019/QH14"), s("2019-11-20"), s("Quốc hội Khóa XIV"))]
        );
        assert_eq!(
            full("Ngày 14/6/2019 Quốc hội đã thông qua Luật số 38/2019/QH14 về quản lý thuế."),
            vec![(
                Some("luat"),
                s("38/2019/QH14"),
                s("2019-06-14"),
                s("Quốc hội")
            )]
        );
        // The date opens a sentence whose subject is not a body: neither is taken.
        assert_eq!(
            full("Ngày 14/6/2019 tại hội nghị toàn quốc các địa phương đã ban hành Kế hoạch số 7/KH-UBND."),
            vec![(Some("ke_hoach"), s("7/KH-UBND"), None, None)]
        );
        // A word pointing back (`nêu trên`) is not part of the name.
        assert_eq!(
            first_issuer("theo Báo cáo số 621/BC-BTC ngày 11/11/2025 của Bộ Tài chính nêu trên trong quá trình"),
            s("Bộ Tài chính")
        );
    }

    /// The issuer of the first citation of `text`.
    fn first_issuer(text: &str) -> Option<String> {
        full(text).into_iter().next().and_then(|r| r.3)
    }

    #[test]
    fn bodies_named_by_their_matter_and_joint_issuers() {
        let topic = "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số";
        let ministers = "Bộ trưởng Bộ Công an, Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Tài chính, Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn và Viện trưởng Viện Kiểm sát nhân dân tối cao";
        let rows: &[(&str, &str)] = &[
            // A steering committee named by its matter: the list closed by `và` is the name.
            (&format!("Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của {topic}, bảo đảm chất lượng."), topic),
            (&format!("Quy định số 05-QĐ/BCĐTW, ngày 27/8/2025 của {topic} về Mô hình liên thông số;"), topic),
            (
                "thay thế Quyết định số 167/QĐ-BCĐNNDL ngày 29/7/2013 của Trưởng Ban Chỉ đạo Nhà nước về Du lịch ban hành Quy chế",
                "Trưởng Ban Chỉ đạo Nhà nước về Du lịch",
            ),
            // Without its national scope, `về` opens the matter of the document.
            (
                "Công văn số 12/BCĐ ngày 02/3/2020 của Ban Chỉ đạo tỉnh về việc phòng, chống dịch",
                "Ban Chỉ đạo tỉnh",
            ),
            (
                "Báo cáo số 9/BC-BCĐ ngày 02/3/2020 của Trưởng Ban Chỉ đạo về kết quả thực hiện",
                "Trưởng Ban Chỉ đạo",
            ),
            // Joint issuers; but the second body is a verb's subject: not a joint issuer.
            (
                "theo Kết luận số 187-KL/TW ngày 29/8/2025 của Bộ Chính trị, Ban Bí thư; Kết luận số 188-KL/TW",
                "Bộ Chính trị, Ban Bí thư",
            ),
            (
                "Thực hiện Kết luận số 10-KL/TW ngày 02/3/2024 của Bộ Chính trị, Ban Bí thư yêu cầu",
                "Bộ Chính trị",
            ),
            // A joint circular names all its issuers.
            (
                &format!("Thông tư liên tịch số 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29/12/2017 của {ministers} quy định"),
                ministers,
            ),
            // Not joint: a comma after the issuer ends the clause.
            (
                "Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu",
                "Thủ tướng Chính phủ",
            ),
            // OCR lost a tone mark of a two-word stop.
            (
                "Quyết định số 15/2021/QĐ-TTg ngày 30/3/2021 của Thủ tướng Chính phủ sửa đối, bổ sung",
                "Thủ tướng Chính phủ",
            ),
        ];
        for (text, issuer) in rows {
            assert_eq!(first_issuer(text).as_deref(), Some(*issuer), "{text}");
        }
        let rows = full("theo Kết luận số 187-KL/TW ngày 29/8/2025 của Bộ Chính trị, Ban Bí thư; Kết luận số 188-KL/TW ngày 29/8/2025 của Bộ Chính trị và các quy định");
        assert_eq!(rows[1].3.as_deref(), Some("Bộ Chính trị"));
        // A run whose last member is cited by its date shares that member's issuer.
        assert_eq!(
            full("Công văn số 79-CV/TW ngày 30/01/2020, Điện ngày 07/3/2020 của Thường trực Ban Bí thư")
                .iter()
                .map(|r| r.3.clone())
                .collect::<Vec<_>>(),
            vec![s("Thường trực Ban Bí thư"), s("Thường trực Ban Bí thư")]
        );
    }

    #[test]
    fn nouns_inside_bodies_and_odd_symbols() {
        // `Kế hoạch` in `Bộ Kế hoạch và Đầu tư` is the body's word; the noun is `văn bản`.
        assert_eq!(
            full("đề nghị của Bộ trưởng Bộ Kế hoạch và Đầu tư tại văn bản số 3301/BKHĐT-TH ngày 18 tháng 5 năm 2020,"),
            vec![(Some("van_ban"), s("3301/BKHĐT-TH"), s("2020-05-18"), s("Bộ trưởng Bộ Kế hoạch và Đầu tư"))]
        );
        // `bãi bỏ` is no `Bộ`.
        assert_eq!(
            full("bãi bỏ Công văn số 1094/BHXH-CSXH ngày 23/3/2011")[0].0,
            Some("cong_van")
        );
        // A blank number, a number with a suffix, a long joint symbol.
        assert_eq!(
            full("(Ban hành kèm theo Công văn số /SYT-NVY ngày /9/2020 của Sở Y tế)"),
            vec![(Some("cong_van"), s("/SYT-NVY"), None, s("Sở Y tế"))]
        );
        assert_eq!(
            full("Trả lời công văn số 1706-13/SSIT ngày 01/7/2013 của Công ty")[0].1,
            s("1706-13/SSIT")
        );
        assert_eq!(
            full("Thông tư liên tịch số 01⁄2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29/12/2017")
                [0]
            .1,
            s("01⁄2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC")
        );
        // OCR lost `ngày` before the date.
        assert_eq!(
            full("Nghị quyết số 01/2019/NQ-CP 01/01/2019 của Chính phủ")[0].2,
            s("2019-01-01")
        );
    }

    #[test]
    fn names_running_to_the_end_of_the_text() {
        // Found by fuzzing: a name whose last word is one letter at the end of the text (the
        // test for `số` read two bytes past it).
        for t in [
            "Công văn số 12/UBND-VP của Sở Y tế a",
            "Công văn số 12/UBND-VP của Sở Y tế s",
            "Quyết định số 3/QĐ-UBND ngày 02/3/2020 của UBND tỉnh Đ",
        ] {
            let rows = full(t);
            assert_eq!(rows.len(), 1, "{t}");
            assert!(rows[0].3.is_some(), "{t}");
        }
    }

    #[test]
    fn short_forms_anaphora_pinpoints() {
        let ms = mentions("theo điểm a khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP; Chỉ thị số 15 và Kết luận nêu trên; Chỉ thị này");
        assert_eq!(ms[0].pinpoint.as_deref(), Some("điểm a khoản 2 Điều 5"));
        assert_eq!(ms[1].how, MentionKind::Number);
        assert_eq!(ms[1].number.as_deref(), Some("15"));
        assert_eq!(ms[2].how, MentionKind::Anaphora);
        assert_eq!(ms.len(), 3, "`Chỉ thị này` is the document itself");
    }

    #[test]
    fn must_not_match() {
        for t in [
            "ngày 27/3/2020",
            "hoạt động 24/7",
            "tỷ lệ 3.071 TTHC/4.888 TTHC",
            "tại phiên họp ngày 14/11/2025",
            "Chỉ thị này có hiệu lực",
            "Luật Đầu tư",
            "năm học 2019-2020",
            "thông qua nghiệp vụ IDA01/EDA01 mã A",
            "theo mẫu số 29/DSCT/GSQL và 30/DSHH/GSQL Phụ lục V",
            "số 12 /2020",
            "Luật Việc làm đang tham gia bảo hiểm thất nghiệp trước ngày 01 tháng 10 năm 2021",
            "nộp hồ sơ chậm nhất ngày 30/6/2026",
        ] {
            assert!(full(t).is_empty(), "{t}: {:?}", full(t));
        }
    }

    #[test]
    fn dates() {
        let f = crate::text::fold("27 tháng 3 năm 2020");
        assert_eq!(date_at(&f, 0).map(|x| x.0).as_deref(), Some("2020-03-27"));
        assert_eq!(
            date_at("01-10-1997", 0).map(|x| x.0).as_deref(),
            Some("1997-10-01")
        );
        assert_eq!(date_at("31/2/2020", 0), None);
    }
}
