//! Calendar helpers for dates read from the text.

/// Whether `y-m-d` is a calendar date (years 1900..=2100).
pub fn valid(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    d <= days_in_month(y, m)
}

/// Days in month `m` of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO form `YYYY-MM-DD` of a valid date.
pub fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity() {
        assert!(valid(2020, 2, 29));
        assert!(!valid(2021, 2, 29));
        assert!(!valid(2020, 13, 1));
        assert!(!valid(2020, 4, 31));
        assert_eq!(iso(2020, 3, 27).as_deref(), Some("2020-03-27"));
    }
}

/// What a date or time expression is (`DateExpr.kind` in the model).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// `27/3/2020`, `ngày 27 tháng 3 năm 2020`.
    Date,
    /// `ngày 08/02`: the year inferred from the document.
    Partial,
    /// `tháng 4/2020`.
    Month,
    /// `năm 2025`.
    Year,
    /// `năm học 2019 - 2020`.
    SchoolYear,
    /// `0h00 ngày 28/3/2020`, `15 giờ ngày ...`.
    Time,
    /// `từ ngày ... đến ngày ...`.
    Range,
    /// `14 ngày`, `24/7`.
    Duration,
    /// `trước ngày 30/6/2026`, `chậm nhất ngày ...`, `trước 15 giờ ngày ...`.
    Deadline,
}

impl DateKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Partial => "partial",
            DateKind::Month => "month",
            DateKind::Year => "year",
            DateKind::SchoolYear => "school_year",
            DateKind::Time => "time",
            DateKind::Range => "range",
            DateKind::Duration => "duration",
            DateKind::Deadline => "deadline",
        }
    }
}

/// A date or time expression in a text: byte range, kind and ISO value (`2020-03-27`,
/// `2020-04`, `2020-03-28T00:00`, `2019/2020`, `P14D`; a range's value is `start/end`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateFound {
    pub kind: DateKind,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

fn digits(f: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut j = i;
    while j < f.len() && f[j].is_ascii_digit() && j - i < max {
        j += 1;
    }
    if j == i || j < f.len() && f[j].is_ascii_digit() {
        return None;
    }
    std::str::from_utf8(&f[i..j])
        .ok()?
        .parse()
        .ok()
        .map(|v| (v, j))
}

fn boundary(f: &[u8], i: usize) -> bool {
    i == 0 || !f[i - 1].is_ascii_alphanumeric() && f[i - 1] != b'/' && f[i - 1] != b'.'
}

fn word_at(f: &[u8], i: usize, w: &str) -> bool {
    // The first byte first: most positions fail there, without a slice comparison.
    f.get(i) == w.as_bytes().first()
        && f.len() >= i + w.len()
        && &f[i..i + w.len()] == w.as_bytes()
        && (i + w.len() == f.len() || !f[i + w.len()].is_ascii_alphanumeric())
        && boundary(f, i)
}

fn skip_sp(f: &[u8], mut i: usize) -> usize {
    while i < f.len() && f[i] == b' ' {
        i += 1;
    }
    i
}

/// Whether an expression may start with bytes `b`, `next` of the folded text: a digit, or the
/// first two letters of `trước`, `từ`, `tháng`, `chậm`, `hạn`, `năm`, `ngày`.
fn starts_expression(b: u8, next: Option<u8>) -> bool {
    b.is_ascii_digit()
        || matches!(
            (b, next),
            (b't', Some(b'r' | b'u' | b'h'))
                | (b'c', Some(b'h'))
                | (b'h', Some(b'a'))
                | (b'n', Some(b'a' | b'g'))
        )
}

/// A day-month(-year) at `i`: full date, or partial with `year` inferred. (value, end, partial)
fn dmy(fs: &str, i: usize, year: Option<i32>) -> Option<(String, usize, bool)> {
    let f = fs.as_bytes();
    // Both forms start with a digit.
    if !f.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if let Some((iso, e)) = crate::citations::date_at(fs, i) {
        return Some((iso, e, false));
    }
    let (d, j) = digits(f, i, 2)?;
    if j < f.len() && f[j] == b'/' {
        let (m, e) = digits(f, j + 1, 2)?;
        if e < f.len() && (f[e] == b'/' || f[e].is_ascii_digit()) {
            return None;
        }
        let y = year?;
        return iso(y, m, d).map(|v| (v, e, true));
    }
    None
}

/// Finds date and time expressions. `year` is the document's year, used for partial dates.
pub fn expressions(text: &str, year: Option<i32>) -> Vec<DateFound> {
    expressions_in(&crate::text::Folded::new(text), year)
}

/// [`expressions`] over a text already folded (byte ranges are the text's, through `fv`).
pub fn expressions_in(fv: &crate::text::Folded, year: Option<i32>) -> Vec<DateFound> {
    let f = fv.text.as_bytes();
    let mut out: Vec<DateFound> = Vec::new();
    // Every expression below is pushed only where `digits` (or `dmy`, which starts with it)
    // read a number: a text without an ASCII digit has none, and is not scanned.
    if !crate::text::has_ascii_digit(f) {
        return out;
    }
    let mut i = 0;
    let push = |out: &mut Vec<DateFound>, kind, s: usize, e: usize, value: Option<String>| {
        out.push(DateFound {
            kind,
            start: fv.src(s),
            end: fv.src(e),
            value,
        });
    };
    while i < f.len() {
        // Every expression starts at a word boundary, with a digit or the first letter of one
        // of the words below (`trước`, `chậm`, `hạn`, `từ`, `năm`, `tháng`, `ngày`).
        if !boundary(f, i) || !starts_expression(f[i], f.get(i + 1).copied()) {
            i += 1;
            continue;
        }
        // Deadlines: `trước ngày X`, `chậm nhất ngày X`, `trước H giờ ngày X`.
        for lead in [
            "truoc ngay",
            "cham nhat ngay",
            "cham nhat la ngay",
            "han chot ngay",
            "truoc",
        ] {
            if word_at(f, i, lead) {
                let mut j = skip_sp(f, i + lead.len());
                let mut time = None;
                if lead == "truoc" {
                    // `trước 15 giờ ngày ...` or `trước 15 giờ 00 ngày ...`
                    if let Some((h, e)) = digits(f, j, 2) {
                        let e2 = skip_sp(f, e);
                        if word_at(f, e2, "gio") {
                            let mut k = skip_sp(f, e2 + 3);
                            let mut mins = 0;
                            if let Some((mm, e3)) = digits(f, k, 2) {
                                mins = mm;
                                k = skip_sp(f, e3);
                            }
                            time = Some((h, mins));
                            j = k;
                        }
                    }
                    if !word_at(f, j, "ngay") {
                        continue;
                    }
                    j = skip_sp(f, j + 4);
                }
                if let Some((v, e, _)) = dmy(fv.text.as_str(), j, year) {
                    let value = match time {
                        Some((h, m)) if h < 24 && m < 60 => format!("{v}T{h:02}:{m:02}"),
                        _ => v,
                    };
                    push(&mut out, DateKind::Deadline, i, e, Some(value));
                    i = e;
                    continue;
                }
            }
        }
        if out.last().is_some_and(|d| d.end > fv.src(i)) {
            i += 1;
            continue;
        }
        // Ranges: `từ ngày X đến (ngày) Y`.
        if word_at(f, i, "tu ngay") {
            let j = skip_sp(f, i + 7);
            if let Some((a, e, _)) = dmy(fv.text.as_str(), j, year) {
                let mut k = skip_sp(f, e);
                if word_at(f, k, "den") {
                    k = skip_sp(f, k + 3);
                    if word_at(f, k, "ngay") {
                        k = skip_sp(f, k + 4);
                    }
                    if let Some((b, e2, _)) = dmy(fv.text.as_str(), k, year) {
                        push(&mut out, DateKind::Range, i, e2, Some(format!("{a}/{b}")));
                        i = e2;
                        continue;
                    }
                }
            }
        }
        // Times: `0h00 ngày 28/3/2020`, `13 giờ 00 ngày 26/7/2020`.
        if let Some((h, e)) = digits(f, i, 2) {
            let (mut mins, mut k, mut ok) = (0, e, false);
            if k < f.len() && f[k] == b'h' {
                ok = true;
                k += 1;
                if let Some((mm, e2)) = digits(f, k, 2) {
                    mins = mm;
                    k = e2;
                }
            } else {
                let k2 = skip_sp(f, k);
                if word_at(f, k2, "gio") {
                    ok = true;
                    k = skip_sp(f, k2 + 3);
                    if let Some((mm, e2)) = digits(f, k, 2) {
                        mins = mm;
                        k = e2;
                    }
                }
            }
            if ok && h < 24 && mins < 60 {
                let k2 = skip_sp(f, k);
                if word_at(f, k2, "ngay") {
                    if let Some((v, e3, _)) = dmy(fv.text.as_str(), skip_sp(f, k2 + 4), year) {
                        push(
                            &mut out,
                            DateKind::Time,
                            i,
                            e3,
                            Some(format!("{v}T{h:02}:{mins:02}")),
                        );
                        i = e3;
                        continue;
                    }
                }
            }
        }
        // `năm học 2019 - 2020`.
        if word_at(f, i, "nam hoc") {
            let j = skip_sp(f, i + 7);
            if let Some((a, e)) = digits(f, j, 4) {
                let mut k = skip_sp(f, e);
                if k < f.len() && f[k] == b'-' {
                    k = skip_sp(f, k + 1);
                    if let Some((b, e2)) = digits(f, k, 4) {
                        if b == a + 1 {
                            push(
                                &mut out,
                                DateKind::SchoolYear,
                                i,
                                e2,
                                Some(format!("{a}/{b}")),
                            );
                            i = e2;
                            continue;
                        }
                    }
                }
            }
        }
        // `tháng 4/2020`, `tháng 4 năm 2020`.
        if word_at(f, i, "thang") {
            let j = skip_sp(f, i + 5);
            if let Some((m, e)) = digits(f, j, 2) {
                let (y, e2) = if e < f.len() && f[e] == b'/' {
                    match digits(f, e + 1, 4) {
                        Some((y, e2)) if y >= 1900 => (Some(y), e2),
                        _ => (None, e),
                    }
                } else {
                    let k = skip_sp(f, e);
                    if word_at(f, k, "nam") {
                        match digits(f, skip_sp(f, k + 3), 4) {
                            Some((y, e2)) if y >= 1900 => (Some(y), e2),
                            _ => (None, e),
                        }
                    } else {
                        (None, e)
                    }
                };
                if let (Some(y), true) = (y, (1..=12).contains(&m)) {
                    push(
                        &mut out,
                        DateKind::Month,
                        i,
                        e2,
                        Some(format!("{y:04}-{m:02}")),
                    );
                    i = e2;
                    continue;
                }
            }
        }
        // `ngày 27/3/2020`, `27/3/2020`, `ngày 08/02` (partial).
        let (lead, j) = if word_at(f, i, "ngay") {
            (true, skip_sp(f, i + 4))
        } else {
            (false, i)
        };
        if let Some((v, e, partial)) = dmy(fv.text.as_str(), j, year) {
            if !partial || lead {
                let kind = if partial {
                    DateKind::Partial
                } else {
                    DateKind::Date
                };
                push(&mut out, kind, i, e, Some(v));
                i = e;
                continue;
            }
        }
        // `24/7`.
        if f[i..].starts_with(b"24/7")
            && (i + 4 == f.len() || !f[i + 4].is_ascii_digit() && f[i + 4] != b'/')
        {
            push(&mut out, DateKind::Duration, i, i + 4, Some("24/7".into()));
            i += 4;
            continue;
        }
        // Durations: `14 ngày`, `06 tháng`, `2 năm`, `48 giờ`.
        if let Some((n, e)) = digits(f, i, 4) {
            let k = skip_sp(f, e);
            let unit = [
                ("ngay", "D"),
                ("tuan", "W"),
                ("thang", "M"),
                ("nam", "Y"),
                ("gio", "H"),
            ]
            .into_iter()
            .find(|(w, _)| k > e && word_at(f, k, w));
            if let Some((w, unit)) = unit {
                // (`05 tháng 01 năm 2020` was taken above as a date.)
                let v = if unit == "H" {
                    format!("PT{n}H")
                } else {
                    format!("P{n}{unit}")
                };
                push(&mut out, DateKind::Duration, i, k + w.len(), Some(v));
                i = k + w.len();
                continue;
            }
        }
        // `năm 2025`.
        if word_at(f, i, "nam") {
            if let Some((y, e)) = digits(f, skip_sp(f, i + 3), 4) {
                if (1900..=2100).contains(&y) {
                    push(&mut out, DateKind::Year, i, e, Some(format!("{y:04}")));
                    i = e;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod expression_tests {
    use super::*;

    fn kinds(t: &str, year: Option<i32>) -> Vec<(&'static str, String)> {
        expressions(t, year)
            .into_iter()
            .map(|d| (d.kind.as_str(), d.value.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn must_match() {
        assert_eq!(
            kinds("ngày 27/3/2020", None),
            [("date", "2020-03-27".to_string())]
        );
        assert_eq!(
            kinds("Tại Hưng Yên, ngày 08/02 đã xuất hiện", Some(2021)),
            [("partial", "2021-02-08".to_string())]
        );
        assert_eq!(
            kinds("từ tháng 4/2020", None),
            [("month", "2020-04".to_string())]
        );
        assert_eq!(
            kinds("năm học 2019 - 2020", None),
            [("school_year", "2019/2020".to_string())]
        );
        assert_eq!(
            kinds("từ 0h00 ngày 28/3/2020", None),
            [("time", "2020-03-28T00:00".to_string())]
        );
        assert_eq!(
            kinds("cách ly 14 ngày", None),
            [("duration", "P14D".to_string())]
        );
        assert_eq!(kinds("trực 24/7", None), [("duration", "24/7".to_string())]);
        assert_eq!(
            kinds("báo cáo trước ngày 30/6/2026", None),
            [("deadline", "2026-06-30".to_string())]
        );
        assert_eq!(
            kinds("trước 15 giờ ngày 29/7/2020", None),
            [("deadline", "2020-07-29T15:00".to_string())]
        );
        assert_eq!(
            kinds("từ ngày 01/4/2020 đến ngày 15/4/2020", None),
            [("range", "2020-04-01/2020-04-15".to_string())]
        );
        assert_eq!(
            kinds("ngày 05 tháng 01 năm 2020", None),
            [("date", "2020-01-05".to_string())]
        );
    }

    #[test]
    fn expression_starts() {
        for b in *b"0123456789" {
            assert!(starts_expression(b, None), "{}", b as char);
        }
        for w in ["truoc", "tu", "thang", "cham", "han", "nam", "ngay"] {
            let w = w.as_bytes();
            assert!(starts_expression(w[0], Some(w[1])), "{w:?}");
        }
        for w in [
            "tinh", "cac", "cua", "hoi", "nhan", "n", "t", "a1", "-1", "đ",
        ] {
            let w = w.as_bytes();
            assert!(!starts_expression(w[0], w.get(1).copied()), "{w:?}");
        }
        assert!(word_at(b"truoc ngay", 0, "truoc"));
        assert!(word_at(b"x ngay 1", 2, "ngay"));
        assert!(!word_at(b"ngayx", 0, "ngay"));
        assert!(!word_at(b"angay", 1, "ngay"));
        assert!(!word_at(b"nga", 0, "ngay"));
        assert!(!word_at(b"", 0, "ngay"));
    }

    #[test]
    fn must_not_match() {
        for t in ["15/CT-TTg", "3.071 TTHC", "Số 12", "ngày ký", "1/2 số"] {
            assert!(
                kinds(t, Some(2020)).is_empty(),
                "{t}: {:?}",
                kinds(t, Some(2020))
            );
        }
    }
}
