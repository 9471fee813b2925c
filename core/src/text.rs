//! Text helpers shared by the stages: folding for matching, casing, trimming.
//!
//! Matching is done on *folded* text: lower case, diacritics and tone marks removed, `đ` → `d`,
//! typographic dashes and quotes made ASCII. Folding maps one char to one ASCII byte, so a byte
//! offset in the folded text is a char index in the source.

use unicode_normalization::UnicodeNormalization;

/// Folds one char to one ASCII byte (non-letters outside ASCII become `~`, spaces ` `).
/// Latin-1, Latin Extended and the Vietnamese block are looked up in a table built once.
pub fn fold_char(c: char) -> u8 {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u8;
    }
    let u = c as u32;
    let (lo, vi) = fold_tables();
    match u {
        0x80..=0x24F => lo[(u - 0x80) as usize],
        0x1E00..=0x1EFF => vi[(u - 0x1E00) as usize],
        _ => fold_slow(c),
    }
}

fn fold_tables() -> &'static (Vec<u8>, Vec<u8>) {
    static TABLES: std::sync::OnceLock<(Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let table = |from: u32, to: u32| {
            (from..=to)
                .map(|u| char::from_u32(u).map_or(b'~', fold_slow))
                .collect()
        };
        (table(0x80, 0x24F), table(0x1E00, 0x1EFF))
    })
}

fn fold_slow(c: char) -> u8 {
    match c {
        'đ' | 'Đ' => b'd',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => b'\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => b'"',
        '\u{2026}' => b'.',
        '\u{2022}' | '\u{00B7}' | '\u{25CF}' | '\u{25AA}' | '\u{F0B7}' => b'*',
        _ if c.is_whitespace() => b' ',
        _ if c.is_ascii() => c.to_ascii_lowercase() as u8,
        _ => {
            if let Some(base) = c.nfd().next() {
                if base.is_ascii_alphabetic() {
                    return base.to_ascii_lowercase() as u8;
                }
            }
            // Anything else (other scripts, symbols) folds to one placeholder byte.
            b'~'
        }
    }
}

/// Folds a string (one ASCII byte per char).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(fold_char(c) as char);
    }
    out
}

/// A folded view of a string, with the byte offset of every char in the source.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `offsets[i]` = byte offset in the source of folded byte `i`; one extra entry for the end.
    pub offsets: Vec<usize>,
}

impl Folded {
    pub fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut offsets = Vec::with_capacity(s.len() + 1);
        for (i, c) in s.char_indices() {
            text.push(fold_char(c) as char);
            offsets.push(i);
        }
        offsets.push(s.len());
        Folded { text, offsets }
    }
    /// Folded length of the source's first `bytes` bytes (a char boundary).
    pub fn src_len(&self, bytes: usize) -> usize {
        self.offsets
            .partition_point(|&o| o < bytes)
            .min(self.text.len())
    }

    /// Source byte offset of folded offset `i`.
    pub fn src(&self, i: usize) -> usize {
        self.offsets[i.min(self.offsets.len() - 1)]
    }
}

/// Whether a char is a Vietnamese/Latin letter.
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

/// Share of letters that are upper case (0.0 when there are no letters).
pub fn upper_ratio(s: &str) -> f32 {
    let mut letters = 0u32;
    let mut upper = 0u32;
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    if letters == 0 {
        0.0
    } else {
        upper as f32 / letters as f32
    }
}

/// Number of letters.
pub fn letter_count(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// A line written in capitals (at least 3 letters, ≥ 85 % upper case).
pub fn is_caps(s: &str) -> bool {
    letter_count(s) >= 2 && upper_ratio(s) >= 0.85
}

/// Joins words with single spaces.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Trims white space and the given trailing punctuation.
pub fn trim_punct<'a>(s: &'a str, chars: &[char]) -> &'a str {
    s.trim()
        .trim_matches(|c: char| c.is_whitespace() || chars.contains(&c))
}

/// Words that keep a capital inside a body's name in sentence case (folded → as written).
const CAPITALISED: &[(&str, &str)] = &[
    ("chinh phu", "Chính phủ"),
    ("thu tuong", "Thủ tướng"),
    ("trung uong", "Trung ương"),
    ("chinh tri", "Chính trị"),
    ("bi thu", "Bí thư"),
    ("thuong vu", "Thường vụ"),
    ("quoc hoi", "Quốc hội"),
    ("nha nuoc", "Nhà nước"),
    ("viet nam", "Việt Nam"),
    ("dang", "Đảng"),
    ("mat tran to quoc", "Mặt trận Tổ quốc"),
    ("thue", "Thuế"),
    ("hai quan", "Hải quan"),
    ("tai chinh", "Tài chính"),
    ("y te", "Y tế"),
    ("cong thuong", "Công Thương"),
    ("ngoai giao", "Ngoại giao"),
];

/// Upper-case words of a body's name (`ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK`) in the sentence case that
/// documents use in running text (`Ủy ban nhân dân tỉnh Đắk Lắk`): the first word capitalised,
/// proper names after an administrative level word capitalised, known proper nouns kept.
pub fn sentence_case(s: &str) -> String {
    let s = squash_spaces(s);
    if !is_caps(&s) {
        return s;
    }
    let words: Vec<&str> = s.split(' ').collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut cap = vec![false; words.len()];
    if !cap.is_empty() {
        cap[0] = true;
    }
    // Proper names after an administrative level word (`tỉnh`, `huyện`, `thành phố`, `thị xã`
    // ...): everything up to the end. After a Party committee (`tỉnh ủy`, `thành ủy`) too.
    for i in 0..words.len() {
        let f = folded[i].as_str();
        let prev = if i > 0 { folded[i - 1].as_str() } else { "" };
        let level = matches!(f, "tinh" | "huyen" | "quan" | "phuong")
            || f == "xa" && prev != "thi"
            || f == "pho" && prev == "thanh"
            || matches!(f, "xa" | "tran") && prev == "thi";
        if !level || i + 1 >= words.len() {
            continue;
        }
        let from = if folded[i + 1] == "uy" { i + 2 } else { i + 1 };
        for c in cap.iter_mut().skip(from) {
            *c = true;
        }
        break;
    }
    // Known proper nouns.
    for (key, written) in CAPITALISED {
        let kw: Vec<&str> = key.split(' ').collect();
        let ww: Vec<&str> = written.split(' ').collect();
        let mut i = 0;
        while i + kw.len() <= words.len() {
            if (0..kw.len()).all(|k| folded[i + k] == kw[k]) {
                for k in 0..kw.len() {
                    let w = ww[k];
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        cap[i + k] = true;
                    }
                }
                i += kw.len();
            } else {
                i += 1;
            }
        }
    }
    for (i, w) in out.iter_mut().enumerate() {
        if cap[i] {
            let mut cs = w.chars();
            if let Some(first) = cs.next() {
                *w = first.to_uppercase().collect::<String>() + cs.as_str();
            }
        }
    }
    out.join(" ")
}

/// Whether `s` looks like a person's name: 2–6 words, each starting with a capital letter,
/// letters only (dots allowed for initials), not all in capitals unless short words.
pub fn looks_like_person_name(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || s.chars().count() > 45 {
        return false;
    }
    for w in &words {
        let mut cs = w.chars();
        let Some(first) = cs.next() else { return false };
        if !first.is_uppercase() {
            return false;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-') {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Nơi nhận:"), "noi nhan:");
        assert_eq!(fold("ĐẢNG CỘNG SẢN"), "dang cong san");
        assert_eq!(fold("Tỉnh uỷ – “x”"), "tinh uy - \"x\"");
        assert_eq!(fold("Số").len(), 2);
    }

    #[test]
    fn folded_offsets() {
        let f = Folded::new("Số 15");
        assert_eq!(f.text, "so 15");
        assert_eq!(f.src(2), "Số".len());
        assert_eq!(f.src(5), "Số 15".len());
    }

    #[test]
    fn casing() {
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
            "Ủy ban nhân dân tỉnh Đắk Lắk"
        );
        assert_eq!(sentence_case("BAN THƯỜNG VỤ"), "Ban Thường vụ");
        assert_eq!(sentence_case("VĂN PHÒNG CHÍNH PHỦ"), "Văn phòng Chính phủ");
        assert_eq!(sentence_case("TỔNG CỤC THUẾ"), "Tổng cục Thuế");
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
            "Ủy ban nhân dân thành phố Hà Nội"
        );
        assert_eq!(sentence_case("Sở Y tế"), "Sở Y tế");
        assert_eq!(sentence_case("TỈNH ỦY BÌNH THUẬN"), "Tỉnh ủy Bình Thuận");
        assert_eq!(
            sentence_case("PHÓ BÍ THƯ THƯỜNG TRỰC"),
            "Phó Bí thư thường trực"
        );
        assert_eq!(sentence_case("PHÓ CỤC TRƯỞNG"), "Phó cục trưởng");
        assert_eq!(
            sentence_case("ỦY BAN NHÂN DÂN THỊ XÃ TÂN CHÂU"),
            "Ủy ban nhân dân thị xã Tân Châu"
        );
    }

    #[test]
    fn person_names() {
        assert!(looks_like_person_name("Nguyễn Duy Hưng"));
        assert!(looks_like_person_name("Trần Cẩm Tú"));
        assert!(!looks_like_person_name("Nơi nhận:"));
        assert!(!looks_like_person_name("Các sở, ban, ngành"));
        assert!(!looks_like_person_name("Hưng"));
    }
}
