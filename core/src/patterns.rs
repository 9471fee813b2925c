//! The patterns the stages match, in one place, each with must-match and must-not-match tests.
//!
//! All are hand-written scanners over a line (linear time, no backtracking); they work on the
//! normalised text and, where OCR damage matters, on its folded form.

use crate::model::MarkerKind;
use crate::text::fold_char;

/// An item marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// The label as written, trimmed (`1.`, `Điều 1.`, `a)`).
    pub label: String,
    /// Bytes of the line taken by the label and the spaces after it.
    pub len: usize,
    /// Bytes of the label itself.
    pub label_len: usize,
    /// Ordinal value (`III` → 3, `đ` → 6); `None` for bullets.
    pub ordinal: Option<u32>,
    /// For decimal markers, the number of components (`2.1.` → 2).
    pub depth: u8,
}

/// Vietnamese letter order used for lettered items: a b c d đ e g h i k l m n o p q r s t u v x y.
pub const LETTERS: &[char] = &[
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y',
];

/// Ordinal of a lettered item (`a` → 1, `đ` → 5).
pub fn letter_ordinal(c: char) -> Option<u32> {
    LETTERS.iter().position(|&l| l == c).map(|p| p as u32 + 1)
}

/// A Roman heading as OCR reads its numeral (`H.` for `II.`, `Il.`, `I1.`, `IIl.`): letters that
/// look like `I` map to it; only before a heading in capitals (`H. NỘI DUNG CHÍNH SÁCH`), so a
/// name's initial (`H. Nguyễn`) is no marker.
fn ocr_roman(line: &str) -> Option<Marker> {
    let end = line.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'l' | 'H' | '1'))?;
    let token = &line[..end];
    if end == 0
        || end > 5
        || !token.contains(['l', 'H', '1'])
        || !(line[end..].starts_with(". ") || line[end..].starts_with("- "))
    {
        return None;
    }
    let mapped: String = token
        .chars()
        .map(|c| match c {
            'H' => "II",
            'l' | '1' => "I",
            'I' => "I",
            'V' => "V",
            'X' => "X",
            _ => "L",
        })
        .collect();
    let v = roman_value(&mapped)?;
    let heading = line[end + 2..].trim();
    (crate::text::letter_count(heading) >= 4 && crate::text::is_caps(heading))
        .then(|| mk(MarkerKind::Roman, line, end + 1, Some(v), 1))
}

/// Value of a Roman numeral (I..=XXXIX with L, C for safety); `None` if malformed.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let val = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let mut total = 0i32;
    let chars: Vec<i32> = s.chars().map(val).collect::<Option<Vec<_>>>()?;
    for i in 0..chars.len() {
        if i + 1 < chars.len() && chars[i] < chars[i + 1] {
            total -= chars[i];
        } else {
            total += chars[i];
        }
    }
    if total <= 0 {
        return None;
    }
    // Canonical form check: re-encode and compare.
    (crate::text::roman(total as u32) == s).then_some(total as u32)
}

fn ordinal_words(f: &str) -> Option<u32> {
    const W: &[&str] = &[
        "nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi",
    ];
    W.iter().position(|w| *w == f).map(|p| p as u32 + 1)
}

fn skip_spaces(s: &str, i: usize) -> usize {
    i + s[i..].len() - s[i..].trim_start_matches([' ', '\t']).len()
}

fn mk(kind: MarkerKind, line: &str, label_end: usize, ordinal: Option<u32>, depth: u8) -> Marker {
    let len = skip_spaces(line, label_end);
    Marker {
        kind,
        label: line[..label_end].trim().to_string(),
        len,
        label_len: label_end,
        ordinal,
        depth,
    }
}

/// What may follow a label: end of line, a space, or (for `1.Nội dung`) a capital letter.
fn label_boundary(rest: &str) -> bool {
    match rest.chars().next() {
        None => true,
        Some(c) => {
            c == ' '
                || c == '\t'
                || c.is_uppercase()
                || c == '"'
                || c == '“'
                || c == '('
                || c == '*'
        }
    }
}

/// Keyword markers: `Phần I`, `PHẦN THỨ NHẤT`, `Chương II`, `Mục 1`, `Điều 5.`.
fn keyword_marker(line: &str) -> Option<Marker> {
    let mut words = line.split(' ');
    let first = words.next()?;
    let f: String = first.chars().map(|c| fold_char(c) as char).collect();
    let kind = match f.as_str() {
        "phan" => MarkerKind::Part,
        "chuong" => MarkerKind::Chapter,
        "muc" => MarkerKind::Section,
        "dieu" => MarkerKind::Article,
        _ => return None,
    };
    // Keywords are capitalised (`Điều`, `ĐIỀU`), never `điều`.
    if !first.chars().next()?.is_uppercase() {
        return None;
    }
    let after_kw = first.len() + 1;
    if after_kw > line.len() {
        return None;
    }
    let rest = &line[after_kw..];
    let num_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric()))
        .unwrap_or(rest.len());
    let num = &rest[..num_end];
    let (ordinal, mut end) = if let Ok(n) = num.parse::<u32>() {
        (n, after_kw + num_end)
    } else if let Some(v) = roman_value(num) {
        (v, after_kw + num_end)
    } else if kind == MarkerKind::Part {
        // `PHẦN THỨ NHẤT`
        let mut it = rest.split(' ');
        let thu = it.next()?;
        let ord = it.next()?;
        if crate::text::fold(thu) != "thu" {
            return None;
        }
        let v = ordinal_words(&crate::text::fold(ord.trim_end_matches([':', '.'])))?;
        (
            v,
            after_kw + thu.len() + 1 + ord.trim_end_matches([':', '.']).len(),
        )
    } else {
        return None;
    };
    if kind == MarkerKind::Article && ordinal == 0 {
        return None;
    }
    let tail = &line[end..];
    if tail.starts_with('.') || tail.starts_with(':') {
        end += 1;
    } else if !(tail.is_empty() || tail.starts_with(' ') || tail.starts_with('\t')) {
        return None;
    }
    // `Mục tiêu`, `Điều kiện` are words, not markers: the keyword must be followed by a number.
    Some(mk(kind, line, end, Some(ordinal), 1))
}

/// Recognises an item marker at the start of `line` (trimmed, normalised).
pub fn marker(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    match first {
        '-' | '–' | '—' | '‐' | '−' => {
            let rest = &line[first.len_utf8()..];
            // `---` decoration, `-3%` numbers, `--` are not bullets.
            let next = rest.chars().next();
            if next.is_none_or(|c| {
                c == '-' || c == '–' || c.is_ascii_digit() && !rest.starts_with(' ')
            }) {
                return None;
            }
            return Some(mk(MarkerKind::Dash, line, first.len_utf8(), None, 1));
        }
        '+' => {
            let rest = &line[1..];
            if rest
                .chars()
                .next()
                .is_none_or(|c| c.is_ascii_digit() || c == '+')
            {
                return None;
            }
            return Some(mk(MarkerKind::Plus, line, 1, None, 1));
        }
        '•' | '·' | '●' | '▪' | '\u{F0B7}' | '*' | '○' | '◦' | '■' | '♦' | '➢' | '✓' =>
        {
            let rest = &line[first.len_utf8()..];
            if rest.trim().is_empty() || rest.starts_with('*') {
                return None;
            }
            return Some(mk(MarkerKind::Bullet, line, first.len_utf8(), None, 1));
        }
        '(' => {
            let close = line[1..].find(')')? + 1;
            let inner = &line[1..close];
            if let Ok(n) = inner.parse::<u32>() {
                if inner.len() <= 2 && n > 0 {
                    return Some(mk(MarkerKind::Bracketed, line, close + 1, Some(n), 1));
                }
            }
            // `(i)`, `(ii)`: an enumeration in lower-case Roman numerals, a style of its own
            // beside `(1)` (one level apart).
            if (1..=4).contains(&inner.len())
                && inner.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
            {
                let n = roman_value(&inner.to_ascii_uppercase())?;
                if label_boundary(&line[close + 1..]) {
                    return Some(mk(MarkerKind::Bracketed, line, close + 1, Some(n), 2));
                }
            }
            return None;
        }
        _ => {}
    }
    if first.is_ascii_digit() {
        let bytes = line.as_bytes();
        let mut i = 0;
        let mut parts: Vec<u32> = Vec::new();
        loop {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // Up to three digits for the first number (`100.`), two after a dot (`2.1`).
            let max = if parts.is_empty() { 3 } else { 2 };
            if i == s || i - s > max {
                return None;
            }
            parts.push(line[s..i].parse().ok()?);
            if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                continue;
            }
            break;
        }
        let rest = &line[i..];
        if parts.len() > 1 {
            // `2.1.` or `2.1` followed by a space; `1.000` was refused above (3 digits).
            let end = if rest.starts_with('.') { i + 1 } else { i };
            if !label_boundary(&line[end..]) || parts.len() > 4 {
                return None;
            }
            // `3.5 triệu` is a number: without the final dot, the text must start in capitals.
            let text_after = line[end..].trim_start();
            if end == i && text_after.chars().next().is_some_and(|c| !c.is_uppercase()) {
                return None;
            }
            let depth = parts.len() as u8;
            return Some(mk(
                MarkerKind::Decimal,
                line,
                end,
                parts.last().copied(),
                depth,
            ));
        }
        let n = parts[0];
        if n == 0 {
            return None;
        }
        let kind = match rest.chars().next() {
            Some('.') => MarkerKind::ArabicDot,
            Some('-') | Some('–') => MarkerKind::ArabicDash,
            Some(')') => MarkerKind::ArabicParen,
            Some('/') => MarkerKind::ArabicSlash,
            _ => return None,
        };
        let sep = rest.chars().next().map_or(0, char::len_utf8);
        let after = &line[i + sep..];
        // `15/CT-TTg`, `15-CT/TU` are symbols: only `1.` may touch its text.
        if kind != MarkerKind::ArabicDot && !(after.is_empty() || after.starts_with([' ', '\t'])) {
            return None;
        }
        // `1/2020`, `1-2 ngày`, `1.5` are not markers.
        if after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if !label_boundary(after) {
            return None;
        }
        return Some(mk(kind, line, i + sep, Some(n), 1));
    }
    if first.is_uppercase() {
        if let Some(m) = keyword_marker(line) {
            return Some(m);
        }
        // Roman numerals: `I.`, `II-`, `IV)`.
        let end = line
            .find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L'))
            .unwrap_or(line.len());
        if end > 0 && end <= 6 {
            let v = roman_value(&line[..end])?;
            let rest = &line[end..];
            let sep = match rest.chars().next() {
                Some('.') | Some('-') | Some('–') | Some(')') | Some('/') => {
                    rest.chars().next().unwrap().len_utf8()
                }
                _ => return ocr_roman(line),
            };
            let after = &line[end + sep..];
            if after.chars().next().is_some_and(|c| c.is_ascii_digit()) || !label_boundary(after) {
                return None;
            }
            // `V/V`, `I-CT` are not markers: only `I.` may touch its text.
            if !(rest.starts_with('.') || after.is_empty() || after.starts_with([' ', '\t'])) {
                return None;
            }
            return Some(mk(MarkerKind::Roman, line, end + sep, Some(v), 1));
        }
        return ocr_roman(line);
    }
    if first.is_lowercase() {
        let ord = letter_ordinal(first)?;
        let rest = &line[first.len_utf8()..];
        // `a.1)`: a sub-point of point `a)`, one level below it.
        let sub_digits = rest
            .strip_prefix('.')
            .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
        let (kind, sep, depth, ord) = if rest.starts_with(')') {
            (MarkerKind::Letter, 1, 1, ord)
        } else if rest.starts_with(". ") {
            (MarkerKind::LetterDot, 1, 1, ord)
        } else if (1..=2).contains(&sub_digits) && rest[1 + sub_digits..].starts_with(')') {
            let n = rest[1..1 + sub_digits].parse().ok()?;
            (MarkerKind::Letter, sub_digits + 2, 2, n)
        } else {
            return None;
        };
        let after = &rest[sep..];
        if !label_boundary(after) && !after.chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        return Some(mk(kind, line, first.len_utf8() + sep, Some(ord), depth));
    }
    None
}

/// A signing mark at the start of a line: the mark as written and the byte offset of what
/// follows it. Marks: `TM.`, `T/M`, `KT.`, `K/T`, `TL.`, `T/L`, `TUQ.`, `T/U`, `Q.`.
pub fn signing_mark(line: &str) -> Option<(String, usize)> {
    const FORMS: &[&str] = &[
        "TUQ.", "T/M", "TM.", "K/T", "KT.", "T/L", "TL.", "T/U", "Q.",
    ];
    let (mark, len) = match FORMS.iter().find(|f| line.starts_with(**f)) {
        Some(f) => (f.to_string(), f.len()),
        None => {
            // OCR damage to the first letter of a Party mark (`„/M BỘ CHÍNH TRỊ`): repaired only
            // into a known mark.
            let mut cs = line.char_indices();
            let (_, c0) = cs.next()?;
            let (i1, c1) = cs.next()?;
            let (i2, c2) = cs.next()?;
            if c0.is_alphanumeric() || c0.is_whitespace() || c1 != '/' || i1 != c0.len_utf8() {
                return None;
            }
            let fixed = match c2 {
                'M' => "T/M",
                'L' => "T/L",
                'T' => "K/T",
                _ => return None,
            };
            (fixed.to_string(), i2 + 1)
        }
    };
    let rest = &line[len..];
    // Followed by the organ, in capitals.
    let rest_t = rest.trim_start();
    if !rest_t.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some((mark, len + (rest.len() - rest_t.len())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerKind::*;

    fn m(s: &str) -> Option<(MarkerKind, String, Option<u32>)> {
        marker(s).map(|m| (m.kind, m.label, m.ordinal))
    }

    #[test]
    fn must_match() {
        let cases: &[(&str, MarkerKind, &str, Option<u32>)] = &[
            ("1. Nội dung", ArabicDot, "1.", Some(1)),
            ("12- Ban Tuyên giáo", ArabicDash, "12-", Some(12)),
            ("3) Sở Y tế", ArabicParen, "3)", Some(3)),
            ("4/ Tổ chức", ArabicSlash, "4/", Some(4)),
            ("1.Nội dung", ArabicDot, "1.", Some(1)),
            ("2.1. Trách nhiệm chung", Decimal, "2.1.", Some(1)),
            ("2.3 Trách nhiệm", Decimal, "2.3", Some(3)),
            ("I. TRÁCH NHIỆM", Roman, "I.", Some(1)),
            ("IV- Tổ chức thực hiện", Roman, "IV-", Some(4)),
            ("XII. Khác", Roman, "XII.", Some(12)),
            ("100. Mục cuối", ArabicDot, "100.", Some(100)),
            ("(1) Rà soát", Bracketed, "(1)", Some(1)),
            ("a.2) Thủ tục thông báo", Letter, "a.2)", Some(2)),
            ("(ii) Nếu mẫu giấy", Bracketed, "(ii)", Some(2)),
            ("a) Là đầu mối", Letter, "a)", Some(1)),
            ("đ) Tăng cường", Letter, "đ)", Some(5)),
            ("g) Giao", Letter, "g)", Some(7)),
            ("- Như trên;", Dash, "-", None),
            ("– Các sở", Dash, "–", None),
            ("+ Phối hợp", Plus, "+", None),
            ("• Tăng cường", Bullet, "•", None),
            ("* Ghi chú", Bullet, "*", None),
            ("Điều 1. Ban hành", Article, "Điều 1.", Some(1)),
            ("Điều 12 Hiệu lực", Article, "Điều 12", Some(12)),
            ("ĐIỀU 2. Tổ chức", Article, "ĐIỀU 2.", Some(2)),
            ("Chương I", Chapter, "Chương I", Some(1)),
            ("Chương II: QUY ĐỊNH CHUNG", Chapter, "Chương II:", Some(2)),
            ("PHẦN THỨ NHẤT", Part, "PHẦN THỨ NHẤT", Some(1)),
            ("Phần II. Nhiệm vụ", Part, "Phần II.", Some(2)),
            ("Mục 2. Trách nhiệm", Section, "Mục 2.", Some(2)),
            ("1.", ArabicDot, "1.", Some(1)),
            ("I.", Roman, "I.", Some(1)),
        ];
        for (s, k, l, o) in cases {
            assert_eq!(m(s), Some((*k, l.to_string(), *o)), "{s}");
        }
    }

    #[test]
    fn must_not_match() {
        for s in [
            "2022. Trong đó",
            "1.000 người",
            "1/2020/NĐ-CP",
            "15/CT-TTg",
            "1-2 ngày",
            "100% học sinh",
            "Mục tiêu",
            "Điều kiện",
            "điều 5 Nghị định",
            "-------",
            "--",
            "-3%",
            "+84",
            "Ic.",
            "IIV. x",
            "I love",
            "(2021) năm",
            "Các sở",
            "ab) x",
            "f) không phải chữ cái tiếng Việt",
            "Việt Nam",
            "0. không",
            "3.5 triệu",
            "V/V CHỦ ĐỘNG PHÒNG",
            "V/v tăng cường",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }

    #[test]
    fn ocr_romans_only_before_capital_headings() {
        for (line, label, v) in [
            ("H. NỘI DUNG CHÍNH SÁCH", "H.", 2),
            ("Il. TỔ CHỨC THỰC HIỆN", "Il.", 2),
            ("IIl. KIẾN NGHỊ", "IIl.", 3),
            ("I1. NHIỆM VỤ", "I1.", 2),
            ("HI- TỔ CHỨC THỰC HIỆN", "HI-", 3),
        ] {
            let m = marker(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (m.kind, m.label.as_str(), m.ordinal),
                (MarkerKind::Roman, label, Some(v))
            );
        }
        for line in [
            "H. Nguyễn Văn An",
            "H.264 là chuẩn nén",
            "Hl. xyz",
            "HH. AB",
            "Il y a",
        ] {
            assert!(
                marker(line).is_none_or(|m| m.kind != MarkerKind::Roman),
                "{line}"
            );
        }
    }

    #[test]
    fn romans() {
        assert_eq!(roman_value("IX"), Some(9));
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
    }

    #[test]
    fn signing_marks() {
        for (s, mark) in [
            ("T/M BAN THƯỜNG VỤ", "T/M"),
            ("TM. ỦY BAN NHÂN DÂN", "TM."),
            ("KT. CHỦ TỊCH", "KT."),
            ("K/T CHÁNH VĂN PHÒNG", "K/T"),
            ("TL. BỘ TRƯỞNG", "TL."),
            ("T/L BAN THƯỜNG VỤ", "T/L"),
            ("TUQ. BỘ TRƯỞNG", "TUQ."),
            ("Q. GIÁM ĐỐC", "Q."),
            ("KT.BỘ TRƯỞNG", "KT."),
            ("„/M BỘ CHÍNH TRỊ", "T/M"),
        ] {
            assert_eq!(signing_mark(s).map(|x| x.0), Some(mark.to_string()), "{s}");
        }
        for s in [
            "TM ỦY BAN",
            "KTX. A",
            "T/M",
            "TL. các sở",
            "QUYẾT ĐỊNH",
            "Q BAN",
        ] {
            assert_eq!(signing_mark(s), None, "{s}");
        }
    }
}
