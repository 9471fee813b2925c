//! Detection of legacy-font mojibake (TCVN3/ABC and VNI text read as Latin-1 or Windows-1252).

/// Whether the text looks like TCVN3 or VNI mojibake: many Latin-1 letters that Vietnamese never
/// uses (`¬`, `¸`, `µ`, `©`, `ª`, `®` in TCVN3; `Ö`, `Ñ`, `Ø` next to ASCII vowels in VNI).
pub fn looks_legacy(text: &str) -> bool {
    let mut odd = 0usize;
    let mut letters = 0usize;
    for c in text.chars().take(20_000) {
        if c.is_ascii() {
            // No odd char is ASCII.
            letters += usize::from(c.is_ascii_alphabetic());
            continue;
        }
        if crate::text::is_letter(c) {
            letters += 1;
        }
        if matches!(
            c,
            '¬' | '¸'
                | 'µ'
                | '©'
                | 'ª'
                | '®'
                | '¶'
                | '¹'
                | '»'
                | '¼'
                | '½'
                | '¾'
                | 'Ñ'
                | 'Ö'
                | 'Ø'
                | 'Ù'
                | 'Ú'
                | 'Û'
                | 'Ü'
                | 'ß'
                | 'þ'
                | '÷'
                | '§'
        ) {
            odd += 1;
        }
    }
    letters > 0 && odd * 100 >= letters * 3 && odd >= 5
}

#[cfg(test)]
mod tests {
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
}
