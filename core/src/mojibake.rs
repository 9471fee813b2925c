//! Detection of legacy-font mojibake (TCVN3/ABC and VNI text read as Latin-1 or Windows-1252).

/// Latin-1 letters and signs that Vietnamese never uses but TCVN3 and VNI mojibake is full of
/// (`¬`, `¸`, `µ`, `©`, `ª`, `®` in TCVN3; `Ö`, `Ñ`, `Ø` next to ASCII vowels in VNI).
const ODD: [char; 23] = [
    '¬', '¸', 'µ', '©', 'ª', '®', '¶', '¹', '»', '¼', '½', '¾', 'Ñ', 'Ö', 'Ø', 'Ù', 'Ú', 'Û', 'Ü',
    'ß', 'þ', '÷', '§',
];

/// Chars looked at: the first this many.
const WINDOW: usize = 20_000;

/// [`ODD`] as a table of U+0080..U+00FF, where they all are.
const ODD_LATIN1: [bool; 0x80] = {
    let mut t = [false; 0x80];
    let mut i = 0;
    while i < ODD.len() {
        t[ODD[i] as usize - 0x80] = true;
        i += 1;
    }
    t
};

/// Number of [`ODD`] chars whose two bytes are in `bytes`. They are the sequences of leads
/// `C2`/`C3`, found eight bytes at a time.
fn odd_count(bytes: &[u8]) -> usize {
    let odd_at = |i: usize| match (bytes[i], bytes.get(i + 1)) {
        (0xC2 | 0xC3, Some(&next)) => {
            let u = usize::from(bytes[i] & 0x1F) << 6 | usize::from(next & 0x3F);
            usize::from(ODD_LATIN1[u - 0x80])
        }
        _ => 0,
    };
    let mut odd = 0;
    let chunks = bytes.chunks_exact(8);
    let tail = bytes.len() - chunks.remainder().len();
    for (k, chunk) in chunks.enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        // Bytes `C2`/`C3` become zero.
        let v = (u64::from_le_bytes(w) ^ 0xC2C2_C2C2_C2C2_C2C2) & 0xFEFE_FEFE_FEFE_FEFE;
        let mut zeros = crate::text::zero_bytes(v);
        while zeros != 0 {
            odd += odd_at(k * 8 + zeros.trailing_zeros() as usize / 8);
            zeros &= zeros - 1;
        }
    }
    odd + (tail..bytes.len()).map(odd_at).sum::<usize>()
}

/// Whether the text looks like TCVN3 or VNI mojibake: among its first [`WINDOW`] chars, five
/// [`ODD`] chars or more, and at least 3 for every 100 letters.
pub fn looks_legacy(text: &str) -> bool {
    // Most texts stop here, on bounds: the bytes that hold the window (a char takes at most
    // four) have fewer than five odd chars, or too few for the ASCII letters of the bytes the
    // window holds (its first `WINDOW` bytes, or all).
    let bytes = text.as_bytes();
    let odd_most = odd_count(&bytes[..bytes.len().min(4 * WINDOW)]);
    if odd_most < 5 {
        return false;
    }
    let letters_least = bytes[..bytes.len().min(WINDOW)]
        .iter()
        .filter(|b| b.is_ascii_alphabetic())
        .count();
    if odd_most * 100 < letters_least * 3 {
        return false;
    }
    let mut rest = text.chars();
    let window = match rest.nth(WINDOW - 1) {
        Some(_) => &text[..text.len() - rest.as_str().len()],
        None => text,
    };
    let odd = odd_count(window.as_bytes());
    let letters = window
        .chars()
        .filter(|&c| {
            if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                crate::text::is_letter(c)
            }
        })
        .count();
    letters > 0 && odd * 100 >= letters * 3 && odd >= 5
}

#[cfg(test)]
mod tests {
    /// The definition, char by char.
    fn looks_legacy_by_chars(text: &str) -> bool {
        let mut odd = 0usize;
        let mut letters = 0usize;
        for c in text.chars().take(super::WINDOW) {
            if c.is_ascii() {
                letters += usize::from(c.is_ascii_alphabetic());
                continue;
            }
            letters += usize::from(crate::text::is_letter(c));
            odd += usize::from(super::ODD.contains(&c));
        }
        letters > 0 && odd * 100 >= letters * 3 && odd >= 5
    }

    #[test]
    fn detects_tcvn3() {
        // "Ủy ban nhân dân tỉnh" typed in a TCVN3 font, read as Windows-1252.
        assert!(super::looks_legacy(
            "đy ban nh©n d©n tØnh; Së Y tÕ; ChØ thÞ sè 15; Quy ®Þnh vÒ viÖc"
        ));
        assert!(!super::looks_legacy(
            "Ủy ban nhân dân tỉnh Đắk Lắk; Sở Y tế"
        ));
    }

    #[test]
    fn same_as_char_by_char() {
        let tcvn = "đy ban nh©n d©n tØnh; Së Y tÕ; ChØ thÞ sè 15; Quy ®Þnh vÒ viÖc ";
        let vi = "Ủy ban nhân dân tỉnh Đắk Lắk; Sở Y tế ";
        let mut cases: Vec<String> = vec![
            String::new(),
            "©©©©©".into(),
            "©©©©".into(),
            "a©b©c©d©e©".into(),
            "ÖÑØÙÚÛÜßþ÷§¬¸µ©ª®¶¹»¼½¾ Àà Ãã".into(),
            "\u{c2}\u{c3}\u{80}\u{ff}¢£".into(),
            tcvn.repeat(400),
            vi.repeat(600),
            format!("{}{}", vi.repeat(600), tcvn.repeat(100)),
            format!("{}{}", "a".repeat(19_997), "©©©©©©"),
            format!("{}{}", "ệ".repeat(19_990), "©©©©©©©©©©©©"),
            format!("{}{}", "x".repeat(300), "©".repeat(9)),
            format!("{}{}", "x".repeat(301), "©".repeat(9)),
            format!("{}{}", "ệ".repeat(19_999), "©©©©©©©©©©©©"),
            format!("{}{}", "ệ".repeat(20_000), "©©©©©©©©©©©©"),
            format!("{}{}", "😀".repeat(19_995), "©©©©©©©©©©©©"),
        ];
        for k in 0..16 {
            cases.push(format!("{}{}", "é".repeat(k), "©ß".repeat(3)));
        }
        for s in cases {
            assert_eq!(
                super::looks_legacy(&s),
                looks_legacy_by_chars(&s),
                "{s:.40}"
            );
        }
    }
}
