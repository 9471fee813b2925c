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

/// How a mention refers to its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    chars: Vec<char>,
}

impl Cx<'_> {
    fn src(&self, i: usize) -> usize {
        self.fv.src(i)
    }
    fn is_upper(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(|c| c.is_uppercase())
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
    let n = cx.chars.len();
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < n {
        let slash = matches!(cx.chars[i], '/' | '⁄');
        let party_dash = cx.chars[i] == '-' && i > 0 && cx.chars[i - 1].is_ascii_digit();
        if !(slash || party_dash) {
            i += 1;
            continue;
        }
        let mut a = i;
        while a > 0 && is_sym_char(cx.chars[a - 1]) {
            a -= 1;
        }
        let mut b = i;
        loop {
            while b < n && is_sym_char(cx.chars[b]) {
                b += 1;
            }
            // `89/QD-` / `BTC`: a symbol broken after its hyphen by a line wrap.
            // Also `135/2020/NĐ -CP` and `28/2020/TT- -BCA` (a space beside the hyphen).
            let broken = b > i
                && b + 1 < n
                && cx.chars[b] == ' '
                && (matches!(cx.chars[b - 1], '-' | '/')
                    && (cx.chars[b + 1].is_uppercase() || cx.chars[b + 1] == '-')
                    || cx.chars[b - 1].is_uppercase()
                        && cx.chars[b + 1] == '-'
                        && cx.chars.get(b + 2).is_some_and(|c| c.is_uppercase()));
            if !broken {
                break;
            }
            b += 1;
        }
        while b > a && matches!(cx.chars[b - 1], '.' | '-' | '/' | '–') {
            b -= 1;
        }
        // Leading junk (`(`, dots) is outside the char set; a symbol starts with its number.
        while a < b && !cx.chars[a].is_ascii_digit() {
            a += 1;
        }
        let tok: String = cx.chars[a..b].iter().filter(|c| **c != ' ').collect();
        if a < b && valid_symbol(&tok) && out.last().is_none_or(|l| l.1 <= a) {
            out.push((a, b, tok));
            i = b;
            continue;
        }
        i = b.max(i + 1);
    }
    out
}

/// A symbol: a number, then codes with capitals (`15/CT-TTg`, `30/2020/NĐ-CP`, `15-CT/TU`,
/// `59/2020/QH14`); not a date (`27/3/2020`) nor a ratio (`24/7`).
fn valid_symbol(tok: &str) -> bool {
    if !tok.chars().next().is_some_and(|c| c.is_ascii_digit()) || tok.len() > 40 {
        return false;
    }
    if !tok.contains('/') {
        return false;
    }
    let Some(p) = symbols::parse(tok) else {
        return false;
    };
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
) -> Option<(&'static str, usize, usize)> {
    let mut words = 0;
    let mut i = end;
    let mut lower: Option<(&'static str, usize, usize)> = None;
    let mut capital_object: Option<(&'static str, usize, usize)> = None;
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
        if let Some((dt, len)) = tables::kind_of_name_prefix(rest) {
            // `Luật sửa đổi ... của Bộ luật Hình sự ngày ...`: a noun after `của` is the object
            // of an earlier document's name; that earlier noun is the one cited.
            let after_cua = cx.fs[floor.max(i.saturating_sub(4))..i].ends_with("cua ");
            if cx.is_upper(i) && !after_cua {
                return Some((dt.kind, i, i + len));
            }
            if after_cua && cx.is_upper(i) {
                capital_object.get_or_insert((dt.kind, i, i + len));
            } else {
                lower.get_or_insert((dt.kind, i, i + len));
            }
        }
    }
    capital_object.or(lower)
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
        return None;
    }
    let k = cx.skip_ws(j + 4);
    date_at(cx.fs, k)
}

/// Words that end an issuer's name, as written in running text (lower case with diacritics:
/// `tại` ends a name, `Tài chính` does not).
const ISSUER_STOPS: &[&str] = &[
    "về",
    "quy định",
    "qui định",
    "hướng dẫn",
    "ban hành",
    "phê duyệt",
    "thông qua",
    "sửa đổi",
    "tại",
    "trong",
    "nhằm",
    "để",
    "thì",
    "đã",
    "theo",
    "đồng thời",
    "cho",
    "ngày",
    "số",
    "yêu cầu",
    "giao",
    "kết luận",
    "thông báo",
    "làm",
    "cần",
    "phải",
    "được",
    "có",
    "kể từ",
    "đến",
    "từ",
    "với",
    "tiếp tục",
    "triển khai",
    "kèm theo",
    "thực hiện",
    "trừ",
    "một",
    "là",
    "nên",
    "nhưng",
    "mà",
    "đối với",
    "khi",
    "gồm",
    "như",
    "cùng",
];

/// `của <body>` at char `i`: the issuing body, up to a stop word or punctuation.
fn issuer_after(cx: &Cx, i: usize) -> Option<(String, usize)> {
    let mut j = i;
    while j < cx.f.len() && matches!(cx.f[j], b' ' | b',') {
        j += 1;
    }
    if !cx.starts_with_at(j, "cua") {
        return None;
    }
    let s = cx.skip_ws(j + 3);
    let end = body_name(cx, s);
    (end > s)
        .then(|| (cx.text[cx.src(s)..cx.src(end)].to_string(), end))
        .filter(|(n, _)| n.chars().next().is_some_and(char::is_uppercase))
}

/// The extent of a body's name starting at char `s`: up to punctuation, a lower-case stop word,
/// `và` before a lower-case word, or another citation's noun.
fn body_name(cx: &Cx, s: usize) -> usize {
    let caps = crate::text::is_caps(&cx.text[cx.src(s)..cx.src((s + 40).min(cx.f.len()))]);
    let mut e = s;
    let mut k = s;
    let mut words = 0;
    while k < cx.f.len() && words < 14 {
        let c = cx.f[k];
        if matches!(
            c,
            b',' | b';' | b'.' | b':' | b'(' | b')' | b'"' | b'\'' | b'['
        ) {
            break;
        }
        if c == b' ' {
            words += 1;
            let nxt = k + 1;
            let rest_src = &cx.text[cx.src(nxt)..];
            // In a name written in capitals the stop words are capitals too (`... VỀ ...`).
            let stop = if caps {
                let rf = &cx.fs[nxt..];
                ISSUER_STOPS.iter().any(|st| {
                    let fs = crate::text::fold(st);
                    rf.starts_with(&fs)
                        && rf[fs.len()..]
                            .chars()
                            .next()
                            .is_none_or(|ch| !ch.is_ascii_alphanumeric())
                })
            } else {
                ISSUER_STOPS.iter().any(|st| {
                    rest_src.starts_with(st)
                        && rest_src[st.len()..]
                            .chars()
                            .next()
                            .is_none_or(|ch| !ch.is_alphanumeric())
                })
            };
            if stop {
                break;
            }
            let rest = &cx.fs[nxt..];
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
            }
            // Another citation's noun starts (`... và Nghị định số`).
            if cx.is_upper(nxt) && tables::kind_of_name_prefix(rest).is_some() {
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
fn issuer_before(cx: &Cx, at: usize) -> Option<String> {
    let lo = at.saturating_sub(100);
    let before = &cx.fs[lo..at].trim_end();
    let before = before.strip_suffix("tai")?.trim_end();
    let k = lo + before.rfind(" cua ")? + 5;
    let end = lo + before.len();
    let e = body_name(cx, k);
    (e >= end && e > k)
        .then(|| cx.text[cx.src(k)..cx.src(end)].trim().to_string())
        .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// Finds the mentions of documents in one text.
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
        chars: text.chars().collect(),
    };
    let mut out: Vec<Mention> = Vec::new();
    let mut consumed_to = 0usize; // char index up to which text belongs to a mention
    let syms = find_symbols(&cx);
    // `joined[k]`: mention k continues the run of mention k - 1.
    let mut joined: Vec<bool> = Vec::new();
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
        let noun = noun_before(&cx, head, floor, 14);
        // A list continuation: `..., số 02-KL/BCĐ` right after the previous mention.
        let gap = &cx.fs[floor.min(head)..head];
        let continues_list = !out.is_empty()
            && has_so
            && noun.is_none_or(|(_, ns, _)| ns < floor)
            && gap
                .trim_matches(|c: char| c == ' ' || c == ',' || c == ';')
                .trim_start_matches("va")
                .trim()
                .is_empty();
        // `mẫu số 06/PGKQKT/GSQL`: a form's code, not a document.
        let before_so = cx.fs[head.saturating_sub(12)..head].trim_end();
        if has_so
            && (before_so.ends_with(" mau")
                || before_so.ends_with("bieu mau")
                || before_so == "mau")
        {
            continue;
        }
        let (kind, start) = match noun {
            Some((k, ns, _)) if !continues_list => (Some(k), ns),
            _ if continues_list => (out.last().and_then(|m| m.kind), head),
            _ => {
                let code_kind = symbols::parse(tok)
                    .and_then(|p| p.type_code)
                    .and_then(|c| tables::kind_of_type_code(&c));
                (code_kind, if has_so { head } else { a })
            }
        };
        let mut end = b;
        let date = date_after(&cx, end).map(|(d, e)| {
            end = e;
            d
        });
        let issuer = issuer_after(&cx, end)
            .map(|(s, e)| {
                end = e;
                s
            })
            .or_else(|| issuer_before(&cx, start));
        let pinpoint = pinpoint_before(&cx, start).map(|(_, p)| p);
        // A run of citations (`Chỉ thị số ... ngày ..., Kế hoạch số ... ngày ... của X`) shares
        // the issuer named after its last member.
        let in_run = !out.is_empty() && {
            let gap = &cx.fs[floor.min(start)..start];
            gap.trim_matches(|c: char| c == ' ' || c == ',' || c == ';')
                .trim_start_matches("va")
                .trim()
                .is_empty()
        };
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
        if (continues_list || in_run) && issuer.is_some() {
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
        joined.push(continues_list || in_run);
        out.push(m);
        consumed_to = end;
    }
    date_only(&cx, &syms, &mut out);
    short_forms(&cx, &mut out);
    out.sort_by_key(|m| m.start);
    out
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

fn date_only(cx: &Cx, syms: &[(usize, usize, String)], out: &mut Vec<Mention>) {
    let mut i = 0;
    while let Some(k) = cx.fs[i..].find("ngay ") {
        let at = i + k;
        i = at + 5;
        if !cx.word_start(at)
            || out
                .iter()
                .any(|m| cx.src(at) >= m.start && cx.src(at) < m.end)
        {
            continue;
        }
        let Some((date, dend)) = date_at(cx.fs, cx.skip_ws(at + 4)) else {
            continue;
        };
        // The noun, capitalised, within 12 words, with no symbol between.
        let Some((kind, ns, ne)) = noun_before(cx, at, 0, 18) else {
            continue;
        };
        if !cx.is_upper(ns) || syms.iter().any(|s| s.0 >= ns && s.0 < at) {
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
        let issuer = issuer_after(cx, end).map(|(s, e)| {
            end = e;
            s
        });
        out.push(Mention {
            kind: Some(kind),
            symbol: None,
            parts: None,
            date: Some(date),
            issuer,
            pinpoint: pinpoint_before(cx, ns).map(|(_, p)| p),
            number: numbered.then(|| between.trim_start_matches("so ").trim().to_string()),
            how: MentionKind::Full,
            start: cx.src(ns),
            end: cx.src(end),
        });
    }
}

/// `Chỉ thị số 15` (number only) and `Kết luận nêu trên` (anaphora).
fn short_forms(cx: &Cx, out: &mut Vec<Mention>) {
    let f = cx.f;
    let n = f.len();
    let mut i = 0;
    while i < n {
        if !cx.word_start(i)
            || !cx.is_upper(i)
            || out
                .iter()
                .any(|m| cx.src(i) >= m.start && cx.src(i) < m.end)
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
            vec![(Some("van_ban"), None, s("2020-03-26"), s("Ban Chỉ đạo"))]
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
