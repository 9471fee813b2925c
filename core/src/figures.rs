//! Thresholds and quantities (`không quá 20 người`, `2 mét`, `100%`) and quoted mottos
//! (`“3 trước, 4 tại chỗ”`) in a text.

use crate::text::Folded;

/// Comparators (folded phrase → code), longest first.
const COMPARATORS: &[(&str, &str)] = &[
    ("khong qua", "<="),
    ("toi da", "<="),
    ("it nhat", ">="),
    ("toi thieu", ">="),
    ("khong duoi", ">="),
    ("khong it hon", ">="),
    ("tren", ">"),
    ("duoi", "<"),
    ("hon", ">"),
];

/// Units (folded) and their display form.
const UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("nguoi", "người"),
    ("met", "m"),
    ("km", "km"),
    ("m2", "m²"),
    ("ha", "ha"),
    ("ty dong", "tỷ đồng"),
    ("trieu dong", "triệu đồng"),
    ("dong", "đồng"),
    ("ca", "ca"),
    ("lan", "lần"),
    ("don vi", "đơn vị"),
    ("xa", "xã"),
    ("ho", "hộ"),
    ("tan", "tấn"),
    ("mm", "mm"),
];

/// A quantity in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureFound {
    pub start: usize,
    pub end: usize,
    pub comparator: Option<&'static str>,
    /// The number as written, with `,` as the decimal mark made `.` (`3,82` → `3.82`).
    pub value: String,
    pub unit: Option<&'static str>,
}

/// Whether a figure may start with bytes `b`, `next` of the folded text: a digit or a
/// comparator's first two letters.
fn starts_figure(b: u8, next: Option<u8>) -> bool {
    b.is_ascii_digit()
        || COMPARATORS
            .iter()
            .any(|(c, _)| c.as_bytes()[0] == b && c.as_bytes().get(1).copied() == next)
}

/// Finds quantities with a unit or a comparator.
pub fn figures(text: &str) -> Vec<FigureFound> {
    figures_in(&Folded::new(text))
}

/// [`figures`] over a text already folded (byte ranges are the text's, through `fv`).
pub fn figures_in(fv: &Folded) -> Vec<FigureFound> {
    let f = fv.text.as_bytes();
    let mut out = Vec::new();
    // Every figure has a number (`f[j]` a digit below): a text without an ASCII digit has
    // none, and is not scanned.
    if !crate::text::has_ascii_digit(f) {
        return out;
    }
    let mut i = 0;
    while i < f.len() {
        let at_word = i == 0 || !f[i - 1].is_ascii_alphanumeric();
        if !at_word || !starts_figure(f[i], f.get(i + 1).copied()) {
            i += 1;
            continue;
        }
        // Optional comparator.
        let mut comp = None;
        let mut j = i;
        for (c, code) in COMPARATORS {
            if f[i..].starts_with(c.as_bytes()) && f.get(i + c.len()) == Some(&b' ') {
                comp = Some(*code);
                j = i + c.len() + 1;
                break;
            }
        }
        if !f.get(j).is_some_and(|b| b.is_ascii_digit()) {
            i += 1;
            continue;
        }
        // The number: digits with `.` thousands and `,` decimals.
        let ns = j;
        while j < f.len()
            && (f[j].is_ascii_digit()
                || (matches!(f[j], b'.' | b',')
                    && f.get(j + 1).is_some_and(|b| b.is_ascii_digit())))
        {
            j += 1;
        }
        // A date, a symbol or a ratio is not a figure.
        if f.get(j).is_some_and(|&b| {
            b == b'/' || b == b'-' && f.get(j + 1).is_some_and(|b| b.is_ascii_digit())
        }) {
            i = j + 1;
            continue;
        }
        let raw = std::str::from_utf8(&f[ns..j]).unwrap_or("");
        let value = raw.replace('.', "").replace(',', ".");
        let k = if f.get(j) == Some(&b'%') {
            j
        } else {
            j + usize::from(f.get(j) == Some(&b' '))
        };
        let unit = UNITS.iter().find(|(u, _)| {
            f[k..].starts_with(u.as_bytes())
                && f.get(k + u.len())
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
        });
        if comp.is_none() && unit.is_none() {
            i = j.max(i + 1);
            continue;
        }
        let e = unit.map_or(j, |(u, _)| k + u.len());
        out.push(FigureFound {
            start: fv.src(i),
            end: fv.src(e),
            comparator: comp,
            value,
            unit: unit.map(|(_, d)| *d),
        });
        i = e.max(i + 1);
    }
    out
}

/// Quoted mottos and slogans: `“3 trước, 4 tại chỗ”`, `"5K"` (short quoted phrases).
pub fn mottos(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let pairs = [('“', '”'), ('"', '"'), ('«', '»')];
    for (open, close) in pairs {
        let mut from = 0;
        while let Some(k) = text[from..].find(open) {
            let s = from + k + open.len_utf8();
            let Some(e) = text[s..].find(close).map(|x| s + x) else {
                break;
            };
            let inner = text[s..e].trim();
            let words = inner.split_whitespace().count();
            if (1..=10).contains(&words) && inner.chars().count() <= 80 {
                out.push((s - open.len_utf8(), e + close.len_utf8(), inner.to_string()));
            }
            from = e + close.len_utf8();
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        let f = figures("không tụ tập quá đông, không quá 20 người, giữ khoảng cách 2 mét; 100% học sinh; GDP tăng 3,82 %");
        let got: Vec<(Option<&str>, &str, Option<&str>)> = f
            .iter()
            .map(|x| (x.comparator, x.value.as_str(), x.unit))
            .collect();
        assert_eq!(
            got,
            [
                (Some("<="), "20", Some("người")),
                (None, "2", Some("m")),
                (None, "100", Some("%")),
                (None, "3.82", Some("%"))
            ]
        );
        assert!(figures("Chỉ thị số 15/CT-TTg ngày 27/3/2020").is_empty());
    }

    #[test]
    fn figure_starts() {
        for b in *b"0123456789" {
            assert!(starts_figure(b, None), "{}", b as char);
        }
        for (c, _) in COMPARATORS {
            let c = c.as_bytes();
            assert!(starts_figure(c[0], Some(c[1])), "{c:?}");
        }
        for w in ["ke", "ta", "in", "hai", "dan", "a", "k", "%"] {
            let w = w.as_bytes();
            assert!(!starts_figure(w[0], w.get(1).copied()), "{w:?}");
        }
    }

    #[test]
    fn quoted_mottos() {
        let m = mottos("theo phương châm “3 trước, 4 tại chỗ” và “mục tiêu kép”");
        assert_eq!(
            m.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(),
            ["3 trước, 4 tại chỗ", "mục tiêu kép"]
        );
    }
}
