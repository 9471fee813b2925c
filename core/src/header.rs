//! Stage 3: the header. From the document's first line: national or Party line, issuing body
//! (parent and issuer), number and symbol, place and date, urgency and secrecy, then the type
//! line and the subject (or a công văn's `V/v` line).

use crate::lines::{Line, LineKind};
use crate::model::{Family, Field};
use crate::pipeline::Ctx;
use crate::tables;
use crate::text::{fold, is_caps, sentence_case, squash_spaces, Folded};

/// What the header stage read.
#[derive(Debug, Default)]
pub struct HeaderOut {
    pub family: Option<Family>,
    pub national: Option<Field>,
    pub organs: Vec<Field>,
    pub symbol: Option<Field>,
    pub date_iso: Option<String>,
    pub date: Option<Field>,
    pub date_blank: bool,
    pub date_invalid: bool,
    pub place: Option<Field>,
    pub kind: Option<&'static str>,
    pub kind_line: Option<Field>,
    pub title: Option<Field>,
    /// `CỦA BAN THƯỜNG VỤ TỈNH ỦY` read from the title: the issuer where the header names none.
    pub title_issuer: Option<Field>,
    pub urgency: Option<Field>,
    pub secrecy: Option<Field>,
    /// First line after the header.
    pub end: usize,
    /// The date (and place) came from [`date_by_search`], not from the header's layout.
    pub date_searched: bool,
    /// The number came from [`symbol_by_search`].
    pub symbol_searched: bool,
    /// The type line (and the subject under it) came from [`kind_by_search`].
    pub kind_searched: bool,
}

/// A date phrase `ngày DD tháng MM năm YYYY` in folded text (a part may be left blank with dots
/// or spaces, as in drafts): (start of `ngay`, day, month, year, end). Linear scan.
pub struct DatePhrase<'a> {
    pub start: usize,
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub end: usize,
}

/// Letters OCR puts for digits: `l`, `i` for `1`, `o` for `0`.
fn is_ocr_digit(b: u8) -> bool {
    matches!(b, b'l' | b'i' | b'o')
}

/// A date part as a number, OCR letters read as the digits they stand for.
fn ocr_number<T: std::str::FromStr>(part: &str) -> Option<T> {
    let digits: String = part
        .chars()
        .map(|c| match c {
            'l' | 'i' => '1',
            'o' => '0',
            c => c,
        })
        .collect();
    digits.parse().ok()
}

/// Finds the first date phrase in folded text.
pub fn date_phrase(f: &str) -> Option<DatePhrase<'_>> {
    let b = f.as_bytes();
    // A part: 1-2 digits (4 for the year), or blank filler (dots, underscores, spaces, `~`).
    let part = |mut k: usize, digits: usize| -> (usize, usize, usize) {
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        let s = k;
        // OCR reads `1` as `l` or `i` and `0` as `o` (`ngày l8 tháng`): such letters count
        // among the digits of a part that holds a digit.
        while k < b.len() && k - s < digits && (b[k].is_ascii_digit() || is_ocr_digit(b[k])) {
            k += 1;
        }
        if !b[s..k].iter().any(u8::is_ascii_digit) {
            k = s;
        }
        if k == s {
            while k < b.len() && matches!(b[k], b'.' | b'_' | b'~' | b' ') {
                k += 1;
            }
        }
        let e = k;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        (s, e, k)
    };
    let mut from = 0;
    while let Some(off) = f[from..].find("ngay") {
        let start = from + off;
        from = start + 4;
        if start > 0 && b[start - 1].is_ascii_lowercase() {
            continue;
        }
        let (ds, de, k) = part(start + 4, 2);
        if !f[k..].starts_with("thang") {
            continue;
        }
        let (ms, me, k) = part(k + 5, 2);
        if !f[k..].starts_with("nam") {
            continue;
        }
        let (ys, ye, _) = part(k + 3, 4);
        let end = if ye > ys { ye } else { k + 3 };
        return Some(DatePhrase {
            start,
            day: f[ds..de].trim_matches(['.', '_', '~', ' ']),
            month: f[ms..me].trim_matches(['.', '_', '~', ' ']),
            year: f[ys..ye].trim_matches(['.', '_', '~', ' ']),
            end,
        });
    }
    None
}

/// A national or Party line inside a folded line: the byte range of the phrase and its family.
pub fn national_phrase(f: &str) -> Option<(usize, usize, Family)> {
    const PHRASES: &[(&str, Family)] = &[
        ("cong hoa xa hoi", Family::State),
        ("doc lap - tu do", Family::State),
        ("doc lap-tu do", Family::State),
        ("dang cong san viet nam", Family::Party),
        ("dang cong san", Family::Party),
        ("cong san viet nam", Family::Party),
        ("doc lap -", Family::State),
        ("doc lap-", Family::State),
    ];
    const DAMAGED: &str = "chu nghia viet nam";
    // Most lines hold none of the phrases: one pass tells.
    static ANY: std::sync::OnceLock<crate::text::AnyOf> = std::sync::OnceLock::new();
    let any = ANY.get_or_init(|| {
        let phrases: Vec<&'static str> = PHRASES.iter().map(|(p, _)| *p).collect();
        crate::text::AnyOf::new(&[&phrases, &[DAMAGED]])
    });
    let found = any.found_in(f);
    for (p, fam) in PHRASES.iter().filter(|_| found) {
        // The phrase must dominate the line (OCR may glue an organ before it): it starts within
        // the first 60 bytes and ends within 40 of the line's end, so only a short line and
        // its first bytes are searched.
        let end = f.len();
        if end > 60 + p.len() + 40 {
            continue;
        }
        let head = f.get(..end.min(60 + p.len())).unwrap_or(f);
        if let Some(k) = head.find(p) {
            if end - k <= p.len() + 40 && k <= 60 {
                return Some((k, end, *fam));
            }
        }
    }
    // The second half of a national line wrapped over two lines.
    if matches!(
        f.trim_end_matches(['.', ' ']),
        "viet nam" | "chu nghia viet nam" | "hanh phuc"
    ) {
        return Some((0, f.len(), Family::State));
    }
    // `ĐẢNG CỘNG` / `SẢN VIỆT NAM` (a header table's cell over two lines).
    if f.trim_end_matches(['.', ' ']) == "san viet nam" {
        return Some((0, f.len(), Family::Party));
    }
    // OCR: "cong hoa xa hoi chu nghia" with damaged letters.
    let head = f.get(..f.len().min(80 + DAMAGED.len())).unwrap_or(f);
    if let Some(k) = found.then(|| head.find(DAMAGED)).flatten() {
        if k <= 80 {
            // `CỘNG HÒA XÃ` / `HỘI CHỦ NGHĨA VIỆT NAM`: the cell's second line starts `hội`.
            let start = ["cong", "hoa xa hoi", "xa hoi"]
                .iter()
                .filter_map(|p| f[..k].find(p))
                .min()
                .or_else(|| {
                    f[..k]
                        .trim_end()
                        .ends_with("hoi")
                        .then(|| f[..k].trim_end().len() - 3)
                })
                .unwrap_or(k);
            return Some((start, f.len(), Family::State));
        }
    }
    None
}

/// A national or Party line, as the regulation writes it: the Quốc hiệu and the Party's name in
/// capitals (NĐ 30/2020 Phụ lục I; HD 36), the tiêu ngữ (`Độc lập - Tự do - Hạnh phúc`) in any
/// case. A sentence that names the State (`... nước Cộng hòa xã hội chủ nghĩa Việt Nam là thành
/// viên;`) is not one.
pub fn national_line(t: &str, f: &str) -> Option<(usize, usize, Family)> {
    let (k, e, fam) = national_phrase(f)?;
    let phrase = &f[k..];
    if phrase.starts_with("doc lap") || phrase.starts_with("hanh phuc") {
        return Some((k, e, fam));
    }
    let fv = crate::text::Folded::new(t);
    let rest = t.get(fv.src(k)..).unwrap_or(t);
    is_caps(rest).then_some((k, e, fam))
}

/// `Số: 15/CT-TTg` / `Số 15-CT/TU`: the symbol's byte range in the line text.
pub fn symbol_in_line(text: &str, f: &str) -> Option<(usize, usize)> {
    let rest = match f.strip_prefix("so") {
        Some(r) => r,
        None => {
            // OCR damage to `Số:` (`sé:`, `86:`): a short token and a colon, then a symbol with
            // a slash and capitals.
            let colon = f.find(':')?;
            if !(2..=3).contains(&colon) || f[..colon].contains(' ') {
                return None;
            }
            let next = f[colon + 1..].trim_start();
            if !next.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
                return None;
            }
            &f[colon..]
        }
    };
    // `Sốl 0688/BYT-MT`: OCR read the colon as a letter glued to `Số`.
    let rest = match rest.as_bytes() {
        [b'l' | b'i' | b'!' | b'|', b' ', d, ..] if d.is_ascii_digit() => &rest[1..],
        _ => rest,
    };
    let after = rest.trim_start_matches([' ', ':', '.']);
    let had_colon = rest.trim_start().starts_with(':');
    let first = after.chars().next()?;
    if !(first.is_ascii_digit() || first == '/' || (had_colon && first.is_ascii_alphanumeric())) {
        return None;
    }
    if f.starts_with("so hieu") || f.starts_with("so dien") || f.starts_with("so luong") {
        return None;
    }
    let fv = Folded::new(text);
    let start_f = f.len() - after.len();
    symbol_tokens(text, fv.src(start_f), had_colon)
}

/// The symbol whose first token starts at byte `start` of `text`: its tokens while they look
/// like parts of a symbol. `had_colon`: a `Số:` label stood before it.
fn symbol_tokens(text: &str, start: usize, had_colon: bool) -> Option<(usize, usize)> {
    // Take tokens while they look like parts of a symbol.
    let s = &text[start..];
    let mut end = start;
    let mut prev_open = true;
    let mut pos = start;
    let mut toks = s.split([' ', '\t']).peekable();
    while let Some(tok) = toks.next() {
        let tstart = pos;
        pos += tok.len() + 1;
        if tok.is_empty() {
            continue;
        }
        // `Số: đút /VPCP- KTTH`: OCR made letters of the number; the code after it still makes
        // it a symbol.
        let damaged_number = end == start
            && had_colon
            && tok.chars().count() <= 4
            && tok.chars().all(char::is_alphabetic)
            && toks.peek().is_some_and(|n| n.starts_with('/'));
        if damaged_number {
            end = tstart + tok.len();
            prev_open = false;
            continue;
        }
        let symbolish = tok
            .chars()
            .any(|c| c.is_ascii_digit() || c == '/' || c == '-')
            && !tok.contains(',')
            && tok
                .chars()
                .all(|c| c.is_alphanumeric() || "/-.{}_–".contains(c));
        // `2254 NHNN-QLNH`: a code after a bare number (OCR lost the slash).
        let after_number = end > start && text[start..end].bytes().all(|b| b.is_ascii_digit());
        let code = tok
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '/')
            && tok.contains('-');
        let joins =
            prev_open || tok.starts_with('/') || tok.starts_with('-') || after_number && code;
        let caps_code = tok
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '/');
        if joins && (symbolish || caps_code) {
            end = tstart + tok.len();
            prev_open = tok.ends_with('/') || tok.ends_with('-');
        } else {
            break;
        }
    }
    let sym = text[start..end].trim_end_matches(['.', ',', ';']);
    if sym.is_empty() || !(sym.contains('/') || sym.contains('-')) {
        return None;
    }
    Some((start, start + sym.len()))
}

/// The number after a received stamp merged into its line by OCR (`CỔNG THÔNG TIN ĐIỆN TỬ
/// CHÍNH PHỦ 41 /CT-TTg Hà Nội, ...`: the stamp's cell, then the number's without `Số:`);
/// `stamp` is the line's [`crate::keywords::received_stamp_prefix`].
fn symbol_after_stamp(t: &str, stamp: Option<usize>) -> Option<(usize, usize)> {
    let se = stamp?;
    let rest = t[se..].trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    symbol_tokens(t, t.len() - rest.len(), false)
}

/// Where a body's name starts a new body on a header line (folded heads).
const BODY_HEADS: &[&str] = &[
    "bo ",
    "ban ",
    "uy ban",
    "ubnd",
    "so ",
    "tong cuc",
    "cuc ",
    "vu ",
    "van phong",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "quan uy",
    "thi uy",
    "dang uy",
    "dang bo",
    "dang doan",
    "chinh phu",
    "thu tuong",
    "ngan hang",
    "bao hiem",
    "tong lien doan",
    "lien doan",
    "hoi dong",
    "bcd",
    "truong ",
    "trung tam",
    "vien ",
    "hoi ",
    "doan ",
    "mat tran",
    "cong an",
    "bo chi huy",
    "phong ",
    "chi cuc",
    "kho bac",
    "toa an",
    "dai hoc",
    "hoc vien",
    "cong ty",
    "tap doan",
    "hdnd",
    "chi bo",
    "dang uy",
    "thanh doan",
    "tinh doan",
    "quoc hoi",
    "kiem toan",
    "thanh tra",
];

fn starts_body(f: &str) -> bool {
    BODY_HEADS.iter().any(|h| f.starts_with(h))
}

fn is_title_stop(f: &str) -> bool {
    use crate::keywords as kw;
    kw::starts(f, kw::KINH_GUI) || f.starts_with("can cu") || kw::starts(f, kw::KINH_TRINH)
}

/// Reads the header starting at line `start`.
pub fn read(ctx: &Ctx, lines: &[Line], start: usize, limit: usize) -> HeaderOut {
    let norm = ctx.text;
    let mut out = HeaderOut {
        end: start,
        ..Default::default()
    };
    let mut organ_lines: Vec<(usize, usize)> = Vec::new(); // normalised ranges
    let mut i = start;
    while i < limit {
        let l = &lines[i];
        if l.is_void() {
            if l.kind == LineKind::Chrome {
                break;
            }
            i += 1;
            continue;
        }
        let t = l.text(norm);
        let f = l.folded.as_str();
        // A received stamp merged with the header's columns by OCR: a line of it alone is
        // passed over; the number, or the type line, that follows it on its line is read.
        let stamp = crate::keywords::received_stamp_prefix(t, f);
        if crate::keywords::is_received_stamp(t, stamp) {
            i += 1;
            continue;
        }
        if out.symbol.is_none() {
            if let Some((s, e)) = symbol_after_stamp(t, stamp) {
                out.symbol = Some(ctx.field(l.start + s, l.start + e));
                i = read_date(ctx, lines, i, limit, &mut out, Some(l.start + e)).unwrap_or(i + 1);
                continue;
            }
        }
        if let Some((k, _e, fam)) = national_phrase(f) {
            out.family.get_or_insert(fam);
            let fv = l.folded_view(norm);
            let ks = l.start + fv.src(k);
            if out.national.is_none() {
                out.national = Some(ctx.field(ks, l.end));
            }
            // `CỘNG` / `HÒA XÃ HỘI ...`: the line before was the phrase's first word.
            if let Some(&(ps, pe)) = organ_lines.last() {
                let pf = fold(&norm[ps..pe]);
                if matches!(pf.as_str(), "cong" | "dang" | "dang cong")
                    || pf.starts_with("cong hoa")
                {
                    organ_lines.pop();
                }
            }
            // A glued organ before the phrase (two columns merged by OCR).
            let prefix = t[..fv.src(k)].trim();
            if crate::text::letter_count(prefix) >= 3
                && (is_caps(prefix) || starts_body(&fold(prefix)))
                && out.symbol.is_none()
            {
                organ_lines.push((l.start, l.start + prefix.len()));
            }
            i += 1;
            continue;
        }
        if out.symbol.is_none() {
            if let Some((s, e)) = symbol_in_line(t, f) {
                out.symbol = Some(ctx.field(l.start + s, l.start + e));
                // Place and date may follow on the same line (OCR of two columns).
                if let Some(end_line) = read_date(ctx, lines, i, limit, &mut out, Some(l.start + e))
                {
                    i = end_line;
                } else {
                    i += 1;
                }
                continue;
            }
            if f == "so:" || f == "so" {
                // `Số:` alone: the symbol is on the next text line.
                if let Some(j) = (i + 1..limit.min(i + 3)).find(|&j| !lines[j].is_void()) {
                    let nt = lines[j].text(norm);
                    if nt.contains('/') && nt.len() < 40 {
                        out.symbol = Some(ctx.field(lines[j].start, lines[j].end));
                        i = j + 1;
                        continue;
                    }
                }
            }
        }
        let next_has_date = (i + 1..limit.min(i + 3))
            .find(|&j| !lines[j].is_void())
            .is_some_and(|j| lines[j].folded.contains("ngay"));
        let place_line = l.chars <= 20 && next_has_date && !is_caps(t) && !f.starts_with("so");
        if out.date.is_none() && (f.contains("ngay") || f.ends_with(',') || place_line) {
            if let Some(end_line) = read_date(ctx, lines, i, limit, &mut out, None) {
                i = end_line;
                continue;
            }
        }
        // A công văn's subject written `Về ...` under the number (no type line).
        let ve_title = out.symbol.is_some()
            && out.title.is_none()
            && out.kind_line.is_none()
            && f.starts_with("ve ")
            && !t.ends_with('.');
        if is_vv(t, f) || ve_title {
            let (title, next) = read_vv(ctx, lines, i, limit);
            if out.title.is_none() {
                out.title = Some(title);
                out.kind.get_or_insert("cong_van");
            }
            i = next;
            continue;
        }
        if out.urgency.is_none()
            && tables::URGENCY.contains(&f.trim_end_matches(['.', '!']))
            && is_caps(t)
        {
            out.urgency = Some(ctx.field(l.start, l.end));
            i += 1;
            continue;
        }
        if out.secrecy.is_none() && tables::SECRECY.contains(&f.trim_end_matches('.')) && is_caps(t)
        {
            out.secrecy = Some(ctx.field(l.start, l.end));
            i += 1;
            continue;
        }
        if let Some((dt, lead, name_len)) = type_line(t, f)
            .map(|(dt, n)| (dt, 0, n))
            .or_else(|| glued_type_line(t, stamp))
        {
            out.kind = Some(dt.kind);
            let fv = l.folded_view(norm);
            let lead_f = t[..lead].chars().count();
            let name_end = l.start + fv.src(lead_f + name_len);
            out.kind_line = Some(ctx.field(l.start + lead, name_end));
            let next = read_title(ctx, lines, i, name_end, limit, &mut out);
            out.end = next;
            date_by_search(ctx, lines, start, limit, &mut out);
            symbol_by_search(ctx, lines, start, limit, &mut out);
            finish(ctx, &mut out, &organ_lines);
            return out;
        }
        if is_title_stop(f) {
            break;
        }
        // A body's name starts with a letter, stands above the subject and has no word that
        // mixes letters and digits (OCR debris: `T1PT`).
        if is_caps(t)
            && l.chars <= 90
            && crate::patterns::marker(t).is_none()
            && t.starts_with(char::is_alphabetic)
            && out.title.is_none()
            && !has_mixed_word(t)
        {
            organ_lines.push((l.start, l.end));
            i += 1;
            continue;
        }
        // A short line the header does not know (a motto cut by OCR, `Hạnh phú`; a broken
        // cell, `1 CHÍNH`) stays inside the header when a header field still missing comes
        // right after it.
        if l.chars <= SKIPPABLE_CHARS && anchor_ahead(lines, norm, i + 1, limit, &out) {
            i += 1;
            continue;
        }
        break;
    }
    out.end = i;
    date_by_search(ctx, lines, start, limit, &mut out);
    symbol_by_search(ctx, lines, start, limit, &mut out);
    kind_by_search(ctx, lines, start, limit, &mut out);
    finish(ctx, &mut out, &organ_lines);
    out
}

/// How many text lines before the document's start the number is searched for.
const SEARCH_LINES_BEFORE: usize = 5;

/// The first [`DATE_SEARCH_LINES`] text lines from `start`, with their indexes.
fn first_text_lines(
    lines: &[Line],
    start: usize,
    limit: usize,
) -> impl Iterator<Item = usize> + '_ {
    (start..limit)
        .filter(|&i| lines[i].kind == LineKind::Text)
        .take(DATE_SEARCH_LINES)
}

/// Where the layout gave no number: the first `Số` with a symbol after it on one of the
/// document's first lines, wherever it stands on its line (a plain search's reading).
fn symbol_by_search(ctx: &Ctx, lines: &[Line], start: usize, limit: usize, out: &mut HeaderOut) {
    if out.symbol.is_some() {
        return;
    }
    let norm = ctx.text;
    // The document's first lines, then the few just before its start (site text that holds
    // the number of a copy whose header was flattened: `UBND HUYỆN ... – Số: 45/TB-UBND`).
    let before = (0..start)
        .rev()
        .filter(|&i| lines[i].kind == LineKind::Text)
        .take(SEARCH_LINES_BEFORE);
    for i in first_text_lines(lines, start, limit).chain(before) {
        let l = &lines[i];
        let f = l.folded.as_str();
        let fb = f.as_bytes();
        let t = l.text(norm);
        let fv = l.folded_view(norm);
        let found = f.match_indices("so").find_map(|(k, _)| {
            // The label as the header writes it: `Số:` with its capital and its colon (a
            // citation's `số 15/CT-TTg` has neither).
            let word_start = k == 0 || !fb[k - 1].is_ascii_alphanumeric();
            let src = fv.src(k);
            let labelled = t[src..].starts_with('S') && f[k + 2..].trim_start().starts_with(':');
            if !word_start || !labelled {
                return None;
            }
            symbol_in_line(&t[src..], &f[k..]).map(|(s, e)| (src + s, src + e))
        });
        if let Some((s, e)) = found {
            out.symbol = Some(ctx.field(l.start + s, l.start + e));
            out.symbol_searched = true;
            return;
        }
    }
}

/// Where the layout gave no type line: the first of the document's first lines that is one
/// (alone on its line, in capitals), with the subject under it.
fn kind_by_search(ctx: &Ctx, lines: &[Line], start: usize, limit: usize, out: &mut HeaderOut) {
    // A number with a type code names the type already (`15/CT-TTg`).
    let code_kind = out.symbol.as_ref().and_then(|sf| {
        crate::symbols::kind_of_symbol(&sf.text.split_whitespace().collect::<String>())
    });
    // (Searched for its subject too, when the number named the type.)
    if out.kind_line.is_some() || code_kind.is_some() && out.title.is_some() {
        return;
    }
    let norm = ctx.text;
    let found = first_text_lines(lines, start, limit).find_map(|i| {
        let t = lines[i].text(norm);
        let f = lines[i].folded.as_str();
        let (dt, len) = type_line(t, f)?;
        (len == f.trim_end().len() && is_caps(t)).then_some((i, dt, len))
    });
    if let Some((i, dt, len)) = found {
        let l = &lines[i];
        let name_end = l.start + l.folded_view(norm).src(len);
        out.kind = Some(dt.kind);
        out.kind_line = Some(ctx.field(l.start, name_end));
        out.kind_searched = true;
        if out.title.is_none() {
            let next = read_title(ctx, lines, i, name_end, limit, out);
            if out.title.is_some() {
                out.end = out.end.max(next);
            }
        }
    }
}

/// How many text lines from the document's start the date line is searched for when the
/// header's layout gave none.
const DATE_SEARCH_LINES: usize = 15;

/// The longest place before `, ngày` on a searched date line (chars).
const SEARCH_PLACE_CHARS: usize = 30;

/// Where the layout gave no date (header cells OCR made debris of), the first line of the
/// document's start that reads as a header's date line: a short place, a comma, and a date
/// phrase that ends the line (`I fa N(Ji, ngay 24 thang 4 nam 2020`), not a date in a sentence.
fn date_by_search(ctx: &Ctx, lines: &[Line], start: usize, limit: usize, out: &mut HeaderOut) {
    if out.date.is_some() {
        return;
    }
    let found = (start..limit)
        .filter(|&i| lines[i].kind == LineKind::Text)
        .take(DATE_SEARCH_LINES)
        .find(|&i| {
            let f = lines[i].folded.as_str();
            date_phrase(f).is_some_and(|d| {
                let before = f[..d.start].trim_end();
                before.ends_with(',')
                    && before.len() <= SEARCH_PLACE_CHARS
                    && f[d.end..].bytes().all(|b| !b.is_ascii_alphanumeric())
            })
        });
    if let Some(i) = found {
        if read_date(ctx, lines, i, limit, out, None).is_some() {
            out.date_searched = true;
        }
    }
}

/// Whether a word of `t` mixes letters and digits (`T1PT`, `l8`): OCR debris in a body's name.
fn has_mixed_word(t: &str) -> bool {
    t.split_whitespace()
        .any(|w| w.chars().any(char::is_alphabetic) && w.chars().any(|c| c.is_ascii_digit()))
}

/// The longest line of unknown text kept inside a header (a cell, not a sentence of the body).
const SKIPPABLE_CHARS: usize = 40;
/// How many text lines ahead a missing header field is looked for.
const ANCHOR_LOOKAHEAD: usize = 4;

/// Whether a header field still missing from `out` (the number, the date, the type line, the
/// `V/v` subject), or the addressees' opener that ends the header, starts on one of the next
/// text lines from `i`.
fn anchor_ahead(lines: &[Line], norm: &str, i: usize, limit: usize, out: &HeaderOut) -> bool {
    lines[i.min(limit)..limit]
        .iter()
        .filter(|l| !l.is_void())
        .take(ANCHOR_LOOKAHEAD)
        .map(|l| (l.text(norm), l.folded.as_str()))
        .take_while(|&(_, f)| !f.starts_with("can cu"))
        .any(|(t, f)| {
            let stamp = crate::keywords::received_stamp_prefix(t, f);
            // The addressees' opener ends the header: a short stray line before it is still
            // the header's.
            crate::keywords::addressee_label(f).is_some()
                || out.symbol.is_none()
                    && (symbol_in_line(t, f).is_some() || symbol_after_stamp(t, stamp).is_some())
                || out.date.is_none() && date_phrase(f).is_some()
                || out.kind.is_none()
                    && (is_caps(t) && type_line(t, f).is_some()
                        || glued_type_line(t, stamp).is_some())
                || out.title.is_none() && is_vv(t, f)
        })
}

/// A type line: `CHỈ THỊ`, `KẾT LUẬN CỦA BỘ CHÍNH TRỊ`, `CÔNG ĐIỆN`. Returns the type and the
/// folded length of its name.
pub fn type_line(t: &str, f: &str) -> Option<(&'static tables::DocType, usize)> {
    let (dt, len) = tables::kind_of_name_prefix(f)?;
    if matches!(dt.kind, "van_ban" | "dien" | "luat") && f.len() > len {
        return None;
    }
    // The name itself is written in capitals.
    let name: String = t.chars().take(len).collect();
    if !is_caps(&name) {
        return None;
    }
    let rest = f[len..].trim_start();
    // `QUYẾT ĐỊNH:` (the verb of a decision) is not a type line.
    if rest.starts_with(':') {
        return None;
    }
    Some((dt, len))
}

/// A type line after OCR debris or a received stamp (`ĐẾN“? QUYÉT ĐỊNH`, `¡ ) QUYẾT ĐỊNH`): the
/// type, the byte offset of its name and the name's folded length. The name ends the line.
fn glued_type_line(
    t: &str,
    stamp: Option<usize>,
) -> Option<(&'static tables::DocType, usize, usize)> {
    if crate::patterns::marker(t).is_some() {
        return None;
    }
    let lead = crate::keywords::debris_lead(t, stamp)?;
    let rest = t[lead..].trim_end();
    let rf = fold(rest);
    let (dt, len) = type_line(rest, &rf)?;
    (len == rf.len() && is_caps(rest)).then_some((dt, lead, len))
}

/// Reads the place and date starting at line `i` (joined with the next line when split).
/// Returns the line after them.
fn read_date(
    ctx: &Ctx,
    lines: &[Line],
    i: usize,
    limit: usize,
    out: &mut HeaderOut,
    from: Option<usize>,
) -> Option<usize> {
    let norm = ctx.text;
    let l = &lines[i];
    let from = from.unwrap_or(l.start);
    // Join with the next non-void line to catch `ngày 17` / `tháng 11 năm 2025`.
    let mut pieces = vec![(from, l.end)];
    if let Some(j) = (i + 1..limit.min(i + 3)).find(|&j| !lines[j].is_void()) {
        pieces.push((lines[j].start, lines[j].end));
    }
    let mut joined = String::new();
    let mut map: Vec<usize> = Vec::new(); // joined byte -> normalised offset
    for (k, (s, e)) in pieces.iter().enumerate() {
        if k > 0 {
            joined.push(' ');
            map.push(*s);
        }
        for (o, c) in norm[*s..*e].char_indices() {
            let mut b = [0u8; 4];
            let enc = c.encode_utf8(&mut b);
            joined.push_str(enc);
            for _ in 0..enc.len() {
                map.push(s + o);
            }
        }
    }
    map.push(pieces.last().map_or(l.end, |p| p.1));
    let fv = Folded::new(&joined);
    let Some(dp) = date_phrase(&fv.text) else {
        // An OCR-damaged date (`Hà Nội, ngày {† tháng 3 năm 2020`): the place still reads.
        let first = &fv.text[..fv.src_len(norm[from..l.end].len())];
        // `, ngày` damaged too (`, ngéspOhthang 4 năm 2020`): a word after the comma that
        // starts `ng` with `thang` or `nam` close after it.
        let damaged = first.match_indices(", ng").map(|(k, _)| k).find(|&k| {
            let after = &first[k + 2..first.len().min(k + 24)];
            after.contains("thang") || after.contains(" nam ")
        });
        if let Some(k) = damaged {
            set_place(ctx, out, &joined, &map, k);
            out.date_invalid = true;
            let d_start = map[fv.src(k + 2)];
            out.date = Some(ctx.field(d_start, l.end));
            return Some(i + 1);
        }
        return None;
    };
    let ngay_at = dp.start;
    // The date must start on the first line, or the first line holds only the place.
    let first_len = norm[from..l.end].len();
    let place_only = l.chars <= 30 && !l.folded.contains("thang");
    if fv.src(ngay_at) > first_len && !place_only {
        return None;
    }
    let (day, month, year) = (dp.day, dp.month, dp.year);
    let d_start = map[fv.src(ngay_at)];
    // The end: just after the match's last char (not the start of whatever follows it, which
    // may be the next line).
    let matched = joined[..fv.src(dp.end)].trim_end();
    let d_end_n = match matched.char_indices().last() {
        Some((b, c)) => map[b] + c.len_utf8(),
        None => d_start,
    };
    out.date = Some(ctx.field(d_start, d_end_n));
    match (
        ocr_number::<u32>(day),
        ocr_number::<u32>(month),
        ocr_number::<i32>(year),
    ) {
        (Some(d), Some(m), Some(y)) => {
            if crate::dates::valid(y, m, d) {
                out.date_iso = Some(format!("{y:04}-{m:02}-{d:02}"));
            } else {
                out.date_invalid = true;
            }
        }
        _ => out.date_blank = true,
    }
    set_place(ctx, out, &joined, &map, ngay_at);
    // Which line does the date end on?
    let end_src = fv.src(dp.end);
    let ends_on_second = pieces.len() > 1 && end_src > first_len + 1;
    if ends_on_second {
        let j = (i + 1..limit.min(i + 3)).find(|&j| !lines[j].is_void())?;
        Some(j + 1)
    } else {
        Some(i + 1)
    }
}

/// The place: the text before `, ngày` (folded offset `ngay_at` in `joined`), without a
/// national motto glued before it by OCR.
fn set_place(ctx: &Ctx, out: &mut HeaderOut, joined: &str, map: &[usize], ngay_at: usize) {
    let fv = Folded::new(joined);
    let before = &joined[..fv.src(ngay_at)];
    let before = before.trim_end().trim_end_matches(',').trim_end();
    let place_start = before.rfind(['|', '\t']).map_or(0, |k| k + 1);
    let mut place = &before[place_start..];
    let pf = fold(place);
    if let Some(k) = pf.find("hanh phuc") {
        let fvp = Folded::new(place);
        place = &place[fvp.src(k + "hanh phuc".len())..];
    }
    let place = place_words(place.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    if !place.is_empty() && crate::text::letter_count(place) >= 2 && place.chars().count() <= 40 {
        let p_off = before.find(place).unwrap_or(0);
        let s = map[p_off];
        let e = map[(p_off + place.len()).min(map.len() - 1)];
        out.place = Some(Field {
            text: squash_spaces(place),
            span: ctx.span(s, e.max(s)),
        });
    }
}

/// The name that ends `before` (`7 Q Hà Nội` → `Hà Nội`, `Số: 0688/BYT-MT Hà Nội` → `Hà Nội`):
/// its trailing words that are capitalised (two letters at least) or an administrative unit's
/// lower-case word inside a name (`Thành phố Hồ Chí Minh`, `Thị xã ...`).
fn place_words(before: &str) -> &str {
    const UNIT_WORDS: &[&str] = &["pho", "xa", "tran", "huyen", "tinh", "quan"];
    let mut start = before.len();
    let mut next_capital = false;
    for (k, w) in before
        .char_indices()
        .filter(|&(k, c)| {
            !c.is_whitespace() && (k == 0 || before[..k].ends_with(char::is_whitespace))
        })
        .map(|(k, _)| (k, before[k..].split_whitespace().next().unwrap_or("")))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        let core = w.trim_end_matches('.');
        // `Bà Rịa-Vũng Tàu`: hyphen-joined parts are words of the name.
        let letters = core
            .split('-')
            .all(|p| p.chars().all(char::is_alphabetic) && p.chars().count() >= 2);
        let capital = letters && core.chars().next().is_some_and(char::is_uppercase);
        let unit = letters && next_capital && UNIT_WORDS.contains(&fold(core).as_str());
        if !(capital || unit) {
            break;
        }
        start = k;
        next_capital = capital;
    }
    if start == before.len() {
        return before;
    }
    // A lower-case unit word is kept only inside the name, not at its head; nor is a code in
    // capitals before a name written in lower case (`... KTTH Hà Nội`; `TP.` stays).
    let mut name = &before[start..];
    let mixed = name.split_whitespace().any(|w| !is_caps(w));
    while let Some(w) = name.split_whitespace().next() {
        let code = mixed && is_caps(w) && !w.ends_with('.');
        if w.len() == name.len() || !code && w.starts_with(char::is_uppercase) {
            break;
        }
        name = name[w.len()..].trim_start();
    }
    name
}

/// A công văn's subject line: `V/v ...` (NĐ 30/2020 Phụ lục I), also as OCR reads it.
pub fn is_vv(t: &str, f: &str) -> bool {
    let f = f.trim_start_matches(['\'', '"', '`', '*', '(']);
    let word = f.split(' ').next().unwrap_or("");
    let tok = word.trim_end_matches([':', '.', '*', '_']);
    match tok {
        "v/v" | "v/" | "v.v" | "v\\v" | "v/v/" => f.len() > word.len() + 1,
        _ => ocr_vv(t),
    }
}

/// `V/v` as OCR reads its slash and second letter (`Viv`, `VWv`, `VAv`, `VA`, `V1v`): a capital
/// `V`, one ASCII look-alike of the slash, an optional `v`, then a subject that starts in lower
/// case (`VA hoàn thuế ...`), which no word opening a line here does (`Vì`, `VÀO`, `Vấn đề`).
fn ocr_vv(t: &str) -> bool {
    let t = t.trim_start_matches(['\'', '"', '`', '*', '(']);
    let Some((tok, rest)) = t.split_once(' ') else {
        return false;
    };
    let b = tok.trim_end_matches([':', '.']).as_bytes();
    let slash_like = |c: u8| {
        matches!(
            c,
            b'i' | b'I' | b'l' | b'w' | b'W' | b'a' | b'A' | b'1' | b'|'
        )
    };
    let shaped = match b {
        // Two letters: the look-alike in capitals (`VA`), as `Va`, `Vi` open words.
        [b'V', m] => slash_like(*m) && !m.is_ascii_lowercase(),
        [b'V', m, b'v' | b'V'] => slash_like(*m),
        _ => false,
    };
    shaped && rest.trim_start().starts_with(char::is_lowercase)
}

/// A công văn's subject: `V/v ...` and its continuation lines.
fn read_vv(ctx: &Ctx, lines: &[Line], i: usize, limit: usize) -> (Field, usize) {
    let norm = ctx.text;
    let start = lines[i].start;
    let mut end = lines[i].end;
    let mut j = i + 1;
    while j < limit && j < i + 8 {
        let l = &lines[j];
        if l.is_void() {
            // OCR double spacing: a blank line inside the subject, before a lower-case line.
            let next = (j + 1..limit.min(j + 3)).find(|&k| !lines[k].is_void());
            if l.kind == LineKind::Blank
                && next.is_some_and(|k| {
                    let nt = lines[k].text(norm);
                    nt.starts_with(char::is_lowercase)
                        || nt.starts_with(|c: char| c.is_ascii_digit())
                            && norm[start..end].ends_with(" số")
                })
            {
                j += 1;
                continue;
            }
            break;
        }
        let f = l.folded.as_str();
        let t = l.text(norm);
        if national_phrase(f).is_some()
            || date_phrase(f).is_some()
            || is_title_stop(f)
            || crate::keywords::addressee_label(f).is_some()
            || symbol_in_line(t, f).is_some()
            || is_caps(t) && starts_body(f)
            || crate::patterns::marker(t).is_some()
        {
            break;
        }
        end = l.end;
        j += 1;
    }
    let text = squash_spaces(&norm[start..end]);
    (
        Field {
            text,
            span: ctx.span(start, end),
        },
        j,
    )
}

/// Reads the subject after the type line. `from` is where the type name ends on line `i`.
fn read_title(
    ctx: &Ctx,
    lines: &[Line],
    i: usize,
    from: usize,
    limit: usize,
    out: &mut HeaderOut,
) -> usize {
    let norm = ctx.text;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let rest = norm[from..lines[i].end].trim();
    // `HƯỚNG DẪN TẠM THỜI`: a qualifier of the type, the subject follows on its own line.
    let rest = if tables::TYPE_QUALIFIERS.contains(&fold(rest).as_str()) {
        ""
    } else {
        rest
    };
    if !rest.is_empty() {
        let s = from + norm[from..].find(rest).unwrap_or(0);
        parts.push((s, s + rest.len()));
    }
    let first_line = |l: &Line| {
        // A received stamp's date glued before the subject's first line.
        let t = l.text(norm);
        let lead = crate::keywords::stamp_date_lead(t).unwrap_or(0);
        (l.start + lead, l.end)
    };
    let mut caps_mode: Option<bool> = if rest.is_empty() {
        None
    } else {
        Some(is_caps(rest))
    };
    let mut j = i + 1;
    let mut blanks = 0;
    while j < limit {
        let l = &lines[j];
        if l.kind == LineKind::Blank || l.kind == LineKind::PageBreak {
            if parts.is_empty() && blanks < 2 {
                blanks += 1;
                j += 1;
                continue;
            }
            // A title in capitals may be spaced out over blank lines.
            let next = (j + 1..limit.min(j + 3)).find(|&k| !lines[k].is_blank());
            let caps_next = next.is_some_and(|k| {
                let nl = &lines[k];
                nl.kind == LineKind::Text
                    && is_caps(nl.text(norm))
                    && !is_position_led(&nl.folded)
                    && nl.chars <= 120
            });
            if caps_mode == Some(true) && caps_next && parts.len() < 6 {
                j += 1;
                continue;
            }
            // OCR double spacing: a blank line inside a sentence-case subject, before a line
            // that goes on in lower case (as in a `V/v` subject, [`read_vv`]).
            let lower_next = next.is_some_and(|k| {
                let nl = &lines[k];
                nl.kind == LineKind::Text && nl.text(norm).starts_with(char::is_lowercase)
            });
            let open_end = parts
                .last()
                .is_some_and(|&(a, b)| !norm[a..b].ends_with(['.', ':', ';']));
            if caps_mode == Some(false) && lower_next && open_end && l.kind == LineKind::Blank {
                j += 1;
                continue;
            }
            break;
        }
        if l.kind == LineKind::Decoration {
            if parts.is_empty() {
                j += 1;
                continue;
            }
            j += 1;
            break;
        }
        if l.is_void() {
            break;
        }
        let t = l.text(norm);
        let f = l.folded.as_str();
        // `(Ban hành kèm theo Quyết định số ...)` under the subject of an attached text (NĐ 30
        // Phụ lục III) says what it came with; it is no part of the subject.
        let attached_note = f.starts_with("(ban hanh kem theo") || f.starts_with("(kem theo");
        if is_title_stop(f)
            || attached_note
            || crate::patterns::marker(t).is_some()
            || parts.len() >= 8
        {
            break;
        }
        let caps = is_caps(t);
        // `CỦA BỘ CHÍNH TRỊ` in capitals, then the subject in sentence case.
        if parts.len() == 1 && fold(&norm[parts[0].0..parts[0].1]).starts_with("cua ") && !caps {
            caps_mode = Some(false);
        }
        // A capitals title continued in lower case (`Ý KIẾN CHỈ ĐẠO ...` / `về công tác ...`).
        if caps_mode == Some(true) && !caps && t.starts_with(char::is_lowercase) {
            caps_mode = Some(false);
        }
        match caps_mode {
            None => caps_mode = Some(caps),
            Some(true) if !caps => break,
            Some(false) if caps => break,
            _ => {}
        }
        // `BỘ TRƯỞNG BỘ TÀI CHÍNH` above `Căn cứ` in a decision: not the title; nor is any
        // caps line right before `Căn cứ` or `QUYẾT ĐỊNH:` (`CHÍNH PHỦ`).
        if !parts.is_empty() && caps && is_position_led(f) {
            break;
        }
        if !parts.is_empty() && caps {
            let next = (j + 1..limit.min(j + 4)).find(|&k| !lines[k].is_void());
            if next.is_some_and(|k| {
                let nf = lines[k].folded.trim_start_matches(['*', ' ']);
                nf.starts_with("can cu")
                    || nf.starts_with("quyet dinh:")
                    || nf.starts_with("quyet nghi:")
            }) && l.chars <= 60
            {
                break;
            }
        }
        // A sentence-case line ending with a colon after a title has begun opens the text.
        if !parts.is_empty() && !caps && t.ends_with(':') {
            break;
        }
        let part = if parts.is_empty() {
            first_line(l)
        } else {
            (l.start, l.end)
        };
        if part.0 < part.1 {
            parts.push(part);
        }
        j += 1;
    }
    if let (Some(first), Some(last)) = (parts.first(), parts.last()) {
        let (s, mut e) = (first.0, last.1);
        // The full stop some copies put after the subject is not part of it.
        if norm[s..e].ends_with('.') && !norm[s..e].ends_with("..") {
            e -= 1;
        }
        let text = squash_spaces(
            &parts
                .iter()
                .map(|(a, b)| &norm[*a..(*b).min(e)])
                .collect::<Vec<_>>()
                .join(" "),
        );
        // `CỦA BAN THƯỜNG VỤ TỈNH ỦY` before `Về việc ...`: the issuer, not the subject.
        let ft = fold(&text);
        if ft.starts_with("cua ") {
            // Only a body's name lies between `của` and `về`; `CỦA ĐỒNG CHÍ TỔNG BÍ THƯ TẠI
            // BUỔI LÀM VIỆC VỚI ... VỀ ...` is the subject itself.
            let about = [" ve viec ", " ve ", " v/v "]
                .iter()
                .filter_map(|p| ft.find(p))
                .min()
                .filter(|&k| {
                    let name = &ft[4..k];
                    ![" tai ", " voi ", " trong "]
                        .iter()
                        .any(|w| name.contains(w))
                });
            let fvt = Folded::new(&text);
            match about {
                Some(k) => {
                    let issuer = text[fvt.src(4)..fvt.src(k)].trim().trim_end_matches(',');
                    let title = &text[fvt.src(k + 1)..];
                    out.title_issuer = Some(Field {
                        text: sentence_case(issuer),
                        span: ctx.span(s, e),
                    });
                    let ts = locate(norm, s, e, title);
                    out.title = Some(Field {
                        text: title.to_string(),
                        span: ctx.span(ts.0, ts.1),
                    });
                }
                None => {
                    out.title = Some(Field {
                        text,
                        span: ctx.span(s, e),
                    });
                }
            }
        } else {
            out.title = Some(Field {
                text,
                span: ctx.span(s, e),
            });
        }
    }
    j
}

/// Finds where the squashed `needle` begins in `norm[s..e]` (by its first word) and returns a
/// normalised range ending at `e`.
fn locate(norm: &str, s: usize, e: usize, needle: &str) -> (usize, usize) {
    let first = needle.split_whitespace().next().unwrap_or("");
    let k = norm[s..e].find(first).map_or(s, |k| s + k);
    (k, e)
}

fn is_position_led(f: &str) -> bool {
    [
        "bo truong",
        "thu tuong",
        "chu tich",
        "giam doc",
        "tong giam doc",
        "tong cuc truong",
        "cuc truong",
        "truong ban",
        "bi thu",
        "thong doc",
        "chanh an",
        "vien truong",
        "chu nhiem",
    ]
    .iter()
    .any(|p| f.starts_with(p))
}

/// Groups organ lines into bodies and picks issuer and parent.
fn finish(ctx: &Ctx, out: &mut HeaderOut, organ_lines: &[(usize, usize)]) {
    let norm = ctx.text;
    // Each body: its lines' ranges.
    let mut bodies: Vec<Vec<(usize, usize)>> = Vec::new();
    for &(s, e) in organ_lines {
        let t = norm[s..e].trim();
        if t.is_empty() {
            continue;
        }
        let f = fold(t);
        // `TỈNH ĐẮK LẮK` continues `ỦY BAN NHÂN DÂN`; `TỈNH ỦY` is a body of its own.
        let level = tables::LEVEL_WORDS.iter().any(|w| f.starts_with(w)) && !starts_body(&f);
        let continues = match bodies.last().and_then(|b| b.last()) {
            None => false,
            Some(&(ps, pe)) => {
                let prev = fold(&norm[ps..pe]);
                let prev_words = bodies.last().map_or(0, |b| {
                    b.iter()
                        .map(|&(s, e)| norm[s..e].split_whitespace().count())
                        .sum::<usize>()
                });
                level
                    || prev_words == 1
                    || !starts_body(&f)
                    || prev.ends_with(" va")
                    || prev.ends_with(',')
            }
        };
        match bodies.last_mut() {
            Some(b) if continues => b.push((s, e)),
            _ => bodies.push(vec![(s, e)]),
        }
    }
    out.organs = bodies
        .iter()
        .map(|b| {
            let text = b
                .iter()
                .map(|&(s, e)| norm[s..e].trim())
                .collect::<Vec<_>>()
                .join(" ");
            let (s, e) = (b[0].0, b[b.len() - 1].1);
            // Decoration glued after the name (`THÀNH PHỐ —=—==——......`) is not part of it.
            let text = text.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
            Field {
                text: sentence_case(&squash_spaces(text)),
                span: ctx.span(s, e),
            }
        })
        .collect();
    // `ĐẢNG BỘ TỈNH LÂM ĐỒNG` / `TỈNH ỦY`: the committee is named with its place (HD36).
    let n = out.organs.len();
    if n >= 2 {
        let last = fold(&out.organs[n - 1].text);
        let parent_text = out.organs[n - 2].text.clone();
        let parent = fold(&parent_text);
        let bare = matches!(
            last.as_str(),
            "tinh uy" | "huyen uy" | "thanh uy" | "quan uy" | "thi uy" | "dang uy"
        );
        if bare && parent.starts_with("dang bo ") {
            // The place: the parent's words after its level word (`tỉnh`, `huyện`, `thành phố` ...).
            let words: Vec<&str> = parent_text.split(' ').collect();
            let fw: Vec<String> = words.iter().map(|w| fold(w)).collect();
            if let Some(k) = fw
                .iter()
                .position(|w| matches!(w.as_str(), "tinh" | "huyen" | "quan" | "xa" | "pho"))
            {
                let place = words[k + 1..].join(" ");
                if !place.is_empty() {
                    let org = &mut out.organs[n - 1];
                    org.text = format!("{} {}", org.text, place);
                }
            }
        }
    }
    // A Party department under the Central Committee is named with it: `VĂN PHÒNG` under
    // `BAN CHẤP HÀNH TRUNG ƯƠNG` is `Văn phòng Trung ương Đảng`, `BAN TỔ CHỨC` is
    // `Ban Tổ chức Trung ương` (HD36, header layout).
    let n = out.organs.len();
    if n >= 2 && out.family == Some(Family::Party) {
        let parent = fold(&out.organs[n - 2].text);
        let last = fold(&out.organs[n - 1].text);
        if parent.contains("trung uong") && !last.contains("trung uong") {
            let org = &mut out.organs[n - 1];
            if last == "van phong" {
                org.text.push_str(" Trung ương Đảng");
            } else if last.starts_with("ban ") {
                org.text.push_str(" Trung ương");
            }
        } else if (last == "van phong" || last.starts_with("ban "))
            && !last.contains(" uy")
            && [
                "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy", "dang uy",
            ]
            .iter()
            .any(|c| parent.starts_with(c))
        {
            // Likewise under a local committee: `VĂN PHÒNG` under `TỈNH ỦY QUẢNG NGÃI` is
            // `Văn phòng Tỉnh ủy Quảng Ngãi`.
            let committee = out.organs[n - 2].text.clone();
            let org = &mut out.organs[n - 1];
            org.text = format!("{} {}", org.text, committee);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_lines_as_written_and_as_ocr_reads_them() {
        let vv = |t: &str| is_vv(t, &fold(t));
        for t in [
            "V/v tăng cường phòng, chống dịch",
            "V/v: hướng dẫn thủ tục",
            "v/v hướng dẫn",
            "V.v triển khai",
            "Viv tý giá tính thuế",
            "VWv triển khai hướng dẫn",
            "VAv hướng dẫn thực hiện",
            "VA hoàn thuế giá trị gia tăng",
            "V1v cấp giấy phép",
            "*V/v* tổ chức hội nghị",
        ] {
            assert!(vv(t), "{t}");
        }
        for t in [
            "Vì vậy, đề nghị các đơn vị",
            "VÀO NGÀY 12 THÁNG 5",
            "VA CHẠM GIAO THÔNG",
            "Va chạm giao thông",
            "Vấn đề này",
            "Về việc tổ chức",
            "V/v",
            "VIỆT NAM",
        ] {
            assert!(!vv(t), "{t}");
        }
    }

    #[test]
    fn symbols() {
        let cases = [
            ("Số: 010/CT-UBND", Some("010/CT-UBND")),
            ("Số 15-CT/TU", Some("15-CT/TU")),
            ("Số: 1906 /SGDĐT-CTrTT", Some("1906 /SGDĐT-CTrTT")),
            (
                "Số: 330/TB-VPCP Hà Nội, ngày 18 tháng 10 năm 2022",
                Some("330/TB-VPCP"),
            ),
            ("Số: /QĐ-UBND", Some("/QĐ-UBND")),
            ("Số: 30/2020/NĐ-CP", Some("30/2020/NĐ-CP")),
            ("Số hiệu: 212-KL/TW", None),
            ("Số lượng 15", None),
            ("Sở Y tế", None),
        ];
        for (s, want) in cases {
            let got = symbol_in_line(s, &fold(s)).map(|(a, b)| &s[a..b]);
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn date_phrases() {
        let d = date_phrase("ha noi, ngay 05 thang 01 nam 2020").unwrap();
        assert_eq!((d.day, d.month, d.year), ("05", "01", "2020"));
        let d = date_phrase("ngay 17 thang 11 nam 2025").unwrap();
        assert_eq!(d.end, "ngay 17 thang 11 nam 2025".len());
        let d = date_phrase("ha noi, ngay .... thang ... nam 2024").unwrap();
        assert_eq!((d.day, d.month, d.year), ("", "", "2024"));
        // OCR letters for digits, in a part that holds a digit.
        let d = date_phrase("ha noi, ngay l8thang 8 nam 2021").unwrap();
        assert_eq!((d.day, d.month, d.year), ("l8", "8", "2021"));
        assert_eq!(ocr_number::<u32>(d.day), Some(18));
        assert_eq!(ocr_number::<u32>("1o"), Some(10));
        assert!(date_phrase("ngay lo thang 5 nam 2020").is_none());
        assert!(date_phrase("hom nay thang 5").is_none());
        assert!(date_phrase("ngayngay thang").is_none());
        assert!(date_phrase("ngay 12").is_none());
    }

    #[test]
    fn place_words_end_the_text_before_the_date() {
        for (before, place) in [
            ("Hà Nội", "Hà Nội"),
            ("7 Q Hà Nội", "Hà Nội"),
            ("sốl 0688/BYT-MT Hà Nội", "Hà Nội"),
            ("Số: 12 /VPCP- KTTH Hà Nội", "Hà Nội"),
            (
                "86:5619 SYT-NVY Thành phố Hồ Chí Minh",
                "Thành phố Hồ Chí Minh",
            ),
            ("Bà Rịa-Vũng Tàu", "Bà Rịa-Vũng Tàu"),
            ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
            ("HÀ NỘI", "HÀ NỘI"),
            ("phố Huế", "Huế"),
        ] {
            assert_eq!(place_words(before), place, "{before}");
        }
    }

    #[test]
    fn national_lines() {
        assert!(national_phrase(&fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).is_some());
        assert!(national_phrase(&fold("ĐẢNG CỘNG SẢN VIỆT NAM")).is_some());
        let f = fold("VAN PHONG CHÍNH PHU CONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(national_phrase(&f).map(|x| x.0), f.find("cong hoa"));
        assert!(national_phrase(&fold("Tiếp tục thực hiện nghiêm túc các chủ trương của Đảng Cộng sản Việt Nam và chính sách pháp luật của Nhà nước trong toàn tỉnh")).is_none());
        // Where the phrase may start and how much may follow it.
        let at =
            |k: usize, tail: usize| format!("{}cong hoa xa hoi{}", "x".repeat(k), "y".repeat(tail));
        assert_eq!(national_phrase(&at(60, 40)).map(|x| x.0), Some(60));
        assert!(national_phrase(&at(61, 0)).is_none());
        assert!(national_phrase(&at(0, 41)).is_none());
        let late = format!("{}chu nghia viet nam", "x ".repeat(40));
        assert!(national_phrase(&late).is_some());
        let later = format!("x{late}");
        assert!(national_phrase(&later).is_none());
        // As the regulation writes them: capitals, or the tiêu ngữ in any case.
        let line = |t: &str| national_line(t, &fold(t)).is_some();
        assert!(line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(line("BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assert!(line("ĐẢNG CỘNG SẢN VIỆT NAM"));
        assert!(line("Độc lập - Tự do - Hạnh phúc"));
        assert!(!line("Cộng hòa xã hội chủ nghĩa Việt Nam là thành viên;"));
        assert!(!line("Đảng Cộng sản Việt Nam lãnh đạo"));
    }

    #[test]
    fn type_lines() {
        for (s, k) in [
            ("CHỈ THỊ", "chi_thi"),
            ("KẾT LUẬN CỦA BỘ CHÍNH TRỊ", "ket_luan"),
            ("THÔNG BÁO", "thong_bao"),
            ("CÔNG ĐIỆN", "cong_dien"),
        ] {
            assert_eq!(type_line(s, &fold(s)).map(|x| x.0.kind), Some(k), "{s}");
        }
        for s in [
            "Chỉ thị này",
            "QUYẾT ĐỊNH:",
            "CHỈ TIÊU",
            "VĂN BẢN LIÊN QUAN",
        ] {
            assert!(type_line(s, &fold(s)).is_none(), "{s}");
        }
    }
}
