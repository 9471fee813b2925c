//! Text helpers shared by the stages: folding for matching, casing, trimming.
//!
//! Matching is done on *folded* text: lower case, diacritics and tone marks removed, `đ` → `d`,
//! typographic dashes and quotes made ASCII. Folding maps one char to one ASCII byte, so a byte
//! offset in the folded text is a char index in the source.

use unicode_normalization::UnicodeNormalization;

/// Folds one char to one ASCII byte (non-letters outside ASCII become `~`, spaces ` `).
/// Latin-1, Latin Extended and the Vietnamese block are looked up in a table built once.
#[inline]
pub fn fold_char(c: char) -> u8 {
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u8;
    }
    fold_non_ascii(c)
}

fn fold_non_ascii(c: char) -> u8 {
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

/// The fold of the non-ASCII char whose lead byte is at `i` of valid UTF-8, and its length,
/// as [`fold_char`] folds it: inline in the loops of [`fold`] and [`Folded::new`], with the
/// tables (`lo`, `vi` of [`fold_tables`]) fetched once per string. The two-byte chars (Latin-1
/// and Latin Extended: `â`, `ơ`, `đ`) and the three-byte chars of the Vietnamese block (`ệ`,
/// `ữ`), nearly all of the non-ASCII chars of Vietnamese text, are decoded and looked up here
/// (the same tables `fold_char` reads); any other char goes through [`decode_at`] and
/// [`fold_non_ascii`].
#[inline(always)]
fn fold_multibyte(bytes: &[u8], i: usize, lo: &[u8], vi: &[u8]) -> (u8, usize) {
    let b = bytes[i];
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    if (0xC2..0xE0).contains(&b) {
        let u = ((u32::from(b) & 0x1F) << 6) | cont(1);
        let folded = match lo.get((u - 0x80) as usize) {
            Some(&f) => f,
            None => fold_non_ascii(char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER)),
        };
        (folded, 2)
    } else if b == 0xE1 && (0xB8..0xBC).contains(&bytes.get(i + 1).copied().unwrap_or(0)) {
        let u = ((u32::from(b) & 0x0F) << 12) | (cont(1) << 6) | cont(2);
        (
            vi.get(((u - 0x1E00) & 0xFF) as usize)
                .copied()
                .unwrap_or(b'~'),
            3,
        )
    } else {
        let (c, len) = decode_at(bytes, i);
        (fold_non_ascii(c), len)
    }
}

/// The char that starts at byte `i` (a lead byte, not ASCII) of valid UTF-8, and its length:
/// decoded by hand, without the boundary checks of slicing a `str`.
#[inline]
fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let lead = u32::from(b[i]);
    let (u, len) = if lead < 0xE0 {
        (((lead & 0x1F) << 6) | cont(1), 2)
    } else if lead < 0xF0 {
        (((lead & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    (
        char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// The folded bytes as a `String` (they are ASCII).
fn ascii_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// Folds the chars of `bytes` from byte `r` on (a char boundary) into `out`, which holds
/// `bytes` with ASCII lower-cased: each char's folded byte is moved down to its place, and
/// `at(w, r)` hears that folded byte `w` comes from byte `r`. Returns the folded length. The
/// one loop of [`fold`] and [`Folded::new`] (the first ignores `at`).
#[inline(always)]
fn fold_down(
    bytes: &[u8],
    out: &mut [u8],
    mut r: usize,
    mut at: impl FnMut(usize, usize),
) -> usize {
    let (lo, vi) = fold_tables();
    let mut w = r;
    while r < out.len() && w < out.len() {
        at(w, r);
        let b = out[r];
        if b.is_ascii() {
            out[w] = b;
            r += 1;
        } else {
            let (folded, len) = fold_multibyte(bytes, r, lo, vi);
            out[w] = folded;
            r += len;
        }
        w += 1;
    }
    w
}

/// Folds a string (one ASCII byte per char).
pub fn fold(s: &str) -> String {
    // All ASCII (a fast word-at-a-time test): folding is lower-casing.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Lower-case every ASCII byte at once (a loop over the whole string, without pushes),
    // then fold the other chars to one byte each, moving the bytes after them down in place.
    let bytes = s.as_bytes();
    let mut out = bytes.to_ascii_lowercase();
    let w = fold_down(bytes, &mut out, 0, |_, _| {});
    out.truncate(w);
    ascii_string(out)
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
        // As [`fold`]: all ASCII bytes lower-cased at once and every byte's own offset written
        // at once (loops without pushes), then the other chars folded to one byte each, the
        // bytes and offsets after them moved down in place.
        let bytes = s.as_bytes();
        let mut text = bytes.to_ascii_lowercase();
        let mut offsets: Vec<usize> = (0..=bytes.len()).collect();
        // Up to the first non-ASCII byte, every byte is a char standing where it is.
        let first = bytes
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len());
        let w = fold_down(bytes, &mut text, first, |w, r| {
            if let Some(o) = offsets.get_mut(w) {
                *o = r;
            }
        });
        text.truncate(w);
        offsets.truncate(w + 1);
        if let Some(end) = offsets.get_mut(w) {
            *end = bytes.len();
        }
        Folded {
            text: ascii_string(text),
            offsets,
        }
    }
    /// Folded length of the source's first `bytes` bytes (a char boundary).
    pub fn src_len(&self, bytes: usize) -> usize {
        self.offsets
            .partition_point(|&o| o < bytes)
            .min(self.text.len())
    }

    /// The folded view of `s[from..to]` (char boundaries of `s`), cut from this view of `s`
    /// (the same as `Folded::new(&s[from..to])`, without folding again).
    pub fn slice(&self, from: usize, to: usize) -> Folded {
        let (a, b) = (self.src_len(from), self.src_len(to));
        let mut offsets = Vec::with_capacity(b - a + 1);
        offsets.extend(self.offsets[a..b].iter().map(|o| o - from));
        offsets.push(to - from);
        Folded {
            text: self.text[a..b].to_string(),
            offsets,
        }
    }

    /// Source byte offset of folded offset `i`.
    pub fn src(&self, i: usize) -> usize {
        self.offsets[i.min(self.offsets.len() - 1)]
    }
}

/// Letter class bit: `char::is_alphabetic`.
const LETTER: u8 = 1;
/// Letter class bit: `char::is_uppercase`.
const UPPER: u8 = 2;
/// Letter class bit: `char::is_lowercase`.
const LOWER: u8 = 4;

/// First char after the low table (ASCII, Latin-1, Latin Extended-A and -B).
const LOW_END: u32 = 0x250;
/// The Latin Extended Additional block (Vietnamese letters with tone marks).
const VI_START: u32 = 0x1E00;
const VI_END: u32 = 0x1F00;

/// The letter class of a char (`LETTER`, `UPPER`, `LOWER` bits), as the standard library's
/// predicates say. The blocks Vietnamese text uses are looked up in a table built once (a
/// non-ASCII `char::is_alphabetic` is a binary search); other chars ask the predicates.
fn char_class(c: char) -> u8 {
    class_in(class_tables(), c)
}

/// [`char_class`] with the tables at hand (loops fetch them once).
#[inline]
fn class_in((low, vi): &ClassTables, c: char) -> u8 {
    let u = c as u32;
    if u < LOW_END {
        low[u as usize]
    } else if (VI_START..VI_END).contains(&u) {
        vi[(u - VI_START) as usize]
    } else {
        class_slow(c)
    }
}

fn class_slow(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphabetic() {
        class |= LETTER;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    if c.is_lowercase() {
        class |= LOWER;
    }
    class
}

type ClassTables = ([u8; LOW_END as usize], [u8; (VI_END - VI_START) as usize]);

fn class_tables() -> &'static ClassTables {
    static TABLES: std::sync::OnceLock<ClassTables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut low = [0u8; LOW_END as usize];
        for (u, class) in (0..LOW_END).zip(low.iter_mut()) {
            *class = char::from_u32(u).map_or(0, class_slow);
        }
        let mut vi = [0u8; (VI_END - VI_START) as usize];
        for (u, class) in (VI_START..VI_END).zip(vi.iter_mut()) {
            *class = char::from_u32(u).map_or(0, class_slow);
        }
        (low, vi)
    })
}

/// Whether a char is a Vietnamese/Latin letter (`char::is_alphabetic`, from a table).
pub fn is_letter(c: char) -> bool {
    char_class(c) & LETTER != 0
}

/// `char::is_uppercase`, from a table.
pub fn is_upper(c: char) -> bool {
    char_class(c) & UPPER != 0
}

/// `char::is_lowercase`, from a table.
pub fn is_lower(c: char) -> bool {
    char_class(c) & LOWER != 0
}

/// Numbers of letters and of upper-case letters in `s`.
fn letter_counts(s: &str) -> (u32, u32) {
    let tables = class_tables();
    let mut letters = 0u32;
    let mut upper = 0u32;
    for c in s.chars() {
        let class = class_in(tables, c);
        if class & LETTER != 0 {
            letters += 1;
            if class & UPPER != 0 {
                upper += 1;
            }
        }
    }
    (letters, upper)
}

fn ratio(letters: u32, upper: u32) -> f32 {
    if letters == 0 {
        0.0
    } else {
        upper as f32 / letters as f32
    }
}

/// Share of letters that are upper case (0.0 when there are no letters).
pub fn upper_ratio(s: &str) -> f32 {
    let (letters, upper) = letter_counts(s);
    ratio(letters, upper)
}

/// Number of letters.
pub fn letter_count(s: &str) -> usize {
    let tables = class_tables();
    s.chars()
        .filter(|&c| class_in(tables, c) & LETTER != 0)
        .count()
}

/// A line written in capitals (at least 2 letters, ≥ 85 % upper case). One pass, which stops
/// as soon as the line could not reach 84 % even if every byte left were a capital.
pub fn is_caps(s: &str) -> bool {
    let tables = class_tables();
    let mut letters = 0u32;
    let mut upper = 0u32;
    for (i, c) in s.char_indices() {
        let class = class_in(tables, c);
        if class & LETTER == 0 {
            continue;
        }
        letters += 1;
        if class & UPPER != 0 {
            upper += 1;
        } else {
            // The best case: every remaining byte an upper-case letter.
            let rest = (s.len() - i - c.len_utf8()) as u64;
            if (u64::from(upper) + rest) * 100 < (u64::from(letters) + rest) * 84 {
                return false;
            }
        }
    }
    letters >= 2 && ratio(letters, upper) >= 0.85
}

/// A set of ASCII needles looked for at once: [`AnyOf::found_in`] is one pass over the
/// haystack (instead of one substring search per needle) that looks at every `m - 3`th
/// position only, `m` the shortest needle's length: any occurrence of a needle covers one of
/// them, and there the hash of the next four bytes must be in a bit set of the hashes of the
/// needles' four-byte pieces that lie within their first `m` bytes. Only on a hit are needles
/// compared, at the few starts that can reach that position.
#[derive(Debug, Clone)]
pub struct AnyOf {
    /// The needles of four bytes or more, sorted by first byte.
    needles: Vec<&'static str>,
    /// `needles[starts[b]..starts[b + 1]]` start with byte `b`.
    starts: [u16; 129],
    /// Bit set of the hashes of the needles' pieces.
    quads: [u64; 64],
    /// The shortest of `needles`' lengths.
    min_len: usize,
    /// Needles shorter than four bytes, searched for one by one.
    short: Vec<&'static str>,
}

fn quad_hash(quad: &[u8]) -> usize {
    // (One length check for the four bytes, not one per byte.)
    let q = u32::from_le_bytes(<[u8; 4]>::try_from(&quad[..4]).unwrap_or([0; 4]));
    (q.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl AnyOf {
    /// The set of `lists`' needles (each must be ASCII).
    pub fn new(lists: &[&[&'static str]]) -> Self {
        let all = lists.iter().flat_map(|l| l.iter().copied());
        assert!(all.clone().all(|n| n.is_ascii()), "ASCII needles only");
        let (mut needles, short): (Vec<&'static str>, Vec<&'static str>) =
            all.partition(|n| n.len() >= 4);
        needles.sort_by_key(|n| n.as_bytes()[0]);
        let mut starts = [0u16; 129];
        for (b, start) in starts.iter_mut().enumerate() {
            *start = needles.partition_point(|n| usize::from(n.as_bytes()[0]) < b) as u16;
        }
        let min_len = needles.iter().map(|n| n.len()).min().unwrap_or(4);
        let mut quads = [0u64; 64];
        for n in &needles {
            for piece in n.as_bytes()[..min_len].windows(4) {
                let k = quad_hash(piece);
                quads[k >> 6] |= 1 << (k & 63);
            }
        }
        AnyOf {
            needles,
            starts,
            quads,
            min_len,
            short,
        }
    }

    /// Whether some needle occurs in `hay` (as `needles.iter().any(|n| hay.contains(n))`).
    pub fn found_in(&self, hay: &str) -> bool {
        if self.short.iter().any(|n| hay.contains(n)) {
            return true;
        }
        let h = hay.as_bytes();
        let reach = self.min_len - 4;
        let mut j = 0;
        while j + 4 <= h.len() {
            let k = quad_hash(&h[j..j + 4]);
            if self.quads[k >> 6] >> (k & 63) & 1 != 0 && self.starts_near(h, j - j.min(reach), j) {
                return true;
            }
            j += reach + 1;
        }
        false
    }

    /// Whether a needle starts at one of `h[from..=to]`.
    fn starts_near(&self, h: &[u8], from: usize, to: usize) -> bool {
        (from..=to).any(|i| {
            let b = usize::from(h[i]);
            b < 128
                && self.needles[usize::from(self.starts[b])..usize::from(self.starts[b + 1])]
                    .iter()
                    .any(|n| h[i..].starts_with(n.as_bytes()))
        })
    }
}

/// Words (or any items keyed by a word) grouped by their first byte, so that a text is tested
/// only against the items that can start it.
#[derive(Debug, Clone)]
pub struct ByFirstByte<T: 'static = &'static str> {
    /// The items, sorted by their word's first byte (stable: same-byte items keep their order).
    items: Vec<T>,
    /// `items[starts[b]..starts[b + 1]]` have words starting with byte `b`.
    starts: Vec<usize>,
}

impl ByFirstByte {
    /// The words (none empty).
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        ByFirstByte::keyed(words, |w| w)
    }
}

impl<T> ByFirstByte<T> {
    /// The items, each under the first byte of `word(item)` (none empty).
    pub fn keyed(items: impl IntoIterator<Item = T>, word: impl Fn(&T) -> &str) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        assert!(items.iter().all(|t| !word(t).is_empty()), "no empty words");
        items.sort_by_key(|t| word(t).as_bytes()[0]);
        let starts = (0..=256)
            .map(|b| items.partition_point(|t| usize::from(word(t).as_bytes()[0]) < b))
            .collect();
        ByFirstByte { items, starts }
    }

    /// The items whose word starts with byte `b`.
    pub fn starting_with(&self, b: u8) -> &[T] {
        let b = usize::from(b);
        &self.items[self.starts[b]..self.starts[b + 1]]
    }
}

/// The high bit of every byte of `v` that is zero, and no other bit: the word-at-a-time byte
/// search of [`crate::lines`] (line ends) and [`crate::mojibake`] (lead bytes). Exact: each byte
/// adds at most `0x7F + 0x7F`, so no carry crosses into the next byte.
pub fn zero_bytes(v: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((v & LOW7) + LOW7) | v) & !LOW7
}

/// Whether `b` holds an ASCII digit (as `b.iter().any(u8::is_ascii_digit)`), eight bytes at a
/// time: in a word of ASCII bytes, `byte ^ 0x30` is below 10 exactly for a digit, and adding
/// `0x76` to a byte below `0x80` sets its high bit exactly when it is 10 or more (no carry
/// reaches the next byte). A word with a byte of `0x80` or more is tested byte by byte.
pub fn has_ascii_digit(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        if w & HIGH != 0 {
            if c.iter().any(u8::is_ascii_digit) {
                return true;
            }
        } else if ((w ^ (0x30 * ONES)) + 0x76 * ONES) & HIGH != HIGH {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Joins words with single spaces.
pub fn squash_spaces(s: &str) -> String {
    if is_squashed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`squash_spaces`] of an owned string: returned as it is when already squashed.
pub fn squashed(s: String) -> String {
    if is_squashed(&s) {
        s
    } else {
        squash_spaces(&s)
    }
}

/// Whether `s` is surely its words joined with single spaces (what [`squashed`] returns
/// unchanged): no space at its ends, no two spaces, and no byte that white space other than
/// the space needs (ASCII controls; the leads `C2`, `E2`, `E3` and the byte `9A` of U+0085,
/// U+00A0, U+1680, U+2000–U+3000). May say no for squashed text (then the exact test runs).
/// Without an early exit, the byte test compiles to vector compares.
fn surely_squashed(s: &str) -> bool {
    let suspect = s.bytes().fold(false, |seen, b| {
        seen | (b < 0x20) | matches!(b, 0xC2 | 0xE2 | 0xE3 | 0x9A)
    });
    !suspect && !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ")
}

/// The bytes [`is_squashed`] looks at: ASCII white space and the lead bytes of the other white
/// space chars.
const SQUASH_CUES: [bool; 256] = {
    let mut cues = [false; 256];
    let mut k = 0;
    let bytes = [
        b' ', b'\t', b'\n', b'\x0B', b'\x0C', b'\r', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    while k < bytes.len() {
        cues[bytes[k] as usize] = true;
        k += 1;
    }
    cues
};

/// Whether `s` is its words joined with single spaces already: no white space but single
/// spaces between words. One pass over the bytes; only the first two bytes of non-ASCII white
/// space (U+0085, U+00A0: `C2 85`, `C2 A0`; U+1680: `E1 9A`; U+2000–U+205F: `E2 80`, `E2 81`;
/// U+3000: `E3 80`) are decoded, and only when the vectorised [`surely_squashed`] cannot say
/// yes.
fn is_squashed(s: &str) -> bool {
    surely_squashed(s) || squashed_exactly(s)
}

/// [`is_squashed`] without its fast yes.
fn squashed_exactly(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        // Bytes that are neither a space, nor other white space, nor the lead of a char that
        // may be white space (nearly all) are passed over by a table.
        if !SQUASH_CUES[usize::from(b[i])] {
            i += 1;
            continue;
        }
        match b[i] {
            b' ' if b.get(i + 1) == Some(&b' ') => return false,
            b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => return false,
            // The second byte first: `E1` leads every Vietnamese letter with a tone mark, and
            // only `E1 9A` can be white space (U+1680) after it.
            0xC2 | 0xE1 | 0xE2 | 0xE3
                if matches!(
                    (b[i], b.get(i + 1)),
                    (0xC2, Some(0x85 | 0xA0))
                        | (0xE1, Some(0x9A))
                        | (0xE2, Some(0x80 | 0x81))
                        | (0xE3, Some(0x80))
                ) && s[i..].chars().next().is_some_and(char::is_whitespace) =>
            {
                return false
            }
            _ => {}
        }
        i += 1;
    }
    true
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

/// `n` in Roman numerals (upper case), as section markers are written (`II.`, `XIV.`)
/// and list numbering draws them (`<ol type="I">`, Word's `upperRoman`).
pub fn roman(mut n: u32) -> String {
    const DIGITS: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
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
    fn folding_byte_by_byte_agrees_with_fold_char() {
        let s = "Ủy ban, TỈNH ủy; Số 15/CT-TTg “x” – 😀 漢 \u{0301}é\tđ\u{a0}!";
        let expect: String = s.chars().map(|c| fold_char(c) as char).collect();
        assert_eq!(fold(s), expect);
        let f = Folded::new(s);
        assert_eq!(f.text, expect);
        let offsets: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        assert_eq!(f.offsets[..offsets.len()], offsets[..]);
        assert_eq!(f.offsets.last(), Some(&s.len()));
        assert_eq!(fold(""), "");
        assert_eq!(Folded::new("").offsets, [0]);
    }

    #[test]
    fn decoding_by_hand() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(decode_at(s.as_bytes(), 0), (c, c.len_utf8()), "{c:?}");
        }
    }

    #[test]
    fn folded_offsets() {
        let f = Folded::new("Số 15");
        assert_eq!(f.text, "so 15");
        assert_eq!(f.src(2), "Số".len());
        assert_eq!(f.src(5), "Số 15".len());
    }

    #[test]
    fn letter_classes_agree_with_the_standard_library() {
        // Every char, in the tables' blocks and outside them.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
        assert!(is_letter('ệ') && is_lower('ệ') && !is_upper('ệ'));
        assert!(is_letter('Ự') && is_upper('Ự') && !is_lower('Ự'));
        assert!(is_letter('đ') && is_letter('Đ') && is_letter('漢'));
        assert!(!is_letter('1') && !is_letter('–') && !is_letter('“') && !is_letter(' '));
        assert!(!is_upper('1') && !is_lower('.'));
    }

    /// `is_caps` as first written: two passes, to their ends.
    fn is_caps_reference(s: &str) -> bool {
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        let upper = s
            .chars()
            .filter(|c| c.is_alphabetic() && c.is_uppercase())
            .count();
        letters >= 2 && upper as f32 / letters as f32 >= 0.85
    }

    #[test]
    fn caps_lines() {
        for s in [
            "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
            "CHỈ THỊ",
            "PHÓ CHỦ TỊCH",
            "KT. BỘ TRƯỞNG",
            "SỐ 15/CT-TTg",
            "ĐẢNG CỘNG SẢN VIỆT NAMx",
        ] {
            assert!(is_caps(s), "{s}");
            assert!(is_caps_reference(s), "{s}");
        }
        for s in [
            "",
            "A",
            "1. 2. 3.",
            "Về việc tăng cường",
            "Sở Y tế chủ trì",
            "CHỈ THỊ của",
            "aBCDE",
            "ĐẢNG CỘNG SẢN VIỆT nam",
        ] {
            assert!(!is_caps(s), "{s}");
            assert!(!is_caps_reference(s), "{s}");
        }
        // The early stop never changes the answer: every split of caps and lower case.
        for upper in 0..30 {
            for lower in 0..8 {
                for lower_first in [false, true] {
                    let (a, b) = ("Ầ".repeat(upper), "ầ".repeat(lower));
                    let s = if lower_first {
                        b + " " + &a
                    } else {
                        a + " " + &b
                    };
                    assert_eq!(is_caps(&s), is_caps_reference(&s), "{s}");
                }
            }
        }
    }

    #[test]
    fn letter_counts_and_ratios() {
        assert_eq!(letter_count("Số 15/CT-TTg"), 7);
        assert_eq!(letter_count("1.2 – 3"), 0);
        assert_eq!(upper_ratio("ĐẮK lắk"), 0.5);
        assert_eq!(upper_ratio("123"), 0.0);
    }

    #[test]
    fn any_of_needles() {
        const A: &[&str] = &["thu vien phap luat", "click vao", "copyright", "c", "xyzw"];
        const B: &[&str] = &["dang nhap", "email:"];
        let set = AnyOf::new(&[A, B]);
        for hay in [
            "thu vien phap luat",
            "xem tai thu vien phap luat online",
            "vui long dang nhap",
            "email: a@b",
            "c",
            "abc",
            "..xyzw",
            "xyzw",
        ] {
            assert!(set.found_in(hay), "{hay}");
            assert!(A.iter().chain(B).any(|n| hay.contains(n)), "{hay}");
        }
        for hay in [
            "",
            "thu vien phap lua",
            "dang nha",
            "email",
            "ab~d",
            "Ủy ban",
        ] {
            assert!(!set.found_in(hay), "{hay}");
            assert!(!A.iter().chain(B).any(|n| hay.contains(n)), "{hay}");
        }
        assert!(AnyOf::new(&[&["x", ""]]).found_in(""));
        assert!(!AnyOf::new(&[]).found_in("abc"));
    }

    #[test]
    fn any_of_agrees_with_contains_at_every_offset() {
        const SETS: &[&[&str]] = &[
            &["template settings", "click vao", "luatvietnam"],
            &["chu tich", "truong", "bi thu", "ky thay"],
            &["abcd", "bcde", "aaaaab"],
        ];
        for needles in SETS {
            let set = AnyOf::new(&[needles]);
            for n in needles.iter() {
                for cut in [0, 1] {
                    let piece = &n[..n.len() - cut];
                    for pad in 0..14 {
                        for hay in [
                            format!("{}{piece}", "x".repeat(pad)),
                            format!("{}{piece}{}", "a".repeat(pad), "a".repeat(pad % 5)),
                            format!("{piece}{}", " ".repeat(pad)),
                        ] {
                            let naive = needles.iter().any(|m| hay.contains(m));
                            assert_eq!(set.found_in(&hay), naive, "{hay:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn folded_slices() {
        let s = "Giao Sở Y tế chủ trì; 😀 Đắk Lắk.";
        let f = Folded::new(s);
        let bounds: Vec<usize> = s
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(s.len()))
            .collect();
        for &from in &bounds {
            for &to in bounds.iter().filter(|&&t| t >= from) {
                let cut = f.slice(from, to);
                let fresh = Folded::new(&s[from..to]);
                assert_eq!(cut.text, fresh.text, "{from}..{to}");
                assert_eq!(cut.offsets, fresh.offsets, "{from}..{to}");
            }
        }
    }

    #[test]
    fn squashed_text() {
        for s in [
            "",
            "a",
            "Sở Y tế chủ trì",
            "Số 15/CT-TTg – “x”",
            "Đắk Lắk; Hà Nội",
        ] {
            assert!(is_squashed(s), "{s:?}");
            assert_eq!(squash_spaces(s), s);
            assert_eq!(squashed(s.to_string()), s);
        }
        for s in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\nb",
            "a\rb",
            "a\u{a0}b",
            "a\u{85}b",
            "a\u{2009}b",
            "a\u{3000}b",
            "a\u{1680}b",
            "a\u{202f}b",
            "a\u{205f}b",
            "a\u{2028}b",
            " ",
        ] {
            assert!(!is_squashed(s), "{s:?}");
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_spaces(s), joined, "{s:?}");
            assert_eq!(squashed(s.to_string()), joined, "{s:?}");
        }
        // Every char: squashed exactly when joining its words changes nothing.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(is_squashed(&s), joined == s, "{c:?}");
        }
    }

    #[test]
    fn surely_squashed_only_when_squashed() {
        for s in [
            "",
            "Sở Y tế chủ trì",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{a0}b",
            "a\u{85}b",
            "a\u{1680}b",
            "a\u{2003}b",
            "a\u{3000}b",
            "“Ớ” – Ú…",
            "x\u{1}y",
        ] {
            if super::surely_squashed(s) {
                assert!(super::squashed_exactly(s), "{s:?}");
            }
        }
        assert!(super::surely_squashed("Ủy ban nhân dân tỉnh Đắk Lắk"));
    }

    #[test]
    fn zero_bytes_marks_exactly_the_zero_bytes() {
        for b in 0..=255u8 {
            for fill in [0x01u8, 0x41, 0x80, 0xFF] {
                for at in 0..8 {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let want = w
                        .iter()
                        .enumerate()
                        .filter(|(_, &x)| x == 0)
                        .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
                    assert_eq!(
                        super::zero_bytes(u64::from_le_bytes(w)),
                        want,
                        "{b:#x} {fill:#x} {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn digits_found_eight_bytes_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..20 {
                for len in [at + 1, at + 3, 17, 24] {
                    let mut v = vec![b'a'; len.max(at + 1)];
                    v[at] = b;
                    let naive = v.iter().any(u8::is_ascii_digit);
                    assert_eq!(has_ascii_digit(&v), naive, "{b:#x} at {at} of {len}");
                    v.iter_mut().filter(|x| **x == b'a').for_each(|x| *x = 0xE1);
                    let naive = v.iter().any(u8::is_ascii_digit);
                    assert_eq!(has_ascii_digit(&v), naive, "{b:#x} at {at} of {len}");
                }
            }
        }
        assert!(!has_ascii_digit(b"") && has_ascii_digit(b"9") && !has_ascii_digit(b"/:"));
    }

    #[test]
    fn words_by_first_byte() {
        let set = ByFirstByte::new(["chủ trì", "cần", "đã", "báo cáo", "có", "z"]);
        assert_eq!(set.starting_with(b'c'), ["chủ trì", "cần", "có"]);
        assert_eq!(set.starting_with("đ".as_bytes()[0]), ["đã"]);
        assert_eq!(set.starting_with(b'z'), ["z"]);
        assert!(set.starting_with(b'a').is_empty());
        assert!(set.starting_with(0xFF).is_empty());
        assert!(ByFirstByte::new([]).starting_with(b'a').is_empty());
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
